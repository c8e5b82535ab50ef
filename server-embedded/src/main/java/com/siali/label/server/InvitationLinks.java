package com.siali.label.server;

import com.siali.label.server.http.WebRequest;
import com.siali.label.service.InvitationService;
import com.siali.label.service.PasswordResetLinks;
import com.siali.label.service.PersonalInvitations;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The full invitation link to share (SPEC §5): on {@code LABEL_STUDIO_HOST} when the operator set
 * one (behind a load balancer nobody reaches a node's own address); else on the address the lead is
 * using, unless that is this computer's loopback name, which nobody else can reach; then on the
 * first LAN address. (The link's format is {@link InvitationService#signupLink}'s.)
 */
public final class InvitationLinks {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private final String scheme;
  private final Optional<PublicUrl> publicUrl;

  /**
   * @param scheme "http" or "https", as this server is reached when there is no public URL
   */
  public InvitationLinks(String scheme, Optional<PublicUrl> publicUrl) {
    this.scheme = scheme;
    this.publicUrl = publicUrl;
  }

  public String forRequest(WebRequest request, String token) {
    return InvitationService.signupLink(baseUrl(request), token);
  }

  /** A one-time password-reset link, on the same address as the invitation link. */
  public String passwordResetLink(WebRequest request, String token) {
    return PasswordResetLinks.link(baseUrl(request), token);
  }

  /** A personal invitation's link (issue #17), on the same address as the invitation link. */
  public String personalInvitationLink(WebRequest request, String token) {
    return PersonalInvitations.link(baseUrl(request), token);
  }

  String baseUrl(WebRequest request) {
    if (publicUrl.isPresent()) {
      return publicUrl.get().base();
    }
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
