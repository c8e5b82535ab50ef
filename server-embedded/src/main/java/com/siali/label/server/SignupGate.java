package com.siali.label.server;

import com.siali.label.service.InvitationService;
import java.util.Optional;

/**
 * Who may sign up (SPEC §3, §5): with the current invitation token, anyone; without a token, only
 * while open sign-up is allowed (the environment variable decides if set, else the console's
 * switch); with a wrong or reset token, nobody.
 */
public final class SignupGate {
  public static final String INVITATION_ONLY =
      "Sign-up on this server is possible only with an invitation link. Ask your team lead for one.";
  public static final String LINK_INVALID =
      "This invitation link is no longer valid. Ask your team lead for the current one.";

  private final InvitationService invitations;
  private final Optional<Boolean> requiresLinkByEnvironment;

  public SignupGate(InvitationService invitations, Optional<Boolean> requiresLinkByEnvironment) {
    this.invitations = invitations;
    this.requiresLinkByEnvironment = requiresLinkByEnvironment;
  }

  /** Empty when sign-up may go ahead; otherwise why not. */
  public Optional<String> refusal(Optional<String> token) {
    if (token.isPresent()) {
      return invitations.accepts(token.get()) ? Optional.empty() : Optional.of(LINK_INVALID);
    }
    return requiresLink() ? Optional.of(INVITATION_ONLY) : Optional.empty();
  }

  public boolean requiresLink() {
    return requiresLinkByEnvironment.orElseGet(() -> !invitations.openSignupAllowed());
  }
}
