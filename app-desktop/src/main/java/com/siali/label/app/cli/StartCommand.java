package com.siali.label.app.cli;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.ValidationException;
import com.siali.label.service.ApiTokenRules;
import com.siali.label.service.AuditRetention;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code label-studio start}: checks every input before anything is created, then hands over to the
 * launcher.
 */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = "Start Siali Label: the LAN server and (with a display) the admin window.")
final class StartCommand implements Callable<Integer> {
  static final String SIGNUP_VARIABLE = "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK";

  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;
  @Mixin DatabaseOption database;

  @Option(
      names = "--username",
      paramLabel = "EMAIL",
      description =
          "Create this account at start if it does not exist (or $LABEL_STUDIO_USERNAME).")
  String username;

  @Option(
      names = "--password",
      paramLabel = "PW",
      description = "Its password (or $LABEL_STUDIO_PASSWORD).")
  String password;

  @Option(
      names = "--user-token",
      paramLabel = "TOKEN",
      description =
          "Its API token, at least 5 characters (or $LABEL_STUDIO_USER_TOKEN); random if absent.")
  String userToken;

  @Option(
      names = "--host",
      paramLabel = "H",
      defaultValue = "0.0.0.0",
      description = "Address to listen on (default: all interfaces, ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "N",
      defaultValue = "8080",
      description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--tls",
      description =
          "Serve over HTTPS with a self-signed certificate (remembered for later starts).")
  boolean tls;

  @Option(
      names = "--headless",
      description = "Run without the admin window (automatic when there is no display).")
  boolean headless;

  // Label Studio opens a browser at start; Siali Label opens its own window instead, so this flag
  // changes nothing.
  // It is accepted so that scripts written for Label Studio keep working.
  @Option(
      names = "--no-browser",
      description = "Accepted for Label Studio scripts; Siali Label never opens a browser.")
  boolean noBrowser;

  private final Launchpad launchpad;
  private final Map<String, String> environment;

  StartCommand(Launchpad launchpad, Map<String, String> environment) {
    this.launchpad = launchpad;
    this.environment = environment;
  }

  @Override
  public Integer call() {
    if (port < 0 || port > 65_535) {
      throw new UserInputException("--port must be between 0 and 65535, not " + port);
    }
    Optional<Boolean> signupRequiresLink =
        EnvironmentFlag.parse(SIGNUP_VARIABLE, environment.get(SIGNUP_VARIABLE));
    NodeOptions node = NodeOptions.from(environment);
    StartOptions options =
        new StartOptions(
            dataDir.resolve(),
            database.resolve(environment),
            seedAccount(),
            host,
            port,
            headless,
            tls,
            signupRequiresLink,
            node,
            auditRetention());
    return launchpad.start(options, spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  private AuditRetention auditRetention() {
    try {
      return AuditRetention.fromEnvironment(environment);
    } catch (ValidationException e) {
      throw new UserInputException(e.getMessage());
    }
  }

  /**
   * The account to seed, validated here so that a bad one stops the start before anything is
   * created.
   */
  private Optional<StartOptions.SeedAccount> seedAccount() {
    String email = firstOf(username, environment.get("LABEL_STUDIO_USERNAME"));
    String pw = firstOf(password, environment.get("LABEL_STUDIO_PASSWORD"));
    String token = firstOf(userToken, environment.get("LABEL_STUDIO_USER_TOKEN"));
    if (email == null && pw == null) {
      if (token != null) {
        throw new UserInputException("--user-token needs --username and --password");
      }
      return Optional.empty();
    }
    if (email == null || pw == null) {
      throw new UserInputException("--username and --password go together: give both or neither");
    }
    try {
      EmailAddress.parse(email);
      if (token != null) {
        ApiTokenRules.check(token);
      }
    } catch (ValidationException e) {
      throw new UserInputException(e.getMessage());
    }
    return Optional.of(new StartOptions.SeedAccount(email, pw, Optional.ofNullable(token)));
  }

  private static String firstOf(String flag, String env) {
    return flag != null ? flag : (env != null && !env.isEmpty() ? env : null);
  }
}
