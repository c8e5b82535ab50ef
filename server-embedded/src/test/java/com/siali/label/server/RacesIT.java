package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.User;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #18 item 4, through the real server: concurrent writes of one shared row or one person's
 * picture each answer success, and leave exactly one winner behind.
 */
class RacesIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final int THREADS = 20;

  @TempDir Path tmp;
  TestServer app;
  User lead;
  String token;

  @BeforeEach
  void start() {
    app = new TestServer(tmp.resolve("data"), Optional.empty());
    lead = app.account("lead@example.com");
    token = app.tokenOf(lead);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void concurrentResetLinksOnAFreshInstanceAllAnswer201AndOneTokenIsCurrent() throws Exception {
    List<HttpResponse<String>> responses =
        race(
            () ->
                new Browser(app.base())
                    .send(
                        "POST",
                        "/api/invite/reset-token",
                        null,
                        "Authorization",
                        "Token " + token));

    List<String> tokens = new ArrayList<>();
    for (var response : responses) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      tokens.add(JSON.readTree(response.body()).get("token").asString());
    }
    assertThat(tokens).doesNotHaveDuplicates();
    assertThat(tokens.stream().filter(app.services.invitations()::accepts)).hasSize(1);
    var current = new Browser(app.base()).get("/api/invite", "Authorization", "Token " + token);
    assertThat(tokens).contains(JSON.readTree(current.body()).get("token").asString());
  }

  @Test
  void concurrentUploadsByOnePersonLeaveOnePictureTheOneTheAccountNames() throws Exception {
    byte[] picture = Pictures.png(64, 64);
    List<HttpResponse<String>> responses =
        race(
            () ->
                new Browser(app.base())
                    .upload(
                        "/api/users/" + lead.id() + "/avatar",
                        Map.of(),
                        "avatar",
                        picture,
                        "Authorization",
                        "Token " + token));

    List<String> uploaded = new ArrayList<>();
    for (var response : responses) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      uploaded.add(JSON.readTree(response.body()).get("avatar").asString());
    }
    String named = "/data/avatars/" + app.services.people().get(lead.id()).avatar().orElseThrow();
    assertThat(uploaded).contains(named).doesNotHaveDuplicates();
    var client = new Browser(app.base());
    for (String url : uploaded) {
      assertThat(client.getBytes(url, "Authorization", "Token " + token).statusCode())
          .as("only the picture the account names is kept: %s", url)
          .isEqualTo(url.equals(named) ? 200 : 404);
    }
    try (var files = Files.list(app.dataDir.resolve("avatars"))) {
      assertThat(files.toList()).as("pictures live in the database (ADR 0018)").isEmpty();
    }
  }

  private static <T> List<T> race(Callable<T> call) throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
