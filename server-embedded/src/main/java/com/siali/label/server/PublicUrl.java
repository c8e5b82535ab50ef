package com.siali.label.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The public base URL an operator gives in {@value #VARIABLE} (Label Studio's variable, SPEC §9),
 * e.g. {@code https://label.example.com}: behind a load balancer it is the only address people
 * reach, so the allowed-hosts check accepts its host and invitation and reset links are made on it.
 *
 * @param base {@code scheme://host[:port]}, without a trailing slash
 * @param host the host as a {@code Host} header names it (IPv6 in brackets), lower case
 */
public record PublicUrl(String base, String host) {
  public static final String VARIABLE = "LABEL_STUDIO_HOST";

  /**
   * Parses {@code value}: {@code http} or {@code https}, a host, an optional port, no path (Siali
   * Label serves from the root), no user, query or fragment.
   *
   * @throws IllegalArgumentException saying what is wrong, for one line on the terminal
   */
  public static PublicUrl parse(String value) {
    String text = value.strip();
    URI uri;
    try {
      uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + value + "' is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "'" + value + "' must start with https:// or http://, e.g. https://label.example.com");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "'" + value + "' names no host, e.g. https://label.example.com");
    }
    if (!uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "'" + value + "' may not have a path: Siali Label is served from the root of its host");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return new PublicUrl(scheme + "://" + host + port, host);
  }
}
