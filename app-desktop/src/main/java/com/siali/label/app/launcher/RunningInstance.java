package com.siali.label.app.launcher;

import com.siali.label.app.cli.LocalAdminOperations;
import com.siali.label.app.cli.StartOptions;
import com.siali.label.app.cli.StartupException;
import com.siali.label.app.console.shell.ConsoleContext;
import com.siali.label.app.console.shell.DesktopConsole;
import com.siali.label.app.console.shell.RememberedStart;
import com.siali.label.app.console.signin.RememberedSignIn;
import com.siali.label.model.EmailAddress;
import com.siali.label.model.NewAccount;
import com.siali.label.security.Tokens;
import com.siali.label.server.AllowedHosts;
import com.siali.label.server.LanServer;
import com.siali.label.server.PortInUseException;
import com.siali.label.server.WebApp;
import com.siali.label.server.WebSettings;
import com.siali.label.server.tls.TlsIdentity;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One started application: seeds the requested account, starts the LAN server and the control
 * socket, prints where it serves, and on Ctrl-C or SIGTERM stops them in reverse order (requests
 * drain, the database closes).
 */
final class RunningInstance {
  private static final Logger LOG = LoggerFactory.getLogger(RunningInstance.class);

  private final Installation installation;
  private final StartOptions options;
  private final PrintWriter out;
  private final PrintWriter err;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private Optional<String> tlsFingerprint = Optional.empty();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicReference<DesktopConsole> console = new AtomicReference<>();

  private final Optional<CompletableFuture<Void>> toolkit;
  private volatile AuditPruning pruning;
  private volatile OldGenerationCompaction compaction;

  /**
   * @param toolkit the JavaFX toolkit starting beside the server when the window will open, else
   *     empty
   */
  RunningInstance(
      Installation installation,
      StartOptions options,
      Optional<CompletableFuture<Void>> toolkit,
      PrintWriter out,
      PrintWriter err) {
    this.installation = installation;
    this.toolkit = toolkit;
    this.options = options;
    this.out = out;
    this.err = err;
  }

  int runUntilStopped() {
    LanServer server;
    ControlServer control;
    // What the window opens on, read beside the server's start: a new process's first queries cost
    // a few hundred
    // milliseconds, which the window would otherwise wait for.
    CompletableFuture<Optional<RememberedStart>> remembered =
        toolkit.isEmpty()
            ? CompletableFuture.completedFuture(Optional.empty())
            : CompletableFuture.supplyAsync(
                () ->
                    RememberedStart.read(
                        new RememberedSignIn(
                            installation.services().sessions(), installation.directory().root()),
                        installation.services().people()),
                task -> Thread.ofPlatform().daemon().name("console-remembered").start(task));
    try {
      var preferences = installation.services().serverPreferences();
      if (options.https()) {
        preferences.setHttpsEnabled(true);
      }
      Set<String> hosts = AllowedHosts.forListener(options.host());
      Optional<TlsIdentity> tls =
          preferences.httpsEnabled() ? Optional.of(tlsIdentity(hosts)) : Optional.empty();
      var settings =
          new WebSettings(options.signupRequiresLink(), tls.isPresent(), hosts)
              .behind(options.node().trustedProxies(), options.node().publicUrl());
      server =
          LanServer.start(
              options.host(),
              options.port(),
              WebApp.create(installation.services(), settings),
              tls.map(TlsIdentity::sslContext));
      tlsFingerprint = tls.map(TlsIdentity::sha256Fingerprint);
      if (options.node().nodeName().isEmpty()) {
        LogSetup.nodeName(LogSetup.defaultNodeName(server.port())); // --port=0: the one it got
      }
    } catch (PortInUseException e) {
      installation.close();
      throw new StartupException(e.getMessage());
    } catch (RuntimeException e) {
      installation.close();
      throw e;
    }
    try {
      // After the port is ours, so that a start that cannot serve creates nothing.
      seedAccount();
    } catch (RuntimeException e) {
      server.close();
      installation.close();
      throw e;
    }
    try {
      control =
          ControlServer.start(
              installation.directory().controlSocket(),
              installation.directory().installSecret(),
              new LocalAdminOperations(
                  installation.services(), () -> {}, () -> server.urls().getFirst()),
              server::urls,
              this::activateWindow);
    } catch (IOException | RuntimeException e) {
      server.close();
      installation.close();
      throw new StartupException(
          "Cannot open the control socket in "
              + installation.directory().root()
              + ": "
              + e.getMessage(),
          e);
    }
    pruning = AuditPruning.start(installation.services().audit(), options.auditRetention());
    compaction = OldGenerationCompaction.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, control), "shutdown"));
    server.open();
    server.urls().forEach(url -> out.println("Siali Label is running at " + url));
    tlsFingerprint.ifPresentOrElse(
        fingerprint -> out.println("HTTPS certificate SHA-256 fingerprint: " + fingerprint),
        () ->
            out.println(
                "Warning: pages are served over plain HTTP; anyone on this network can read the traffic."
                    + " Start with --tls to switch to HTTPS."));
    out.println(
        "Data directory: " + installation.directory().root() + " (Ctrl-C stops the server)");
    LOG.info(
        "started; serving {}; password checks at once: at most {}",
        server.urls(),
        installation.passwordChecks());
    toolkit.ifPresent(starting -> openWindow(server, control, starting, remembered));
    StartupRecording.served();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /**
   * The self-signed certificate names every LAN address and name of this computer (made once, then
   * reused).
   */
  private TlsIdentity tlsIdentity(Set<String> hosts) {
    List<String> ips =
        hosts.stream().filter(h -> h.matches("[0-9.]+") || h.startsWith("[")).toList();
    List<String> names = hosts.stream().filter(h -> !ips.contains(h)).toList();
    char[] password =
        Tokens.sha256Hex("tls:" + installation.directory().installSecret()).toCharArray();
    return TlsIdentity.loadOrCreate(
        installation.directory().root().resolve("tls/keystore.p12"), password, names, ips);
  }

  private void seedAccount() {
    options
        .seedAccount()
        .ifPresent(
            seed -> {
              var services = installation.services();
              if (services.people().findByEmail(seed.email()).isPresent()) {
                out.println("User " + EmailAddress.parse(seed.email()) + " already exists");
                return;
              }
              var user =
                  services
                      .accounts()
                      .create(
                          new NewAccount(
                              EmailAddress.parse(seed.email()), seed.password(), seed.token()));
              out.println("User " + user.email() + " created");
            });
  }

  /** The admin console; if the toolkit cannot start here, the server goes on without it. */
  private void openWindow(
      LanServer server,
      ControlServer control,
      CompletableFuture<Void> starting,
      CompletableFuture<Optional<RememberedStart>> remembered) {
    var status = new LanServerStatus(server, tlsFingerprint, () -> !stopping.get());
    var context =
        new ConsoleContext(
            installation.services(),
            status,
            installation.directory().root(),
            options.signupRequiresLink(),
            Clock.systemUTC());
    try {
      console.set(DesktopConsole.open(context, starting, remembered, () -> stop(server, control)));
      out.println("Admin window open (closing it stops the server)");
    } catch (Exception | LinkageError e) {
      LOG.warn("cannot open the admin window", e);
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      err.println(
          "Cannot open the admin window ("
              + cause.getMessage()
              + "); the server runs without it."
              + " Use --headless to skip the window.");
    }
  }

  private void activateWindow() {
    DesktopConsole window = console.get();
    if (window != null) {
      window.activate();
    }
  }

  private void stop(LanServer server, ControlServer control) {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    DesktopConsole window = console.get();
    if (window != null) {
      window.close();
    }
    LOG.info("stopping");
    if (pruning != null) {
      pruning.close();
    }
    if (compaction != null) {
      compaction.close();
    }
    control.close();
    server.close();
    installation.close();
    LOG.info("stopped");
    stopped.countDown();
  }
}
