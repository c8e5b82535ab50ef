package com.siali.label.app.cli;

import com.siali.label.server.PublicUrl;
import com.siali.label.server.http.TrustedProxies;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a node of several, behind a load balancer, presents itself (SPEC §9, docs/DEPLOYMENT.md):
 * {@value TrustedProxies#VARIABLE}, {@value PublicUrl#VARIABLE} and {@value #NODE_NAME}, read from
 * the environment and checked before anything starts (a bad value is one line naming the variable,
 * exit 2).
 *
 * @param trustedProxies whose {@code X-Forwarded-For}/{@code -Proto} are believed (none: ignored)
 * @param publicUrl the URL people use, allowed as a host and used in links
 * @param nodeName the name in every log line; empty: the host name and the port
 */
public record NodeOptions(
    TrustedProxies trustedProxies, Optional<PublicUrl> publicUrl, Optional<String> nodeName) {
  public static final String NODE_NAME = "LABEL_STUDIO_NODE_NAME";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

  /** A single node on the LAN: no proxy, no public URL, the default name. */
  public static final NodeOptions STANDALONE =
      new NodeOptions(TrustedProxies.NONE, Optional.empty(), Optional.empty());

  public static NodeOptions from(Map<String, String> environment) {
    TrustedProxies proxies;
    try {
      proxies = TrustedProxies.parse(environment.get(TrustedProxies.VARIABLE));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(TrustedProxies.VARIABLE + ": " + e.getMessage());
    }
    Optional<PublicUrl> publicUrl = Optional.empty();
    String host = environment.get(PublicUrl.VARIABLE);
    if (host != null && !host.isBlank()) {
      try {
        publicUrl = Optional.of(PublicUrl.parse(host));
      } catch (IllegalArgumentException e) {
        throw new UserInputException(PublicUrl.VARIABLE + ": " + e.getMessage());
      }
    }
    Optional<String> name = Optional.empty();
    String given = environment.get(NODE_NAME);
    if (given != null && !given.isBlank()) {
      if (!NAME.matcher(given.strip()).matches()) {
        throw new UserInputException(
            NODE_NAME
                + ": '"
                + given
                + "' must be 1 to 64 letters, digits or . _ : @ - (it starts every log line)");
      }
      name = Optional.of(given.strip());
    }
    return new NodeOptions(proxies, publicUrl, name);
  }
}
