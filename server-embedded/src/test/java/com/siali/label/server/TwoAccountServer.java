package com.siali.label.server;

import com.siali.label.model.User;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real server on a new data directory with two accounts, the lead (owner) and a collaborator, per
 * test.
 */
abstract class TwoAccountServer {
  static final JsonMapper JSON = JsonMapper.builder().build();
  @TempDir Path tmp;
  TestServer app;
  Browser client;
  User lead;
  User collab;

  @BeforeEach
  void start() {
    app = new TestServer(tmp.resolve("data"), Optional.empty());
    lead = app.account("lead@example.com");
    collab = app.account("collab@example.com");
    client = new Browser(app.base());
  }

  @AfterEach
  void stop() {
    app.close();
  }

  /** The Authorization header of that account's API token. */
  String[] as(User user) {
    return new String[] {"Authorization", "Token " + app.tokenOf(user)};
  }

  /** A browser logged in to the LAN pages as the collaborator. */
  Browser collabLoggedIn() throws Exception {
    Browser browser = new Browser(app.base());
    browser.logIn("collab@example.com", TestServer.PASSWORD);
    return browser;
  }
}
