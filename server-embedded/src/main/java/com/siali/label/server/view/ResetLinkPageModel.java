package com.siali.label.server.view;

import com.siali.label.model.User;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code reset_link.jte}: a one-time password-reset link, shown this once.
 *
 * @param qrSvg the link's QR code as inline SVG markup (made by {@link QrCodes#svg}, no user text)
 */
public record ResetLinkPageModel(
    User person, String link, String qrSvg, Instant expiresAt, Duration validFor)
    implements PageModel {
  @Override
  public String template() {
    return "reset_link.jte";
  }
}
