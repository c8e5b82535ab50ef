package com.siali.label.app.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.app.bench.LoginLoad;
import com.siali.label.app.cli.NodeOptions;
import com.siali.label.server.bench.HeadlessNode;
import com.siali.label.testing.TestDatabases;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The variables of a node behind a load balancer (issue #16, docs/DEPLOYMENT.md): a bad value stops
 * {@code start} before anything is created, with one line naming the variable, exit 2.
 */
class NodeVariablesIT {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "LABEL_STUDIO_TRUSTED_PROXIES | 10.0.0.0/8, nginx.internal",
        "LABEL_STUDIO_TRUSTED_PROXIES | 10.0.0.0/40",
        "LABEL_STUDIO_HOST | label.example.com",
        "LABEL_STUDIO_HOST | https://label.example.com/siali",
        "LABEL_STUDIO_HOST | ftp://label.example.com",
        "LABEL_STUDIO_NODE_NAME | node one",
        "LABEL_STUDIO_PASSWORD_CHECKS | 0",
        "LABEL_STUDIO_PASSWORD_CHECKS | two",
        "LABEL_STUDIO_PASSWORD_CHECKS | 65",
        "LABEL_STUDIO_PASSWORD_CHECKS | -1"
      })
  void aBadValueIsOneLineNamingTheVariableAndExitTwo(String variable, String value) {
    Path data = tmp.resolve("data");

    var result =
        new CliRunner()
            .env(variable, value)
            .run("start", "--headless", "--port", "0", "--data-dir", data.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("label-studio: " + variable + ": ").hasLineCount(1);
    assertThat(Files.exists(data)).as("nothing created").isFalse();
  }

  @Test
  void goodValuesAreAcceptedByTheOptions() {
    var options =
        NodeOptions.from(
            Map.of(
                "LABEL_STUDIO_TRUSTED_PROXIES", "127.0.0.1, ::1, 10.0.0.0/8",
                "LABEL_STUDIO_HOST", "https://Label.Example.com:8443/",
                "LABEL_STUDIO_NODE_NAME", "node-1",
                "LABEL_STUDIO_PASSWORD_CHECKS", " 3 "));

    assertThat(options.publicUrl().orElseThrow().base())
        .isEqualTo("https://label.example.com:8443");
    assertThat(options.nodeName()).contains("node-1");
    assertThat(options.trustedProxies().isEmpty()).isFalse();
    assertThat(options.passwordChecks()).hasValue(3);
    assertThat(NodeOptions.from(Map.of()).passwordChecks()).as("one per core").isEmpty();
  }

  /**
   * A node that shares a machine with another takes its share of the cores for password checks
   * (docs/DEPLOYMENT.md): its log says how many it runs at once, and log-ins work as before.
   */
  @Test
  void aNodeChecksAsManyPasswordsAtOnceAsItIsGiven() throws Exception {
    Path data = tmp.resolve("data");
    Map<String, String> environment = new HashMap<>(TestDatabases.environment(data));
    environment.put("LABEL_STUDIO_PASSWORD_CHECKS", "1");
    CliProcess node =
        CliProcess.launchHeadless(data, environment, HeadlessNode.EMAIL, HeadlessNode.PASSWORD);
    try {
      assertThat(logIn("http://127.0.0.1:" + node.awaitRunningPort(90)))
          .as("where a right password leads")
          .isEqualTo("/");
    } finally {
      node.terminate();
    }

    assertThat(Files.readString(data.resolve("logs/siali-label.log")))
        .contains("password checks at once: at most 1");
  }

  /** Logs in through the form as the benchmarks do (the owner seeded above); where it leads. */
  private static String logIn(String base) throws Exception {
    var answer =
        HttpClient.newHttpClient()
            .send(
                LoginLoad.login(base, LoginLoad.csrfOf(base)),
                HttpResponse.BodyHandlers.discarding());
    assertThat(answer.statusCode()).isEqualTo(302);
    return answer.headers().firstValue("location").orElse("");
  }
}
