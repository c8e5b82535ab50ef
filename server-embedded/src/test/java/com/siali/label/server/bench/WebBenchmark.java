package com.siali.label.server.bench;

import com.siali.label.model.NewAccount;
import com.siali.label.persistence.BulkAccounts;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.TempTree;
import com.siali.label.security.PasswordHasher;
import com.siali.label.server.LanServer;
import com.siali.label.server.WebApp;
import com.siali.label.server.WebSettings;
import com.siali.label.service.PasswordPolicy;
import com.siali.label.service.Services;
import com.siali.label.testing.TestDatabases;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The LAN server's load benchmark (run by {@code tools/bench web [ACCOUNTS]}; not a test). Starts
 * the real application and a bare Undertow handler in this JVM, drives both with wrk on loopback,
 * and prints the figures recorded in docs/PERFORMANCE.md. wrk and the server share the machine's
 * cores, as they would on a laptop. Each endpoint gets an unrecorded warm-up first, so that the
 * figures are the server's steady state rather than the JIT compiler's work: a first run, then
 * further rounds until one in which the JIT compilers worked for less than {@value
 * #JIT_SETTLED_MILLIS} ms. The load average is printed so that a run on a busy machine can be
 * recognised.
 */
public final class WebBenchmark {
  private static final String PASSWORD = "correct horse battery";
  private static final int SECONDS = 10;
  private static final int WARM_UP_SECONDS = 5;

  /**
   * Log-ins run at tens per second, so the code only they use (session insert, commit) needs
   * minutes to reach C2's thresholds (thousands of calls); C2 was still compiling 30 s into a
   * log-in run on this machine.
   */
  private static final int LOGIN_WARM_UP_SECONDS = 60;

  /**
   * A warm-up round of {@value #SECONDS} s in which the compilers worked less than this is steady
   * state: 0.25 % of two cores. After 60 s of log-ins they still took ~1 ms per log-in (4 % of the
   * CPU) in the measured run.
   */
  private static final long JIT_SETTLED_MILLIS = 50;

  /**
   * Warm-up rounds after the first run at most, so that a JIT that never settles cannot stall the
   * benchmark.
   */
  private static final int MAX_SETTLING_ROUNDS = 18;

  /** CPU time this JVM used during the last measured wrk run (not the warm-up). */
  private static long lastRunCpuNanos;

  /**
   * Time the JIT compilers spent during the last measured wrk run (summed over compiler threads).
   */
  private static long lastRunCompileMillis;

  private WebBenchmark() {}

  public static void main(String[] args) throws Exception {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    Path dir = Files.createTempDirectory("web-bench");
    DataDirectory data = DataDirectory.open(dir);
    PasswordHasher hasher = PasswordHasher.withDefaults();
    // The backend TestDatabases picks (-Dsiali.test.database; tools/bench web runs both).
    System.out.println("backend: " + (TestDatabases.postgres() ? "PostgreSQL" : "H2 file"));
    try (Database db = TestDatabases.open(data)) {
      Services services =
          Services.over(db, data.avatars(), hasher, PasswordPolicy.standard(), Clock.systemUTC());
      var lead = services.accounts().create(NewAccount.of("lead@example.com", PASSWORD));
      String token = services.apiTokens().tokenOf(lead.id());
      String benchHash = hasher.hash(PASSWORD);
      Argon2Bound argon2 = new Argon2Bound(benchHash, PASSWORD);
      if (accounts > 0) {
        BulkAccounts.seed(db, accounts);
      }
      var settings = new WebSettings(Optional.empty(), false, Set.of("127.0.0.1", "localhost"));
      try (LanServer app = LanServer.start("127.0.0.1", 0, WebApp.create(services, settings));
          LanServer bare =
              LanServer.start(
                  "127.0.0.1", 0, exchange -> exchange.getResponseSender().send("hello"))) {
        app.open();
        bare.open();
        String appUrl = "http://127.0.0.1:" + app.port();
        Path scripts = Files.createDirectories(dir.resolve("wrk-scripts"));
        List<String> rows = new ArrayList<>();
        String loadBefore = loadAverage();
        double bareRate =
            wrk("bare Undertow handler", "http://127.0.0.1:" + bare.port() + "/", null, rows);
        double loginPage = wrk("GET /user/login/", appUrl + "/user/login/", null, rows);
        double whoami =
            wrk(
                "GET /api/current-user/whoami (token)",
                appUrl + "/api/current-user/whoami",
                header(scripts, "Authorization", "Token " + token),
                rows);
        // The bound is measured right before and right after the log-ins, as the median of batches:
        // on a shared
        // machine one batch of hashes alone varied from 22 to 29 ms between runs.
        List<Double> hashBatches = new ArrayList<>(argon2.batches());
        double login =
            wrk(
                "POST /user/login/ (Argon2 + session)",
                appUrl + "/user/login/",
                loginScript(scripts, appUrl),
                rows,
                16,
                LOGIN_WARM_UP_SECONDS);
        String rssAfterLogins = residentMegabytes();
        double loginCpuMs = lastRunCpuNanos / 1e6 / (login * SECONDS);
        double loginCompileMs = (double) lastRunCompileMillis / (login * SECONDS);
        hashBatches.addAll(argon2.batches());
        hashBatches.sort(null);
        double hashMs =
            (hashBatches.get(hashBatches.size() / 2 - 1) + hashBatches.get(hashBatches.size() / 2))
                / 2;
        double hashCpuMs = argon2.cpuMillis();
        int cores = Runtime.getRuntime().availableProcessors();
        double bound = cores * 1000.0 / hashMs;
        double parallelRate = argon2.rate(cores);
        if (accounts > 0) {
          String cookie = sessionCookie(appUrl);
          for (String q : new String[] {"ada", "lovelace", "a"}) {
            // One connection: the target is the latency a person typing a search sees.
            wrk(
                "GET /people/?q=" + q + " (" + accounts + " accounts, 1 conn)",
                appUrl + "/people/?q=" + q,
                header(scripts, "Cookie", cookie),
                rows,
                1);
          }
        }
        System.out.println();
        System.out.println(
            "load average (1, 5, 15 min) before: " + loadBefore + "; after: " + loadAverage());
        rows.forEach(System.out::println);
        System.out.printf(
            "%nlogin page / bare handler: %.2f (target >= 0.5)%n", loginPage / bareRate);
        System.out.printf("whoami / bare handler: %.2f (target >= 0.4)%n", whoami / bareRate);
        System.out.printf(
            "Argon2 verify %.1f ms on %d cores (median of %d batches of %d around the log-ins, %.1f - %.1f)"
                + " -> bound %.0f logins/s; login throughput / bound: %.2f (target >= 0.85)%n",
            hashMs,
            cores,
            hashBatches.size(),
            Argon2Bound.HASH_BATCH,
            hashBatches.getFirst(),
            hashBatches.getLast(),
            bound,
            login / bound);
        System.out.printf(
            "server CPU per log-in %.1f ms, of which one verification is %.1f ms (single thread): Argon2"
                + " is %.0f %% of the server's log-in work; JIT compiling %.1f ms per log-in%n",
            loginCpuMs, hashCpuMs, 100 * hashCpuMs / loginCpuMs, loginCompileMs);
        System.out.printf(
            "Argon2 alone on %d threads: %.0f verifications/s (%.2f of the bound), %.1f ms CPU each;"
                + " login throughput / that: %.2f%n",
            cores,
            parallelRate,
            parallelRate / bound,
            argon2.parallelVerifyCpuMillis(),
            login / parallelRate);
        System.out.println("resident memory after the log-ins: " + rssAfterLogins + " MB");
      }
    } finally {
      TempTree.delete(dir);
    }
  }

  /**
   * Runs wrk for {@value #SECONDS} s; appends "name: req/s, p50, p95, p99" to {@code rows}; returns
   * req/s.
   */
  private static double wrk(String name, String url, Path script, List<String> rows)
      throws Exception {
    return wrk(name, url, script, rows, 16);
  }

  private static double wrk(
      String name, String url, Path script, List<String> rows, int connections) throws Exception {
    return wrk(name, url, script, rows, connections, WARM_UP_SECONDS);
  }

  private static double wrk(
      String name, String url, Path script, List<String> rows, int connections, int warmUp)
      throws Exception {
    run(url, script, connections, warmUp);
    List<Long> settling = new ArrayList<>();
    while (settling.size() < MAX_SETTLING_ROUNDS) {
      long before = compileMillis();
      run(url, script, connections, SECONDS);
      settling.add(compileMillis() - before);
      if (settling.getLast() < JIT_SETTLED_MILLIS) {
        break;
      }
    }
    System.out.printf(
        "%s: warm-up %d s, then %d rounds of %d s; JIT ms in each round: %s%n",
        name, warmUp, settling.size(), SECONDS, settling);
    long cpuBefore = processCpuNanos();
    long compileBefore = compileMillis();
    String output = run(url, script, connections, SECONDS);
    lastRunCpuNanos = processCpuNanos() - cpuBefore;
    lastRunCompileMillis = compileMillis() - compileBefore;
    Matcher m = Pattern.compile("REPORT (\\S+) (\\S+) (\\S+) (\\S+) (\\d+)").matcher(output);
    if (!m.find()) {
      throw new IOException("wrk failed for " + name);
    }
    double rate = Double.parseDouble(m.group(1));
    rows.add(
        String.format(
            "%-48s %9.0f req/s   p50 %7s ms   p95 %7s ms   p99 %7s ms   errors %s",
            name, rate, m.group(2), m.group(3), m.group(4), m.group(5)));
    return rate;
  }

  /** One wrk run; returns its output, whose last line is "REPORT req/s p50 p95 p99 errors". */
  private static String run(String url, Path script, int connections, int seconds)
      throws Exception {
    Path report = Files.createTempFile("wrk-report", ".lua");
    Files.writeString(
        report,
        """
        done = function(summary, latency, requests)
          io.write(string.format("REPORT %.1f %.2f %.2f %.2f %d\\n", summary.requests / (summary.duration / 1e6),
            latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
            summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
        end
        """
            + (script == null ? "" : Files.readString(script)));
    List<String> command =
        List.of(
            "wrk",
            "-t" + Math.min(2, connections),
            "-c" + connections,
            "-d" + seconds + "s",
            "-s",
            report.toString(),
            url);
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0 || !output.contains("REPORT ")) {
      throw new IOException("wrk failed for " + url + ":\n" + output);
    }
    return output;
  }

  private static Path header(Path dir, String name, String value) throws IOException {
    Path script = Files.createTempFile(dir, "header", ".lua");
    Files.writeString(script, "wrk.headers[\"" + name + "\"] = \"" + value + "\"\n");
    return script;
  }

  /** A POST of the real log-in form, with the CSRF cookie and field a browser would send. */
  private static Path loginScript(Path dir, String appUrl) throws Exception {
    var page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(appUrl + "/user/login/")).build(),
                HttpResponse.BodyHandlers.ofString());
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String csrf = cookie.substring(cookie.indexOf('=') + 1);
    Path script = Files.createTempFile(dir, "login", ".lua");
    Files.writeString(
        script,
        "wrk.method = \"POST\"\n"
            + "wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n"
            + "wrk.headers[\"Cookie\"] = \""
            + cookie
            + "\"\n"
            + "wrk.body = \"email=lead%40example.com&password=correct+horse+battery&csrf_token="
            + csrf
            + "\"\n");
    return script;
  }

  private static String sessionCookie(String appUrl) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    var page =
        http.send(
            HttpRequest.newBuilder(URI.create(appUrl + "/user/login/")).build(),
            HttpResponse.BodyHandlers.ofString());
    String csrfCookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String csrf = csrfCookie.substring(csrfCookie.indexOf('=') + 1);
    var login =
        http.send(
            HttpRequest.newBuilder(URI.create(appUrl + "/user/login/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", csrfCookie)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "email=lead%40example.com&password=correct+horse+battery&csrf_token="
                            + csrf))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return login.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("sl_session="))
        .findFirst()
        .orElseThrow()
        .split(";")[0];
  }

  private static long compileMillis() {
    return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** This process's resident set (VmRSS), in MB: hashing memory the C library keeps shows here. */
  private static String residentMegabytes() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return "?";
    }
    return Files.readAllLines(status).stream()
        .filter(line -> line.startsWith("VmRSS:"))
        .map(line -> Long.toString(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024))
        .findFirst()
        .orElse("?");
  }

  private static String loadAverage() throws IOException {
    Path loadavg = Path.of("/proc/loadavg");
    return Files.exists(loadavg)
        ? String.join(" ", List.of(Files.readString(loadavg).split(" ")).subList(0, 3))
        : "?";
  }
}
