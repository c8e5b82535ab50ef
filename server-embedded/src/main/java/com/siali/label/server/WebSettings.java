package com.siali.label.server;

import java.util.Optional;
import java.util.Set;

/**
 * How the web application behaves on this installation.
 *
 * @param signupRequiresLink {@code LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK} when set; it overrides
 *     the console's stored switch
 * @param secureCookies true under HTTPS
 * @param allowedHosts the host names and addresses the server answers to (DNS-rebinding guard)
 */
public record WebSettings(
    Optional<Boolean> signupRequiresLink, boolean secureCookies, Set<String> allowedHosts) {
  public WebSettings {
    allowedHosts = Set.copyOf(allowedHosts);
  }
}
