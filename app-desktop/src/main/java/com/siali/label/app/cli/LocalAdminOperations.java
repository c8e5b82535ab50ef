package com.siali.label.app.cli;

import com.siali.label.model.AuditContext;
import com.siali.label.model.AuditFormat;
import com.siali.label.model.AuditQuery;
import com.siali.label.model.DomainException;
import com.siali.label.model.User;
import com.siali.label.service.Services;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The account commands run against services in this process. */
public final class LocalAdminOperations implements AdminOperations {
  private final Services services;
  private final Runnable onClose;
  private final InvitationLines invitations;

  /**
   * @param onClose what closing releases (the database, when this process opened it just for the
   *     command)
   * @param baseUrl where collaborators reach the installation, for invitation links
   */
  public LocalAdminOperations(Services services, Runnable onClose, Supplier<String> baseUrl) {
    this.services = services;
    this.onClose = onClose;
    this.invitations = new InvitationLines(services, baseUrl);
  }

  @Override
  public CommandOutput userInfo(String email) {
    Optional<User> user = services.people().findByEmail(email);
    if (user.isEmpty()) {
      return CommandOutput.failedWithStdout(UserInfoLine.unknownUser(email) + "\n");
    }
    String token = services.apiTokens().tokenOf(user.get().id());
    return CommandOutput.ok(UserInfoLine.HEADER + "\n" + UserInfoLine.of(user.get(), token) + "\n");
  }

  @Override
  public CommandOutput checkUserExists(String email) {
    return services.people().findByEmail(email).isPresent()
        ? CommandOutput.ok("")
        : CommandOutput.failed(notFound(email));
  }

  @Override
  public CommandOutput resetPassword(String email, String newPassword) {
    Optional<User> user = services.people().findByEmail(email);
    if (user.isEmpty()) {
      return CommandOutput.failed(notFound(email));
    }
    if (newPassword == null || newPassword.isEmpty()) {
      return CommandOutput.failed("Can not set empty password\n");
    }
    try {
      long id = user.get().id();
      AuditContext.commandLine().run(() -> services.accounts().setPassword(id, newPassword));
      return CommandOutput.ok("Password successfully changed\n");
    } catch (DomainException e) {
      return CommandOutput.failed(e.getMessage() + "\n");
    }
  }

  @Override
  public CommandOutput audit(Optional<Instant> since, AuditFormat format) {
    StringBuilder out = new StringBuilder();
    AuditQuery query = AuditQuery.all().between(since, Optional.empty());
    services.audit().exportForOperator(query, format, out);
    return CommandOutput.ok(out.toString());
  }

  @Override
  public CommandOutput invite(List<String> emails, int expiresInDays) {
    return reported(() -> invitations.invite(emails, expiresInDays));
  }

  @Override
  public CommandOutput listInvitations() {
    return reported(invitations::list);
  }

  @Override
  public CommandOutput revokeInvitation(long id) {
    return reported(() -> invitations.revoke(id));
  }

  /** A refusal by the service (unknown id, already used, bad expiry) as one line on stderr. */
  private static CommandOutput reported(Supplier<CommandOutput> command) {
    try {
      return command.get();
    } catch (DomainException e) {
      return CommandOutput.failed("label-studio: " + e.getMessage() + "\n");
    }
  }

  private static String notFound(String email) {
    return "User with username " + email + " not found\n";
  }

  @Override
  public void close() {
    onClose.run();
  }
}
