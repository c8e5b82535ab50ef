package com.siali.label.service.avatar;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Scales a square picture down by area averaging, fed one row at a time: each output pixel is the
 * mean of exactly the source area it covers, fractions of pixels at its edges included. Every
 * source pixel counts once, so detail finer than the output (stripes, hair, fabric) becomes its
 * average tone instead of a false pattern, which a chain of bilinear halvings or reading every n-th
 * pixel both left. Colours are weighted by opacity, so the colour of a transparent pixel (which
 * nobody sees) does not tint its neighbours.
 *
 * <p>Only two output rows are held while the source streams past, so the source never has to be in
 * memory whole.
 */
final class AreaAverage {
  private final int sourceSide;
  private final int side;
  private final double scale;
  private final BufferedImage out;

  /** For each source column: the output column it starts in, and its share of that column. */
  private final int[] column;

  private final double[] share;

  private final Sums row;
  private Sums current;
  private Sums next;
  private int currentRow;
  private int sourceRow;

  AreaAverage(int sourceSide, int side, boolean alpha) {
    if (side > sourceSide || side < 1) {
      throw new IllegalArgumentException(side + " px from " + sourceSide);
    }
    this.sourceSide = sourceSide;
    this.side = side;
    this.scale = (double) side / sourceSide;
    this.out =
        new BufferedImage(
            side, side, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    this.column = new int[sourceSide];
    this.share = new double[sourceSide];
    for (int x = 0; x < sourceSide; x++) {
      double start = x * scale;
      column[x] = (int) start;
      share[x] = Math.min(column[x] + 1, (x + 1) * scale) - start;
    }
    this.row = new Sums(side);
    this.current = new Sums(side);
    this.next = new Sums(side);
  }

  /** The next source row, as ARGB values. */
  void accept(int[] argb) {
    if (sourceRow == sourceSide) {
      throw new IllegalStateException("all " + sourceSide + " rows were given");
    }
    row.clear();
    for (int x = 0; x < sourceSide; x++) {
      int o = column[x];
      double first = share[x];
      row.add(o, argb[x], first);
      double rest = scale - first;
      if (rest > 1e-9 && o + 1 < side) {
        row.add(o + 1, argb[x], rest);
      }
    }
    double start = sourceRow * scale;
    int o = (int) start;
    while (currentRow < o) {
      flushCurrent();
    }
    double first = Math.min(o + 1, (sourceRow + 1) * scale) - start;
    current.addScaled(row, first);
    double rest = scale - first;
    if (rest > 1e-9 && o + 1 < side) {
      next.addScaled(row, rest);
    }
    sourceRow++;
  }

  /** The scaled picture, once every source row has been given. */
  BufferedImage result() {
    if (sourceRow != sourceSide) {
      throw new IllegalStateException(sourceRow + " of " + sourceSide + " rows were given");
    }
    while (currentRow < side) {
      flushCurrent();
    }
    return out;
  }

  private void flushCurrent() {
    out.setRGB(0, currentRow, side, 1, current.argb(), 0, side);
    Sums flushed = current;
    current = next;
    next = flushed;
    next.clear();
    currentRow++;
  }

  /**
   * A row of weighted sums: alpha, and alpha-weighted colours. The shares of the source pixels an
   * output pixel covers add up to 1 (its own width and height), so the alpha sum is already its
   * mean.
   */
  private static final class Sums {
    private final double[] alpha;
    private final double[] red;
    private final double[] green;
    private final double[] blue;

    Sums(int width) {
      alpha = new double[width];
      red = new double[width];
      green = new double[width];
      blue = new double[width];
    }

    void clear() {
      Arrays.fill(alpha, 0);
      Arrays.fill(red, 0);
      Arrays.fill(green, 0);
      Arrays.fill(blue, 0);
    }

    void add(int x, int argb, double w) {
      double a = (argb >>> 24) * w;
      alpha[x] += a;
      red[x] += ((argb >> 16) & 0xff) * a;
      green[x] += ((argb >> 8) & 0xff) * a;
      blue[x] += (argb & 0xff) * a;
    }

    void addScaled(Sums other, double w) {
      for (int x = 0; x < alpha.length; x++) {
        alpha[x] += other.alpha[x] * w;
        red[x] += other.red[x] * w;
        green[x] += other.green[x] * w;
        blue[x] += other.blue[x] * w;
      }
    }

    int[] argb() {
      int[] argb = new int[alpha.length];
      for (int x = 0; x < argb.length; x++) {
        double a = alpha[x];
        if (a <= 0) {
          continue; // fully transparent
        }
        argb[x] =
            round(a) << 24
                | round(red[x] / a) << 16
                | round(green[x] / a) << 8
                | round(blue[x] / a);
      }
      return argb;
    }

    private static int round(double value) {
      return Math.min(255, Math.max(0, (int) Math.round(value)));
    }
  }
}
