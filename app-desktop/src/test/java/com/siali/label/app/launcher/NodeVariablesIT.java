package com.siali.label.app.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.app.cli.NodeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
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
        "LABEL_STUDIO_NODE_NAME | node one"
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
                "LABEL_STUDIO_NODE_NAME", "node-1"));

    assertThat(options.publicUrl().orElseThrow().base())
        .isEqualTo("https://label.example.com:8443");
    assertThat(options.nodeName()).contains("node-1");
    assertThat(options.trustedProxies().isEmpty()).isFalse();
  }
}
