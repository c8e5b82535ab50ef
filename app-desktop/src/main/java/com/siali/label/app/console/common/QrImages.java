package com.siali.label.app.console.common;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * A QR code of a link as a JavaFX image (ZXing core), drawn pixel by pixel: no Swing bridge needed.
 */
public final class QrImages {
  private QrImages() {}

  public static Image of(String text, int size) {
    try {
      BitMatrix matrix =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  size,
                  size,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      1));
      WritableImage image = new WritableImage(matrix.getWidth(), matrix.getHeight());
      PixelWriter pixels = image.getPixelWriter();
      for (int y = 0; y < matrix.getHeight(); y++) {
        for (int x = 0; x < matrix.getWidth(); x++) {
          pixels.setColor(x, y, matrix.get(x, y) ? Color.BLACK : Color.WHITE);
        }
      }
      return image;
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode a QR code for " + text, e);
    }
  }
}
