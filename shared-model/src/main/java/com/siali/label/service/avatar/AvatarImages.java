package com.siali.label.service.avatar;

import com.siali.label.model.ValidationException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns an uploaded file into a stored profile picture (SPEC §4, SECURITY.md "Files"): the type
 * comes from the bytes; SVG is refused; the header is read and more than 40 megapixels refused
 * before any decoding; the image is centre-cropped to a square, scaled to at most 512×512 and
 * re-encoded by us (which also drops metadata such as GPS positions). Pictures with transparency
 * become PNG, the rest JPEG.
 */
public final class AvatarImages {
  public static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
  public static final long MAX_PIXELS = 40_000_000L;
  public static final int MAX_SIDE = 512;
  static final String FIELD = "avatar";

  /**
   * The re-encoded picture, its file extension, and whether it had to be cropped or scaled down.
   */
  public record Normalised(byte[] bytes, String extension, boolean adjusted) {}

  private AvatarImages() {}

  public static Normalised normalise(byte[] upload) {
    if (upload.length == 0) {
      throw new ValidationException(FIELD, "Choose a picture to upload.");
    }
    if (upload.length > MAX_UPLOAD_BYTES) {
      throw new ValidationException(FIELD, "The picture must be at most 5 MiB.");
    }
    if (ImageFormat.sniff(upload).isEmpty()) {
      throw new ValidationException(
          FIELD,
          ImageFormat.looksLikeSvg(upload)
              ? "SVG pictures are not accepted. Upload a PNG, JPEG, GIF or WebP picture."
              : "This file is not a PNG, JPEG, GIF or WebP picture.");
    }
    BufferedImage decoded = decodeWithinLimits(upload);
    BufferedImage square = cropAndScale(decoded);
    boolean adjusted = decoded.getWidth() != decoded.getHeight() || decoded.getWidth() > MAX_SIDE;
    boolean alpha = square.getColorModel().hasAlpha();
    return new Normalised(alpha ? png(square) : jpeg(square), alpha ? "png" : "jpg", adjusted);
  }

  private static BufferedImage decodeWithinLimits(byte[] upload) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw unreadable();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
          throw new ValidationException(FIELD, "The picture is too large: at most 40 megapixels.");
        }
        if (pixels == 0) {
          throw unreadable();
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ValidationException v) {
        throw v;
      }
      throw unreadable();
    }
  }

  private static ValidationException unreadable() {
    return new ValidationException(FIELD, "This picture cannot be read; the file may be damaged.");
  }

  static BufferedImage cropAndScale(BufferedImage image) {
    int side = Math.min(image.getWidth(), image.getHeight());
    int target = Math.min(side, MAX_SIDE);
    boolean alpha = image.getColorModel().hasAlpha();
    BufferedImage current =
        image.getSubimage(
            (image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side);
    // Halving in steps keeps a large photo sharp; one bilinear jump from 4000 px to 512 px would
    // alias.
    for (int size = side / 2; size >= target; size /= 2) {
      current = draw(current, size, alpha);
    }
    return draw(
        current, target, alpha); // also copies the pixels out of the (possibly huge) original
  }

  private static BufferedImage draw(BufferedImage source, int size, boolean alpha) {
    BufferedImage out =
        new BufferedImage(
            size, size, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, 0, 0, size, size, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static byte[] png(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] jpeg(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.88f);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
