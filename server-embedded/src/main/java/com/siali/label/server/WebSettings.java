package com.siali.label.server;

import com.siali.label.server.http.TrustedProxies;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * How the web application behaves on this installation.
 *
 * @param signupRequiresLink {@code LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK} when set; it overrides
 *     the console's stored switch
 * @param secureCookies true under HTTPS
 * @param allowedHosts the host names and addresses the server answers to (DNS-rebinding guard)
 * @param bodyDeadline how long a request body may take to arrive before the client gets a 408
 * @param trustedProxies whose {@code X-Forwarded-For}/{@code -Proto} are believed (none by default)
 * @param publicUrl {@code LABEL_STUDIO_HOST}: its host is allowed too, and links are made on it
 */
public record WebSettings(
    Optional<Boolean> signupRequiresLink,
    boolean secureCookies,
    Set<String> allowedHosts,
    Duration bodyDeadline,
    TrustedProxies trustedProxies,
    Optional<PublicUrl> publicUrl) {
  /**
   * A body of 6 MiB (a picture upload) over a poor Wi-Fi link of 2 Mbit/s takes ~25 s; twice that
   * still ends a slow-loris body in under a minute.
   */
  public static final Duration BODY_DEADLINE = Duration.ofSeconds(60);

  public WebSettings {
    Set<String> hosts = new HashSet<>(allowedHosts);
    publicUrl.ifPresent(url -> hosts.add(url.host()));
    allowedHosts = Set.copyOf(hosts);
  }

  public WebSettings(
      Optional<Boolean> signupRequiresLink,
      boolean secureCookies,
      Set<String> allowedHosts,
      Duration bodyDeadline) {
    this(
        signupRequiresLink,
        secureCookies,
        allowedHosts,
        bodyDeadline,
        TrustedProxies.NONE,
        Optional.empty());
  }

  /** Behind proxies: these settings with {@code trustedProxies} and {@code publicUrl}. */
  public WebSettings behind(TrustedProxies proxies, Optional<PublicUrl> url) {
    return new WebSettings(
        signupRequiresLink, secureCookies, allowedHosts, bodyDeadline, proxies, url);
  }

  public WebSettings(
      Optional<Boolean> signupRequiresLink, boolean secureCookies, Set<String> allowedHosts) {
    this(signupRequiresLink, secureCookies, allowedHosts, BODY_DEADLINE);
  }
}
