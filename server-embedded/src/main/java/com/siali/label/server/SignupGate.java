package com.siali.label.server;

import com.siali.label.service.AccountService;
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
  public static final String LINK_INVALID_BUT_OPEN =
      "This invitation link is no longer valid, but this server lets anyone on the network sign up:"
          + " you can create your account without it.";

  /**
   * Why sign-up may not go ahead.
   *
   * @param heading the page's heading
   * @param message the reason and what to do
   * @param openSignup whether sign-up without a link is open (the page then offers it)
   */
  public record Refusal(String heading, String message, boolean openSignup) {}

  private final InvitationService invitations;
  private final Optional<Boolean> requiresLinkByEnvironment;

  public SignupGate(InvitationService invitations, Optional<Boolean> requiresLinkByEnvironment) {
    this.invitations = invitations;
    this.requiresLinkByEnvironment = requiresLinkByEnvironment;
  }

  /** Empty when sign-up may go ahead; otherwise why not. */
  public Optional<Refusal> refusal(Optional<String> token) {
    return switch (invitations.admission(token, requiresLinkByEnvironment)) {
      case ALLOWED -> Optional.empty();
      case INVITATION_ONLY ->
          Optional.of(new Refusal("Sign-up is by invitation", INVITATION_ONLY, false));
      case LINK_INVALID ->
          Optional.of(
              openSignup()
                  ? new Refusal("This invitation link has expired", LINK_INVALID_BUT_OPEN, true)
                  : new Refusal("This invitation link has expired", LINK_INVALID, false));
    };
  }

  /** Whether anyone may sign up without the invitation link (the log-in page then offers it). */
  /**
   * How the audit log names what let this sign-up in: the shared link when {@code token} is the
   * current one, else none (sign-up was open).
   */
  public String invitationOf(Optional<String> token) {
    return token.filter(invitations::accepts).isPresent()
        ? AccountService.SHARED_LINK
        : AccountService.NO_INVITATION;
  }

  public boolean openSignup() {
    return !invitations.signupRequiresLink(requiresLinkByEnvironment);
  }

  /** Whether {@link #openSignup} answers without the database (so on Undertow's I/O thread). */
  public boolean openSignupInMemory() {
    return invitations.signupRuleInMemory(requiresLinkByEnvironment);
  }
}
