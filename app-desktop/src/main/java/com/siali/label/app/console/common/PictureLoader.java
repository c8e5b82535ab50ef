package com.siali.label.app.console.common;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.image.Image;

/**
 * Reads and decodes profile pictures off the UI thread, keeping the most recent ones, so scrolling
 * the People table never waits on the disk. Pictures have generated names that change with every
 * upload, so a cached one is never stale. The bytes come from the view-model, which reads them from
 * the picture store.
 */
public final class PictureLoader {
  private static final int CACHED = 400;

  private final Function<String, byte[]> read;
  private final ThreadPoolExecutor decoder =
      new ThreadPoolExecutor(
          1,
          1,
          30,
          TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(),
          Thread.ofPlatform().daemon().name("picture-loader").factory());
  private final Map<String, Image> recent =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
          return size() > CACHED;
        }
      };

  /**
   * @param read the stored picture's bytes by its name, called off the UI thread
   */
  public PictureLoader(Function<String, byte[]> read) {
    this.read = read;
    // One loader per People section, made again at each sign-in: an idle one lets its thread end.
    decoder.allowCoreThreadTimeOut(true);
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
                    new ByteArrayInputStream(read.apply(name)), size * 2, size * 2, true, true);
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
