package com.siali.label.service.avatar;

import com.siali.label.model.ValidationException;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns an uploaded file into a stored profile picture (SPEC §4, SECURITY.md "Files"): the type
 * comes from the bytes; SVG is refused; the header is read and more than 40 megapixels refused
 * before any decoding; only the centre square is decoded, every n-th pixel of it when it is over
 * {@link #MAX_DECODED_SIDE}, so a small file that inflates to 40 megapixels costs at most 16 MB of
 * heap, not 160; the square is scaled to at most 512×512 and re-encoded by us (which also drops
 * metadata such as GPS positions). Pictures with transparency become PNG, the rest JPEG.
 */
public final class AvatarImages {
  public static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
  public static final long MAX_PIXELS = 40_000_000L;
  public static final int MAX_SIDE = 512;

  /**
   * The decoded square is below twice this side: the halving steps to {@link #MAX_SIDE} still have
   * pixels to average, and a decode holds at most 2047² pixels (16 MB) whatever the upload claims.
   */
  static final int MAX_DECODED_SIDE = 2 * MAX_SIDE;

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
    Decoded decoded = decodeWithinLimits(upload);
    BufferedImage square = cropAndScale(decoded.centre());
    boolean adjusted = decoded.width() != decoded.height() || decoded.width() > MAX_SIDE;
    boolean alpha = square.getColorModel().hasAlpha();
    return new Normalised(alpha ? png(square) : jpeg(square), alpha ? "png" : "jpg", adjusted);
  }

  /** The centre square as decoded, and the size the picture declared. */
  record Decoded(BufferedImage centre, int width, int height) {}

  static Decoded decodeWithinLimits(byte[] upload) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw unreadable();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        long pixels = (long) width * height;
        if (pixels > MAX_PIXELS) {
          throw new ValidationException(FIELD, "The picture is too large: at most 40 megapixels.");
        }
        if (pixels == 0) {
          throw unreadable();
        }
        return new Decoded(reader.read(0, centreSquare(reader, width, height)), width, height);
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

  /**
   * Reads only the centre square (all we keep), every {@code step}-th pixel of it: three uploads of
   * a 116 KB PNG declaring 6300×6300 decoded whole ran a 512 MB heap out of memory.
   */
  private static ImageReadParam centreSquare(ImageReader reader, int width, int height) {
    int side = Math.min(width, height);
    int step = Math.max(1, side / MAX_DECODED_SIDE);
    ImageReadParam param = reader.getDefaultReadParam();
    param.setSourceRegion(new Rectangle((width - side) / 2, (height - side) / 2, side, side));
    param.setSourceSubsampling(step, step, 0, 0);
    return param;
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
