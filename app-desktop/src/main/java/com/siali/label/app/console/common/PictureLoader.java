package com.siali.label.app.console.common;

import com.siali.label.service.avatar.AvatarService;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.image.Image;

/**
 * Reads and decodes profile pictures off the UI thread, keeping the most recent ones, so scrolling
 * the People table never waits on the disk. Pictures have generated names that change with every
 * upload, so a cached one is never stale.
 */
public final class PictureLoader {
  private static final int CACHED = 400;

  private final AvatarService avatars;
  private final ExecutorService decoder =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().daemon().name("picture-loader").factory());
  private final Map<String, Image> recent =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
          return size() > CACHED;
        }
      };

  public PictureLoader(AvatarService avatars) {
    this.avatars = avatars;
  }

  /**
   * Calls {@code show} on the UI thread with the picture at {@code size} pixels, when it is ready.
   */
  void load(String name, int size, Consumer<Image> show) {
    String key = name + "@" + size;
    Image cached = recent.get(key);
    if (cached != null) {
      show.accept(cached);
      return;
    }
    decoder.execute(
        () -> {
          Image image;
          try {
            image =
                new Image(
                    new ByteArrayInputStream(avatars.read(name)), size * 2, size * 2, true, true);
          } catch (RuntimeException unreadable) {
            return; // the initials stay
          }
          Platform.runLater(
              () -> {
                recent.put(key, image);
                show.accept(image);
              });
        });
  }

  public static Image decode(byte[] bytes, int size) {
    return new Image(new ByteArrayInputStream(bytes), size * 2, size * 2, true, true);
  }
}
