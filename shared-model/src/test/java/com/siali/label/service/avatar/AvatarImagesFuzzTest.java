package com.siali.label.service.avatar;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.siali.label.testing.ClientFault;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Uploaded pictures are untrusted bytes: any of them becomes a stored picture within the bounds
 * (square, at most 512 px, PNG or JPEG that decodes again) or a {@code ValidationException} — never
 * an {@code OutOfMemoryError} or a decoder's own exception. Seeds in {@code
 * AvatarImagesFuzzTestInputs/} (pictures of each format, headers declaring huge sizes, a 39.7 MP
 * PNG bomb of 116 KB); {@code tools/fuzz} fuzzes longer.
 */
class AvatarImagesFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void anyBytesGiveABoundedPictureOrAValidationError(byte[] upload) {
    ClientFault.decodedOrRefused(() -> AvatarImages.normalise(upload), ClientFault::validation)
        .ifPresent(
            stored -> {
              BufferedImage picture = read(stored.bytes());
              assertThat(picture.getWidth())
                  .isEqualTo(picture.getHeight())
                  .isBetween(1, AvatarImages.MAX_SIDE);
              assertThat(stored.extension())
                  .isEqualTo(picture.getColorModel().hasAlpha() ? "png" : "jpg");
            });
  }

  private static BufferedImage read(byte[] stored) {
    try {
      BufferedImage picture = ImageIO.read(new ByteArrayInputStream(stored));
      assertThat(picture).as("the stored picture decodes").isNotNull();
      return picture;
    } catch (IOException e) {
      throw new AssertionError("the stored picture does not decode", e);
    }
  }
}
