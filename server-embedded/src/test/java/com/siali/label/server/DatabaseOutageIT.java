package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.siali.label.server.http.TrustedProxies;
import com.siali.label.testing.TestDatabases;
import com.siali.label.testing.ThrowAwayPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away for 10 s under light load (issue #16): a PostgreSQL cluster of the test's
 * own is stopped and started again (the shared test server is never stopped). Meanwhile the node
 * answers 503 at once (never a hang, never a 500) and {@code /health} says DOWN, so that a load
 * balancer moves on; within 10 s of the database's return it serves every request again, and every
 * account whose sign-up was acknowledged is there. PostgreSQL only: the embedded H2 file cannot go
 * away on its own (its full disk is {@code FullDiskIT}'s).
 */
class DatabaseOutageIT {
  private static final long OUTAGE_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]*)\"");

  /** One request of the load and how it ended. */
  record Outcome(long startedNanos, long tookMillis, int status, String email) {}

  @TempDir Path tmp;
  ThrowAwayPostgres postgres;
  TestServer app;
  String token;
  final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
  final AtomicBoolean loading = new AtomicBoolean(true);

  @BeforeEach
  void start() {
    assumeTrue(TestDatabases.postgres(), "PostgreSQL only: H2 is inside the process");
    postgres = ThrowAwayPostgres.start();
    // The load signs up from many addresses behind "the proxy", as a classroom does through nginx:
    // the sign-up throttle keys on the forwarded address.
    app = new TestServer(tmp.resolve("data"), TrustedProxies.parse("127.0.0.1"), postgres.target());
    token = app.tokenOf(app.account("lead@example.com"));
  }

  @AfterEach
  void stop() {
    loading.set(false);
    if (app != null) {
      app.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aNodeAnswers503WhileTheDatabaseIsAwayAndServesAgainWithNothingAcknowledgedLost()
      throws Exception {
    Thread load = Thread.ofPlatform().name("light-load").start(this::signUpEvery100Millis);
    Thread.sleep(2_000);
    assertThat(health().statusCode()).isEqualTo(200);

    int beforeTheOutage = acknowledged().size();
    postgres.stop();
    long stopped = System.nanoTime(); // pg_ctl's fast stop has ended every session by now
    HttpResponse<String> down = awaitHealth(503, 10);
    long downKnown = System.nanoTime();
    assertThat(down.body()).contains("\"status\":\"DOWN\"", "\"detail\":");
    HttpResponse<String> people = timedPeopleCall(1_000);
    assertThat(people.statusCode()).isEqualTo(503);
    assertThat(people.body()).contains("\"detail\":");
    assertThat(people.headers().firstValue("Retry-After")).isPresent();
    TimeUnit.NANOSECONDS.sleep(Math.max(0, stopped + OUTAGE_NANOS - System.nanoTime()));

    long resuming = System.nanoTime();
    postgres.resume();
    long back = System.nanoTime();
    awaitHealth(200, 10);
    assertThat(awaitPeopleCall200Within(10)).isTrue();
    int signupsBefore = acknowledged().size();
    while (acknowledged().size() == signupsBefore && System.nanoTime() - back < 10_000_000_000L) {
      Thread.sleep(50);
    }
    assertThat(acknowledged().size())
        .as("sign-ups succeed again within 10 s")
        .isGreaterThan(signupsBefore);
    loading.set(false);
    load.join(30_000);

    assertThat(outcomes).extracting(Outcome::status).containsOnly(302, 503);
    assertThat(outcomes)
        .filteredOn(
            o -> o.startedNanos() > downKnown && o.startedNanos() < resuming - 2_000_000_000L)
        .as("while /health says DOWN, requests are refused at once")
        .isNotEmpty()
        .allSatisfy(o -> assertThat(o.tookMillis()).isLessThan(2_000));
    assertThat(outcomes)
        .as("nothing hangs, even before the outage is noticed (the pool waits at most 5 s)")
        .allSatisfy(o -> assertThat(o.tookMillis()).isLessThan(8_000));
    for (String email : acknowledged()) {
      assertThat(app.services.people().findByEmail(email)).as(email).isPresent();
    }
    assertThat(beforeTheOutage).as("sign-ups acknowledged before the outage").isPositive();
  }

  private List<String> acknowledged() {
    List<String> emails = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (o.status() == 302) {
        emails.add(o.email());
      }
    }
    return emails;
  }

  /** One sign-up every 100 ms, each from a new browser at a new address behind the proxy. */
  private void signUpEvery100Millis() {
    for (int i = 1; loading.get(); i++) {
      String email = "person" + i + "@example.com";
      String address = "10.1." + (i / 250) + "." + (i % 250 + 1);
      long started = System.nanoTime();
      int status;
      try {
        Browser browser = new Browser(app.base());
        HttpResponse<String> form = browser.get("/user/login/", "X-Forwarded-For", address);
        status = form.statusCode();
        if (status == 200) {
          Matcher csrf = CSRF.matcher(form.body());
          csrf.find();
          status =
              browser
                  .post(
                      "/user/signup/",
                      Map.of(
                          "email",
                          email,
                          "password",
                          "a perfectly fine passphrase",
                          "csrf_token",
                          csrf.group(1)),
                      "X-Forwarded-For",
                      address)
                  .statusCode();
        }
      } catch (Exception | AssertionError e) {
        status = -1; // no answer, or a page without its form: counted as a failure
      }
      outcomes.add(new Outcome(started, (System.nanoTime() - started) / 1_000_000, status, email));
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private HttpResponse<String> health() throws Exception {
    return new Browser(app.base()).get("/health");
  }

  private HttpResponse<String> awaitHealth(int status, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    HttpResponse<String> health = health();
    while (health.statusCode() != status && System.nanoTime() < deadline) {
      Thread.sleep(100);
      health = health();
    }
    assertThat(health.statusCode()).as("/health within " + seconds + " s").isEqualTo(status);
    return health;
  }

  private HttpResponse<String> timedPeopleCall(long maxMillis) throws Exception {
    long started = System.nanoTime();
    // The list of people is read from the database each time (whoami may come from the cache).
    HttpResponse<String> answer =
        new Browser(app.base()).get("/api/users/", "Authorization", "Token " + token);
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(maxMillis);
    return answer;
  }

  private boolean awaitPeopleCall200Within(int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (new Browser(app.base()).get("/api/users/", "Authorization", "Token " + token).statusCode()
          == 200) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }
}
