package com.siali.label.service.avatar;

import com.siali.label.model.ValidationException;
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
 * before any decoding; only the centre square is decoded, in bands, and area-averaged to at most
 * 512×512 as it streams past ({@link CentreSquareReader}), so a small file that inflates to 40
 * megapixels costs at most about 40 MB of heap, not 160, and at most one decode runs per core
 * ({@link DecodingPermits}); the picture is re-encoded by us (which also drops metadata such as GPS
 * positions). Pictures with transparency become PNG, the rest JPEG.
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

  private static final DecodingPermits DECODING = DecodingPermits.perCore();

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
    return DECODING.decode(() -> decodeAndEncode(upload));
  }

  private static Normalised decodeAndEncode(byte[] upload) {
    Decoded decoded = decodeWithinLimits(upload);
    BufferedImage square = decoded.centre();
    boolean adjusted = decoded.width() != decoded.height() || decoded.width() > MAX_SIDE;
    boolean alpha = square.getColorModel().hasAlpha();
    return new Normalised(alpha ? png(square) : jpeg(square), alpha ? "png" : "jpg", adjusted);
  }

  /** The centre square, scaled, and the size the picture declared. */
  record Decoded(BufferedImage centre, int width, int height) {}

  static Decoded decodeWithinLimits(byte[] upload) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw unreadable();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, false, true); // a big square is read band by band
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        long pixels = (long) width * height;
        if (pixels > MAX_PIXELS) {
          throw new ValidationException(FIELD, "The picture is too large: at most 40 megapixels.");
        }
        if (pixels == 0) {
          throw unreadable();
        }
        return new Decoded(CentreSquareReader.read(reader, width, height), width, height);
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
