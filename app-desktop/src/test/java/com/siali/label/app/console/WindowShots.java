package com.siali.label.app.console;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Screenshots of the window for a person to look at ({@code -Dscreenshots.dir}). */
final class WindowShots {
  private WindowShots() {}

  static void save(Stage stage, String name) throws Exception {
    Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    Files.createDirectories(out);
    AtomicReference<WritableImage> image = new AtomicReference<>();
    new FxRobot().interact(() -> image.set(stage.getScene().snapshot(null)));
    WritableImage fx = image.get();
    BufferedImage png =
        new BufferedImage((int) fx.getWidth(), (int) fx.getHeight(), BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < png.getHeight(); y++) {
      for (int x = 0; x < png.getWidth(); x++) {
        png.setRGB(x, y, fx.getPixelReader().getArgb(x, y));
      }
    }
    ImageIO.write(png, "png", out.resolve(name + ".png").toFile());
  }
}
