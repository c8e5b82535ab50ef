package com.siali.label.server;

import com.siali.label.service.InvitationService;
import java.util.Optional;

/**
 * The sign-up pages' words for {@link InvitationService#admission}, which decides who may sign up,
 * with this start's {@code LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK}.
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
    return switch (invitations.admission(token, requiresLinkByEnvironment)) {
      case ALLOWED -> Optional.empty();
      case INVITATION_ONLY -> Optional.of(INVITATION_ONLY);
      case LINK_INVALID -> Optional.of(LINK_INVALID);
    };
  }
}
