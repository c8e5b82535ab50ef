package com.siali.label.app.cli;

import com.siali.label.model.PersonalInvitation;
import com.siali.label.model.Timestamps;
import com.siali.label.model.User;
import com.siali.label.service.PersonalInvitations;
import com.siali.label.service.Services;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code label-studio invite} run on services (issue #17): the same lines whether it runs here or
 * in the running instance. The command line acts for the owner, who is the one who may invite.
 */
final class InvitationLines {
  static final String NO_OWNER =
      "label-studio: there is no owner account yet; start Siali Label and create it first.\n";

  private final Services services;
  private final Supplier<String> baseUrl;

  /**
   * @param baseUrl where collaborators reach this installation, for the links
   */
  InvitationLines(Services services, Supplier<String> baseUrl) {
    this.services = services;
    this.baseUrl = baseUrl;
  }

  /**
   * One line per invitation made, {@code EMAIL LINK expires ISO-TIME}, so that a script can take
   * the second field; each refused address is one line on stderr, and then the exit code is 1.
   */
  CommandOutput invite(List<String> emails, int expiresInDays) {
    Optional<User> owner = services.people().owner();
    if (owner.isEmpty()) {
      return CommandOutput.failed(NO_OWNER);
    }
    var batch = services.personalInvitations().invite(owner.get().id(), emails, expiresInDays);
    StringBuilder out = new StringBuilder();
    for (var issued : batch.issued()) {
      out.append(issued.invitation().email())
          .append(' ')
          .append(PersonalInvitations.link(baseUrl.get(), issued.token()))
          .append(" expires ")
          .append(Timestamps.iso(issued.invitation().expiresAt()))
          .append('\n');
    }
    StringBuilder err = new StringBuilder();
    for (var refused : batch.refused()) {
      String email = refused.email().isEmpty() ? "(empty address)" : refused.email();
      err.append("label-studio: ").append(email).append(": ").append(refused.detail()).append('\n');
    }
    int exit = batch.refused().isEmpty() ? CommandOutput.OK : CommandOutput.FAILED;
    return new CommandOutput(exit, out.toString(), err.toString());
  }

  /** Every invitation, newest first: id, email, invited by, created, expires, status. */
  CommandOutput list() {
    Optional<User> owner = services.people().owner();
    if (owner.isEmpty()) {
      return CommandOutput.failed(NO_OWNER);
    }
    List<PersonalInvitation> all = services.personalInvitations().list(owner.get().id());
    if (all.isEmpty()) {
      return CommandOutput.ok("No invitations.\n");
    }
    int emailWidth =
        Math.max(5, all.stream().mapToInt(i -> i.email().value().length()).max().orElse(5));
    int byWidth = Math.max(10, all.stream().mapToInt(i -> i.invitedBy().length()).max().orElse(10));
    String format = "%-6s %-" + emailWidth + "s %-" + byWidth + "s %-27s %-27s %s%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(format, "ID", "EMAIL", "INVITED_BY", "CREATED", "EXPIRES", "STATUS"));
    for (PersonalInvitation invitation : all) {
      out.append(
          String.format(
              format,
              invitation.id(),
              invitation.email(),
              invitation.invitedBy(),
              Timestamps.iso(invitation.createdAt()),
              Timestamps.iso(invitation.expiresAt()),
              services.personalInvitations().statusOf(invitation).label()));
    }
    return CommandOutput.ok(out.toString());
  }

  CommandOutput revoke(long id) {
    Optional<User> owner = services.people().owner();
    if (owner.isEmpty()) {
      return CommandOutput.failed(NO_OWNER);
    }
    PersonalInvitation revoked = services.personalInvitations().revoke(owner.get().id(), id);
    return CommandOutput.ok(
        "Invitation "
            + id
            + " for "
            + revoked.email()
            + " is "
            + services.personalInvitations().statusOf(revoked).label()
            + "; its link no longer works.\n");
  }
}
