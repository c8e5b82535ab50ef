package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.User;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17 item 1: tabs racing to sign up with one personal link, over real concurrent HTTP: one
 * account, one 302, and every other tab is told the link was already used.
 */
class PersonalInvitationRaceIT {
  static final int TABS = 6;

  @TempDir Path tmp;
  TestServer app;
  User lead;

  @BeforeEach
  void start() {
    app = new TestServer(tmp.resolve("data"), Optional.of(true));
    lead = app.account("lead@example.com");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @RepeatedTest(3)
  void racingSignUpsWithOneLinkMakeExactlyOneAccount() throws Exception {
    String link = PersonalInvitationsIT.invite(app, lead, "ada@example.com", 7);
    List<Browser> tabs = new ArrayList<>();
    List<String> csrf = new ArrayList<>();
    for (int i = 0; i < TABS; i++) {
      Browser tab = new Browser(app.base());
      csrf.add(tab.csrfFrom("/user/login/"));
      tabs.add(tab);
    }
    CyclicBarrier together = new CyclicBarrier(TABS);
    ExecutorService pool = Executors.newFixedThreadPool(TABS);
    List<HttpResponse<String>> answers = new ArrayList<>();
    try {
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < TABS; i++) {
        Browser tab = tabs.get(i);
        String token = csrf.get(i);
        futures.add(
            pool.submit(
                () -> {
                  together.await();
                  return tab.post(
                      link,
                      Map.of(
                          "email",
                          "ada@example.com",
                          "password",
                          PersonalInvitationsIT.PASSWORD,
                          "csrf_token",
                          token));
                }));
      }
      for (var future : futures) {
        answers.add(future.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(answers.stream().filter(a -> a.statusCode() == 302)).hasSize(1);
    assertThat(answers.stream().filter(a -> a.statusCode() != 302))
        .hasSize(TABS - 1)
        .allSatisfy(
            a -> {
              assertThat(a.statusCode()).as(a.body()).isEqualTo(410);
              assertThat(a.body()).contains("This invitation was already used");
            });
    assertThat(app.services.people().count()).isEqualTo(2);
  }
}
