package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #18 item 5 through the server, the data directory on an 8 MiB tmpfs filled by a file (needs
 * root to mount; skipped elsewhere): a sign-up and an API write answer 503 with {@code Retry-After}
 * and say the server cannot save; once space returns the first request succeeds.
 */
class FullDiskIT {
  Path mount;
  TestServer app;

  @BeforeEach
  void start() throws Exception {
    mount = Files.createTempDirectory("siali-full-disk");
    boolean mounted;
    try {
      Process p =
          new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mount.toString())
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      mounted = p.waitFor() == 0;
    } catch (IOException e) {
      mounted = false;
    }
    if (!mounted) {
      Files.delete(mount);
    }
    assumeTrue(mounted, "cannot mount a tmpfs here (not root?)");
    app = new TestServer(mount.resolve("data"), Optional.of(false));
  }

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor();
    Files.deleteIfExists(mount);
  }

  @Test
  void aFullDiskAnswers503WithRetryAfterAndTheFirstRequestAfterSpaceReturnsSucceeds()
      throws Exception {
    var lead = app.account("lead@example.com");
    String auth = "Token " + app.tokenOf(lead);
    Browser browser = new Browser(app.base());
    Path filler = fill();

    HttpResponse<String> signup = signUp(browser, "full@example.com");
    assertThat(signup.statusCode()).isEqualTo(503);
    assertThat(signup.headers().firstValue("Retry-After")).isPresent();
    assertThat(signup.body()).contains("cannot save right now").doesNotContain("went wrong");

    var api = browser.send("POST", "/api/invite/reset-token", null, "Authorization", auth);
    assertThat(api.statusCode()).isEqualTo(503);
    assertThat(api.headers().firstValue("Retry-After")).isPresent();
    assertThat(api.body()).startsWith("{\"detail\":").contains("cannot save right now");

    Files.delete(filler);
    assertThat(signUp(new Browser(app.base()), "after@example.com").statusCode()).isEqualTo(302);
    assertThat(
            browser
                .send("POST", "/api/invite/reset-token", null, "Authorization", auth)
                .statusCode())
        .isEqualTo(201);
  }

  private static HttpResponse<String> signUp(Browser browser, String email) throws Exception {
    String csrf = browser.csrfFrom("/user/login/");
    return browser.post(
        "/user/signup/",
        Map.of("email", email, "password", "a perfectly fine passphrase", "csrf_token", csrf));
  }

  private Path fill() throws IOException {
    Path filler = mount.resolve("filler");
    try (OutputStream out = Files.newOutputStream(filler)) {
      byte[] block = new byte[64 * 1024];
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      // the disk is full
    }
    return filler;
  }
}
