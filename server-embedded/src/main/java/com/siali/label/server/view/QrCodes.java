package com.siali.label.server.view;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/** A QR code of a link, as a PNG (ZXing core; drawn here so that no Swing or JavaFX is needed). */
public final class QrCodes {
  private QrCodes() {}

  /**
   * The QR code as inline SVG markup, one path of unit squares: for a link shown once (a
   * password-reset link is not stored, so no image URL could serve it later) under a CSP that
   * allows no {@code data:} images.
   */
  public static String svg(String text, int size, String label) {
    BitMatrix matrix = matrix(text, 0);
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\""
        + size
        + "\" height=\""
        + size
        + "\" viewBox=\"0 0 "
        + matrix.getWidth()
        + " "
        + matrix.getHeight()
        + "\" shape-rendering=\"crispEdges\"><title>"
        + label.replace("&", "&amp;").replace("<", "&lt;")
        + "</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }

  private static BitMatrix matrix(String text, int size) {
    try {
      return new QRCodeWriter()
          .encode(
              text,
              BarcodeFormat.QR_CODE,
              size,
              size,
              Map.of(
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M,
                  EncodeHintType.MARGIN,
                  2));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode a QR code for this link", e);
    }
  }

  public static byte[] png(String text, int size) {
    try {
      BitMatrix matrix = matrix(text, size);
      BufferedImage image =
          new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < matrix.getHeight(); y++) {
        for (int x = 0; x < matrix.getWidth(); x++) {
          image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xffffff);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
