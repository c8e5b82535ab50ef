package com.siali.label.app.cli;

import com.siali.label.model.DomainException;
import com.siali.label.model.User;
import com.siali.label.service.Services;
import java.util.Optional;

/** The account commands run against services in this process. */
public final class LocalAdminOperations implements AdminOperations {
  private final Services services;
  private final Runnable onClose;

  /**
   * @param onClose what closing releases (the database, when this process opened it just for the
   *     command)
   */
  public LocalAdminOperations(Services services, Runnable onClose) {
    this.services = services;
    this.onClose = onClose;
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
      services.accounts().setPassword(user.get().id(), newPassword);
      return CommandOutput.ok("Password successfully changed\n");
    } catch (DomainException e) {
      return CommandOutput.failed(e.getMessage() + "\n");
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
