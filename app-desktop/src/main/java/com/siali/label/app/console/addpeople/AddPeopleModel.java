package com.siali.label.app.console.addpeople;

import com.siali.label.app.console.common.Background;
import com.siali.label.app.console.common.StatusMessage;
import com.siali.label.app.console.server.ServerStatus;
import com.siali.label.model.User;
import com.siali.label.service.InvitationService;
import com.siali.label.service.PersonalInvitations;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "+ Add People": the invitation link on an address collaborators can reach, Reset Link (the old
 * link stops working at once, SPEC §5), and the switch for sign-up without a link, locked when the
 * environment variable decides; and "Invite by email" ({@link InviteByEmailModel}).
 */
public final class AddPeopleModel {
  static final String LOCKED_ON =
      "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK is set to true for this start: "
          + "people can sign up only with the invitation link.";
  static final String LOCKED_OFF =
      "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK is set to false for this start: "
          + "anyone who can reach the server may sign up.";

  private final InvitationService invitations;
  private final ServerStatus server;
  private final Optional<Boolean> requiresLinkByEnvironment;
  private final Background background;
  private final ObjectProperty<User> signedIn;
  private final InviteByEmailModel invites;

  private final StringProperty link = new SimpleStringProperty("");
  private final BooleanProperty openSignupAllowed = new SimpleBooleanProperty(false);
  private final StatusMessage status = new StatusMessage();
  private final StatusMessage signupStatus = new StatusMessage();
  private boolean applying;

  public AddPeopleModel(
      InvitationService invitations,
      PersonalInvitations personalInvitations,
      ServerStatus server,
      Optional<Boolean> requiresLinkByEnvironment,
      Background background,
      ObjectProperty<User> signedIn) {
    this.invitations = invitations;
    this.server = server;
    this.requiresLinkByEnvironment = requiresLinkByEnvironment;
    this.background = background;
    this.signedIn = signedIn;
    this.invites = new InviteByEmailModel(personalInvitations, server, background, signedIn);
    openSignupAllowed.addListener(
        (obs, old, now) -> {
          if (!applying) {
            store(now);
          }
        });
  }

  public void load() {
    invites.load();
    background.run(
        () ->
            new State(
                invitations.currentToken(),
                !invitations.signupRequiresLink(requiresLinkByEnvironment)),
        state -> {
          link.set(linkFor(state.token()));
          applying = true;
          openSignupAllowed.set(state.openSignup());
          applying = false;
        },
        status::fail);
  }

  public void resetLink() {
    long actor = signedIn.get().id();
    background.run(
        () -> invitations.resetLink(actor),
        token -> {
          link.set(linkFor(token));
          status.succeed("The invitation link was reset; the old link no longer works.");
        },
        status::fail);
  }

  private void store(boolean allowed) {
    if (locked()) {
      return;
    }
    background.run(
        () -> invitations.setOpenSignupAllowed(allowed),
        () ->
            signupStatus.succeed(
                allowed
                    ? "Anyone who can reach the server may now sign up."
                    : "Sign-up now needs the invitation link."),
        signupStatus::fail);
  }

  /**
   * The environment variable decides this start; the switch shows its effect and cannot be changed.
   */
  public boolean locked() {
    return requiresLinkByEnvironment.isPresent();
  }

  public String lockExplanation() {
    return requiresLinkByEnvironment.map(requires -> requires ? LOCKED_ON : LOCKED_OFF).orElse("");
  }

  private String linkFor(String token) {
    return InvitationService.signupLink(server.urls().getFirst(), token);
  }

  /** "Invite by email": personal invitations, the owner's. */
  public InviteByEmailModel invites() {
    return invites;
  }

  public StringProperty linkProperty() {
    return link;
  }

  public BooleanProperty openSignupAllowedProperty() {
    return openSignupAllowed;
  }

  /** The section's result line: what the last action did, or why it was refused. */
  public StatusMessage status() {
    return status;
  }

  /** The sign-up switch's own result line, shown beside the switch. */
  public StatusMessage signupStatus() {
    return signupStatus;
  }

  private record State(String token, boolean openSignup) {}
}
