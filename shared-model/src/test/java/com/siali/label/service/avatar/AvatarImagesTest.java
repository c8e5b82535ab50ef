package com.siali.label.service.avatar;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.ValidationException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AvatarImagesTest {

  static byte[] encode(BufferedImage image, String format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).isTrue();
    return out.toByteArray();
  }

  static BufferedImage picture(int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    var g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLUE);
    g.fillRect(
        width / 2 - 5, height / 2 - 5, 10, 10); // a mark in the centre survives the centre crop
    g.dispose();
    return image;
  }

  private static BufferedImage decode(byte[] bytes) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }

  private static String message(byte[] upload) {
    try {
      AvatarImages.normalise(upload);
      throw new AssertionError("accepted");
    } catch (ValidationException e) {
      assertThat(e.field()).isEqualTo("avatar");
      return e.getMessage();
    }
  }

  @Test
  void largePicturesAreCentreCroppedAndScaledTo512() throws Exception {
    var result =
        AvatarImages.normalise(encode(picture(1600, 900, BufferedImage.TYPE_INT_RGB), "png"));
    assertThat(result.extension()).isEqualTo("jpg");
    assertThat(result.adjusted()).isTrue();
    BufferedImage stored = decode(result.bytes());
    assertThat(stored.getWidth()).isEqualTo(512);
    assertThat(stored.getHeight()).isEqualTo(512);
    assertThat(new Color(stored.getRGB(256, 256)).getBlue()).as("centre kept").isGreaterThan(150);
  }

  @Test
  void smallSquarePicturesKeepTheirSize() throws Exception {
    var result =
        AvatarImages.normalise(encode(picture(120, 120, BufferedImage.TYPE_INT_RGB), "jpg"));
    assertThat(result.adjusted()).isFalse();
    assertThat(decode(result.bytes()).getWidth()).isEqualTo(120);
  }

  @Test
  void transparencyIsKeptAsPng() throws Exception {
    var result =
        AvatarImages.normalise(encode(picture(64, 64, BufferedImage.TYPE_INT_ARGB), "png"));
    assertThat(result.extension()).isEqualTo("png");
    assertThat(decode(result.bytes()).getColorModel().hasAlpha()).isTrue();
  }

  @Test
  void gifIsAccepted() throws Exception {
    assertThat(
            AvatarImages.normalise(encode(picture(40, 30, BufferedImage.TYPE_INT_RGB), "gif"))
                .bytes())
        .isNotEmpty();
  }

  @Test
  void webpIsDecoded() throws Exception {
    // 24×24 orange square, made with Debian's cwebp for this test
    byte[] webp =
        Base64.getDecoder()
            .decode(
                "UklGRkoAAABXRUJQVlA4ID4AAACQAwCdASoYABgAPm0ylUekIyIhKAgAgA2JZQB2APwA/AAAkyr4AP7hR3//7O5tVIf3Uf//sHTBlz/DQAAAAA==");
    BufferedImage stored = decode(AvatarImages.normalise(webp).bytes());
    assertThat(stored.getWidth()).isEqualTo(24);
    assertThat(new Color(stored.getRGB(12, 12)).getRed()).isGreaterThan(200);
  }

  @Test
  void svgIsRefusedWithItsOwnMessage() {
    byte[] svg =
        "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(message(svg)).startsWith("SVG pictures are not accepted");
  }

  @Test
  void anythingElseIsRefusedWhateverItsName() {
    assertThat(message("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("This file is not a PNG, JPEG, GIF or WebP picture.");
    assertThat(message(new byte[0])).isEqualTo("Choose a picture to upload.");
  }

  @Test
  void aPolyglotLosesEverythingButThePixels() throws Exception {
    byte[] gif = encode(picture(32, 32, BufferedImage.TYPE_INT_RGB), "gif");
    byte[] polyglot =
        concat(gif, "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.US_ASCII));
    byte[] stored = AvatarImages.normalise(polyglot).bytes();
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("<script");
  }

  @Test
  void metadataSuchAsExifIsDropped() throws Exception {
    byte[] jpeg = encode(picture(64, 64, BufferedImage.TYPE_INT_RGB), "jpg");
    byte[] exif =
        concat(
            "Exif\0\0MM\0*\0\0\0\b\0\0".getBytes(StandardCharsets.ISO_8859_1),
            "GPS 51.5007N 0.1246W".getBytes(StandardCharsets.ISO_8859_1));
    byte[] app1 = concat(new byte[] {(byte) 0xff, (byte) 0xe1, 0, (byte) (exif.length + 2)}, exif);
    byte[] withExif =
        concat(concat(Arrays.copyOf(jpeg, 2), app1), Arrays.copyOfRange(jpeg, 2, jpeg.length));
    String stored =
        new String(AvatarImages.normalise(withExif).bytes(), StandardCharsets.ISO_8859_1);
    assertThat(stored).doesNotContain("GPS 51.5007N").doesNotContain("Exif");
  }

  @Test
  void aHeaderDeclaringMoreThan40MegapixelsIsRefusedBeforeDecoding() throws Exception {
    byte[] png = encode(picture(8, 8, BufferedImage.TYPE_INT_RGB), "png");
    byte[] flood = withPngSize(png, 50_000, 50_000);
    long start = System.nanoTime();
    assertThat(message(flood)).isEqualTo("The picture is too large: at most 40 megapixels.");
    assertThat(System.nanoTime() - start)
        .as("no 10 GB decode was attempted")
        .isLessThan(2_000_000_000L);
  }

  @Test
  void aSmallFileInflatingToNearly40MegapixelsIsDecodedSmallSoAFewAtOnceFitTheHeap()
      throws Exception {
    byte[] bomb = blackPng(6300, 6300);
    assertThat(bomb.length).as("a 39.7 MP bomb").isLessThan(200_000);

    var decoded = AvatarImages.decodeWithinLimits(bomb);

    assertThat(decoded.width()).isEqualTo(6300);
    assertThat(decoded.centre().getWidth()).isEqualTo(decoded.centre().getHeight()).isEqualTo(512);
    var stored = AvatarImages.normalise(bomb);
    assertThat(stored.adjusted()).isTrue();
    assertThat(decode(stored.bytes()).getWidth()).isEqualTo(512);
  }

  @Test
  void finePatternsInABigPhotoAverageOutInsteadOfTurningIntoMoire() throws Exception {
    // 3-pixel stripes in a 12-megapixel photo (the case seen): 500 stripe pairs cannot be drawn in
    // 512 pixels, so every pixel counted gives an even tone. Decoding every other pixel, or
    // halving bilinearly to 750 and then 512, left a pattern of false stripes.
    assertFlatGrey(stripes(4000, 3000, 3), "png");
    assertFlatGrey(stripes(4000, 3000, 3), "jpg");
    // 1-pixel stripes, scaled by a ratio that is not a power of two (1000 to 512)
    assertFlatGrey(stripes(1000, 1000, 1), "png");
  }

  private static BufferedImage stripes(int width, int height, int stripe) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, (x / stripe + y / (height / 2)) % 2 == 0 ? 0xffffff : 0x000000);
      }
    }
    return image;
  }

  private static void assertFlatGrey(BufferedImage upload, String format) throws Exception {
    BufferedImage stored = decode(AvatarImages.normalise(encode(upload, format)).bytes());
    assertThat(stored.getWidth()).isEqualTo(512);
    double[] grey = greyMeanAndDeviation(stored);
    assertThat(grey[0]).as("mean grey of a " + format).isBetween(112.0, 144.0);
    assertThat(grey[1]).as("standard deviation in a " + format + ": a flat tone").isLessThan(8.0);
  }

  @Test
  void aBigTransparentPictureIsAveragedByOpacitySoHiddenColoursDoNotTintIt() throws Exception {
    // Opaque blue stripes between fully transparent green ones: the result is half-transparent
    // blue, with no green from the pixels nobody could see.
    BufferedImage stripes = new BufferedImage(2048, 2048, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 2048; y++) {
      for (int x = 0; x < 2048; x++) {
        stripes.setRGB(x, y, x % 2 == 0 ? 0xff0000ff : 0x0000ff00);
      }
    }

    var result = AvatarImages.normalise(encode(stripes, "png"));

    assertThat(result.extension()).isEqualTo("png");
    Color centre = new Color(decode(result.bytes()).getRGB(256, 256), true);
    assertThat(centre.getAlpha()).isBetween(112, 144);
    assertThat(centre.getBlue()).isGreaterThan(240);
    assertThat(centre.getGreen()).isLessThan(16);
  }

  private static double[] greyMeanAndDeviation(BufferedImage image) {
    double sum = 0;
    double squares = 0;
    int n = image.getWidth() * image.getHeight();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        Color c = new Color(image.getRGB(x, y));
        double grey = (c.getRed() + c.getGreen() + c.getBlue()) / 3.0;
        sum += grey;
        squares += grey * grey;
      }
    }
    double mean = sum / n;
    return new double[] {mean, Math.sqrt(Math.max(0, squares / n - mean * mean))};
  }

  @Test
  void onlyTheCentreOfAWidePictureIsDecoded() throws Exception {
    var decoded =
        AvatarImages.decodeWithinLimits(
            encode(picture(900, 300, BufferedImage.TYPE_INT_RGB), "png"));
    assertThat(decoded.centre().getWidth()).isEqualTo(300);
    assertThat(decoded.centre().getHeight()).isEqualTo(300);
    assertThat(new Color(decoded.centre().getRGB(150, 150)).getBlue()).isGreaterThan(150);
  }

  @Test
  void truncatedAndOversizedFilesAreRefused() throws Exception {
    byte[] png = encode(picture(300, 300, BufferedImage.TYPE_INT_RGB), "png");
    assertThat(message(Arrays.copyOf(png, png.length / 2)))
        .isEqualTo("This picture cannot be read; the file may be damaged.");
    byte[] huge = Arrays.copyOf(png, AvatarImages.MAX_UPLOAD_BYTES + 1);
    assertThat(message(huge)).isEqualTo("The picture must be at most 5 MiB.");
  }

  /** Rewrites the IHDR width and height (and its CRC), as an attacker's pixel-flood file would. */
  static byte[] withPngSize(byte[] png, int width, int height) {
    byte[] out = png.clone();
    ByteBuffer.wrap(out, 16, 8).putInt(width).putInt(height);
    CRC32 crc = new CRC32();
    crc.update(out, 12, 17); // chunk type + 13 data bytes
    ByteBuffer.wrap(out, 29, 4).putInt((int) crc.getValue());
    return out;
  }

  /** An 8-bit RGB PNG of black rows, deflated as it is written (never whole in memory). */
  static byte[] blackPng(int width, int height) throws Exception {
    ByteArrayOutputStream pixels = new ByteArrayOutputStream();
    try (var deflate = new DeflaterOutputStream(pixels, new Deflater(9))) {
      byte[] row = new byte[1 + 3 * width]; // filter byte 0, then black
      for (int y = 0; y < height; y++) {
        deflate.write(row);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunk(
        png,
        "IHDR",
        ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).array());
    chunk(png, "IDAT", pixels.toByteArray());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    png.writeBytes(name);
    png.writeBytes(data);
    png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
