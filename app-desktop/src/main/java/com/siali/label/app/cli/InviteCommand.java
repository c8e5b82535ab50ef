package com.siali.label.app.cli;

import com.siali.label.service.PersonalInvitations;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code label-studio invite --email E [--email E2 ...] [--expires-in-days N]}, {@code --list},
 * {@code --revoke ID} (issue #17): personal invitations, made for the owner; works while the
 * application is running.
 */
@Command(
    name = "invite",
    mixinStandardHelpOptions = true,
    description = {
      "Invite people by email: each address gets its own sign-up link (single use, expiring,"
          + " revocable), printed as 'EMAIL LINK expires TIME'. Siali Label sends no email.",
      "Also lists the invitations (--list) or revokes one (--revoke ID)."
    })
final class InviteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;
  @Mixin DatabaseOption database;

  @Option(
      names = "--email",
      paramLabel = "EMAIL",
      description = "An address to invite; repeat for several.")
  List<String> emails = List.of();

  @Option(
      names = "--expires-in-days",
      paramLabel = "N",
      description = "Days the links work (1 to 30, default 7).")
  Integer expiresInDays;

  @Option(names = "--list", description = "List every invitation and its status.")
  boolean list;

  @Option(names = "--revoke", paramLabel = "ID", description = "Revoke the invitation ID.")
  Long revoke;

  private final Launchpad launchpad;
  private final Map<String, String> environment;

  InviteCommand(Launchpad launchpad, Map<String, String> environment) {
    this.launchpad = launchpad;
    this.environment = environment;
  }

  @Override
  public Integer call() {
    int modes = (emails.isEmpty() ? 0 : 1) + (list ? 1 : 0) + (revoke == null ? 0 : 1);
    if (modes != 1) {
      throw new UserInputException(
          "invite needs exactly one of --email EMAIL, --list or --revoke ID (see 'label-studio"
              + " invite --help')");
    }
    if (expiresInDays != null && emails.isEmpty()) {
      throw new UserInputException("--expires-in-days goes with --email");
    }
    int days = expiresInDays == null ? PersonalInvitations.DEFAULT_DAYS : expiresInDays;
    if (days < 1 || days > PersonalInvitations.MAX_DAYS) {
      throw new UserInputException(
          "--expires-in-days must be from 1 to " + PersonalInvitations.MAX_DAYS + " days");
    }
    try (AdminOperations operations =
        launchpad.connect(dataDir.resolve(), database.resolve(environment))) {
      CommandOutput output =
          list
              ? operations.listInvitations()
              : revoke != null
                  ? operations.revokeInvitation(revoke)
                  : operations.invite(emails, days);
      return Printer.print(output, spec.commandLine());
    }
  }
}
