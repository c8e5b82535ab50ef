package com.siali.label.app.cli;

import com.siali.label.server.PublicUrl;
import com.siali.label.server.http.TrustedProxies;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * How a node of several, behind a load balancer, presents itself (SPEC §9, docs/DEPLOYMENT.md):
 * {@value TrustedProxies#VARIABLE}, {@value PublicUrl#VARIABLE}, {@value #NODE_NAME} and {@value
 * #PASSWORD_CHECKS}, read from the environment and checked before anything starts (a bad value is
 * one line naming the variable, exit 2).
 *
 * @param trustedProxies whose {@code X-Forwarded-For}/{@code -Proto} are believed (none: ignored)
 * @param publicUrl the URL people use, allowed as a host and used in links
 * @param nodeName the name in every log line; empty: the host name and the port
 * @param passwordChecks how many passwords this node checks at once; empty: one per core. Nodes
 *     that share a machine each take their share of its cores: every check holds a 19 MiB Argon2
 *     block, and twice as many blocks as cores, switched between on the same cores, made each
 *     log-in cost a quarter more CPU (ADR 0024)
 */
public record NodeOptions(
    TrustedProxies trustedProxies,
    Optional<PublicUrl> publicUrl,
    Optional<String> nodeName,
    OptionalInt passwordChecks) {
  public static final String NODE_NAME = "LABEL_STUDIO_NODE_NAME";
  public static final String PASSWORD_CHECKS = "LABEL_STUDIO_PASSWORD_CHECKS";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");
  private static final int MOST_PASSWORD_CHECKS = 64;

  /** A single node on the LAN: no proxy, no public URL, the default name, one check per core. */
  public static final NodeOptions STANDALONE =
      new NodeOptions(TrustedProxies.NONE, Optional.empty(), Optional.empty(), OptionalInt.empty());

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
    return new NodeOptions(
        proxies, publicUrl, name, passwordChecks(environment.get(PASSWORD_CHECKS)));
  }

  private static OptionalInt passwordChecks(String given) {
    if (given == null || given.isBlank()) {
      return OptionalInt.empty();
    }
    String digits = given.strip();
    if (digits.matches("[0-9]{1,3}")) {
      int checks = Integer.parseInt(digits);
      if (checks >= 1 && checks <= MOST_PASSWORD_CHECKS) {
        return OptionalInt.of(checks);
      }
    }
    throw new UserInputException(
        PASSWORD_CHECKS
            + ": '"
            + given
            + "' must be a whole number from 1 to "
            + MOST_PASSWORD_CHECKS
            + " (how many passwords this node checks at once)");
  }
}
