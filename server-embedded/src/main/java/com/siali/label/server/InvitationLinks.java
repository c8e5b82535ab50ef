package com.siali.label.server;

import com.siali.label.server.http.WebRequest;
import com.siali.label.service.InvitationService;
import java.util.Locale;
import java.util.Set;

/**
 * The full invitation link to share (SPEC §5) on the address the lead is using, unless that is this
 * computer's loopback name, which nobody else can reach; then on the first LAN address. (The link's
 * format is {@link InvitationService#signupLink}'s.)
 */
public final class InvitationLinks {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private InvitationLinks() {}

  public static String forRequest(WebRequest request, String scheme, String token) {
    return InvitationService.signupLink(baseUrl(request, scheme), token);
  }

  /** A one-time password-reset link, on the same address as the invitation link. */
  public static String passwordResetLink(WebRequest request, String scheme, String token) {
    return com.siali.label.service.PasswordResetLinks.link(baseUrl(request, scheme), token);
  }

  static String baseUrl(WebRequest request, String scheme) {
    String hostHeader = request.header("host").orElse("localhost");
    int colon = hostHeader.lastIndexOf(':');
    boolean hasPort = colon > hostHeader.lastIndexOf(']');
    String host = hasPort ? hostHeader.substring(0, colon) : hostHeader;
    String port = hasPort ? hostHeader.substring(colon) : "";
    if (LOOPBACK.contains(host.toLowerCase(Locale.ROOT))) {
      host = LanAddresses.reachableIpv4().getFirst();
    }
    return scheme + "://" + host + port;
  }
}
