package com.siali.label.app.bench;

import com.siali.label.server.bench.HeadlessNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The owner's log-in form ({@link HeadlessNode#EMAIL}, {@link HeadlessNode#PASSWORD}) as the
 * benchmarks and the launcher's tests post it: one CSRF pair, from a JVM client or wrk.
 */
public final class LoginLoad {
  private static final Pattern CSRF_FIELD =
      Pattern.compile("name=\"csrf_token\" value=\"([^\"]*)\"");

  /** The anonymous CSRF pair a log-in form carries: the signed cookie and the field's value. */
  public record Csrf(String cookie, String field) {}

  private LoginLoad() {}

  public static Csrf csrfOf(String base) throws Exception {
    HttpResponse<String> form =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/user/login/")).build(),
                HttpResponse.BodyHandlers.ofString());
    Matcher field = CSRF_FIELD.matcher(form.body());
    String cookie =
        form.headers().allValues("set-cookie").stream()
            .filter(c -> c.startsWith("sl_csrf="))
            .map(c -> c.substring(0, c.indexOf(';')))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("the log-in page set no CSRF cookie"));
    if (!field.find()) {
      throw new IllegalStateException("the log-in page has no CSRF field");
    }
    return new Csrf(cookie, field.group(1));
  }

  public static HttpRequest login(String base, Csrf csrf) {
    return HttpRequest.newBuilder(URI.create(base + "/user/login/"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", csrf.cookie())
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "email=lead%40example.com&password=correct+horse+battery&csrf_token="
                    + URLEncoder.encode(csrf.field(), StandardCharsets.UTF_8)))
        .build();
  }

  /**
   * wrk posting the log-in form for {@code seconds}, to each of {@code bases} at once (the 2
   * threads and 16 connections shared between them); prints and returns log-ins per second, all
   * bases together.
   */
  static double wrk(String name, List<String> bases, Csrf csrf, int seconds) throws Exception {
    Path script = Files.createTempFile("cluster-login", ".lua");
    Files.writeString(
        script,
        "wrk.method = \"POST\"\n"
            + "wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n"
            + "wrk.headers[\"Cookie\"] = \""
            + csrf.cookie()
            + "\"\n"
            + "wrk.body = \"email=lead%40example.com&password=correct+horse+battery&csrf_token="
            + URLEncoder.encode(csrf.field(), StandardCharsets.UTF_8)
            + "\"\n"
            + """
            done = function(summary, latency, requests)
              io.write(string.format("REPORT %.1f %.1f %.1f %d\\n",
                summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
                latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect
                + summary.errors.read + summary.errors.write + summary.errors.timeout))
            end
            """);
    try {
      int threads = Math.max(1, 2 / bases.size());
      int connections = Math.max(1, 16 / bases.size());
      List<Process> runs = new ArrayList<>();
      for (String base : bases) {
        runs.add(
            new ProcessBuilder(
                    "wrk",
                    "-t" + threads,
                    "-c" + connections,
                    "-d" + seconds + "s",
                    "-s",
                    script.toString(),
                    base + "/user/login/")
                .redirectErrorStream(true)
                .start());
      }
      double rate = 0;
      double p50 = 0;
      double p99 = 0;
      long errors = 0;
      for (Process wrk : runs) {
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("REPORT (\\S+) (\\S+) (\\S+) (\\d+)").matcher(output);
        if (wrk.waitFor() != 0 || !m.find()) {
          throw new IOException("wrk failed:\n" + output);
        }
        rate += Double.parseDouble(m.group(1));
        p50 = Math.max(p50, Double.parseDouble(m.group(2)));
        p99 = Math.max(p99, Double.parseDouble(m.group(3)));
        errors += Long.parseLong(m.group(4));
      }
      System.out.printf(
          Locale.ROOT,
          "%-28s %8.1f req/s  p50 %6.1f ms  p99 %6.1f ms  non-2xx/3xx or errors %d%s%n",
          name,
          rate,
          p50,
          p99,
          errors,
          bases.size() > 1 ? " (p50, p99: the larger of the " + bases.size() + " wrk runs)" : "");
      return rate;
    } finally {
      Files.deleteIfExists(script);
    }
  }
}
