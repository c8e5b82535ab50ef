package com.siali.label.service.avatar;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;

/**
 * Decodes the centre square of a picture and scales it to at most {@link AvatarImages#MAX_SIDE},
 * within a fixed memory bound, every pixel counted.
 *
 * <p>The square is decoded in horizontal bands of at most {@link #BAND_PIXELS} pixels (one band for
 * the centre of a 12-megapixel photo) and streamed row by row through {@link AreaAverage}. Decoding
 * every n-th pixel instead (the reader's subsampling) held the bound too, but turned fine detail
 * such as stripes, hair or fabric into moiré. The price is time: a reader decodes from the top of
 * the picture to the end of each band asked for, so a 40-megapixel upload is decoded about three
 * times over, about a second of CPU here against 0.3 s for a 12-megapixel photo (0.2 s for either
 * when subsampled).
 */
final class CentreSquareReader {
  /**
   * At most this many pixels are decoded at once (27 MB as RGB, 36 MB with transparency), whatever
   * the upload claims: the centre of a 12-megapixel photo in one pass.
   */
  static final int BAND_PIXELS = 3000 * 3000;

  private CentreSquareReader() {}

  /**
   * The centre square of image 0, scaled. The reader's input must allow reading the image more than
   * once (not seek-forward-only).
   */
  static BufferedImage read(ImageReader reader, int width, int height) throws IOException {
    int side = Math.min(width, height);
    int left = (width - side) / 2;
    int top = (height - side) / 2;
    int bandRows = Math.max(1, BAND_PIXELS / side);
    AreaAverage scaled = null;
    int[] row = new int[side];
    for (int bandTop = 0; bandTop < side; bandTop += bandRows) {
      int rows = Math.min(bandRows, side - bandTop);
      BufferedImage band = reader.read(0, region(reader, left, top + bandTop, side, rows));
      if (band.getWidth() != side || band.getHeight() != rows) {
        // a reader that ignored the region would otherwise give a wrong crop without a word
        throw new IOException("asked for " + side + "×" + rows + " pixels, read " + band);
      }
      if (scaled == null) {
        scaled =
            new AreaAverage(
                side, Math.min(side, AvatarImages.MAX_SIDE), band.getColorModel().hasAlpha());
      }
      RowReader pixels = RowReader.of(band);
      for (int y = 0; y < rows; y++) {
        pixels.read(y, row);
        scaled.accept(row);
      }
    }
    return scaled.result();
  }

  private static ImageReadParam region(ImageReader reader, int x, int y, int w, int h) {
    ImageReadParam param = reader.getDefaultReadParam();
    param.setSourceRegion(new Rectangle(x, y, w, h));
    return param;
  }

  /** Reads a row of a band as sRGB ARGB values. */
  private interface RowReader {
    void read(int y, int[] argb);

    /**
     * Straight from the bytes for 8-bit sRGB pixels (what JPEG and most PNGs decode to): {@code
     * getRGB} converts pixel by pixel through the colour model and took half the time of a
     * 40-megapixel upload. Anything else (palettes, grey, 16 bits, other colour spaces) goes
     * through {@code getRGB}.
     */
    static RowReader of(BufferedImage band) {
      int width = band.getWidth();
      ColorModel model = band.getColorModel();
      WritableRaster raster = band.getRaster();
      if (model instanceof ComponentColorModel
          && model.getColorSpace().isCS_sRGB()
          && !model.isAlphaPremultiplied()
          && model.getNumComponents() >= 3
          && raster.getDataBuffer() instanceof DataBufferByte bytes
          && bytes.getNumBanks() == 1
          && raster.getSampleModel() instanceof PixelInterleavedSampleModel layout
          && raster.getSampleModelTranslateX() == 0
          && raster.getSampleModelTranslateY() == 0) {
        byte[] data = bytes.getData();
        int[] offsets = layout.getBandOffsets();
        int stride = layout.getPixelStride();
        int scanline = layout.getScanlineStride();
        boolean alpha = model.getNumComponents() == 4;
        return (y, argb) -> {
          int start = bytes.getOffset() + y * scanline;
          for (int x = 0, i = start; x < width; x++, i += stride) {
            int a = alpha ? data[i + offsets[3]] & 0xff : 0xff;
            argb[x] =
                a << 24
                    | (data[i + offsets[0]] & 0xff) << 16
                    | (data[i + offsets[1]] & 0xff) << 8
                    | (data[i + offsets[2]] & 0xff);
          }
        };
      }
      return (y, argb) -> band.getRGB(0, y, width, 1, argb, 0, width);
    }
  }
}
