package com.siali.label.app.console;

import com.siali.label.app.console.server.ServerStatus;
import com.siali.label.app.console.shell.ConsoleContext;
import com.siali.label.app.launcher.LanServerStatus;
import com.siali.label.model.NewAccount;
import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.User;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.security.PasswordHasher;
import com.siali.label.server.LanServer;
import com.siali.label.server.WebApp;
import com.siali.label.server.WebSettings;
import com.siali.label.service.PasswordPolicy;
import com.siali.label.service.Services;
import com.siali.label.testing.TestDatabases;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * A real installation for console tests: H2 file database in a temp directory, real Argon2, and the
 * real LAN server on an ephemeral port (the console shows its addresses; tests sign people up
 * through it).
 */
public final class ConsoleFixture implements AutoCloseable {
  public static final String PASSWORD = "correct horse battery";
  private static final PasswordPolicy POLICY = PasswordPolicy.standard();

  public final Path dataDir;
  public final Database database;
  public final Services services;
  public final LanServer server;

  public ConsoleFixture(Path dataDir) {
    this.dataDir = dataDir;
    DataDirectory directory = DataDirectory.open(dataDir);
    database = TestDatabases.open(directory);
    services =
        Services.over(
            database,
            directory.avatars(),
            PasswordHasher.withDefaults(),
            POLICY,
            Clock.systemUTC());
    server =
        LanServer.start(
            "127.0.0.1",
            0,
            WebApp.create(
                services,
                new WebSettings(Optional.empty(), false, Set.of("127.0.0.1", "localhost"))));
    server.open();
  }

  public User account(String email) {
    return services.accounts().create(NewAccount.of(email, PASSWORD));
  }

  public User account(String email, String first, String last) {
    User user = account(email);
    return services.accounts().updateProfile(user.id(), new ProfileUpdate(first, last, ""));
  }

  /** A call of the REST API as {@code user}, with their token, over real HTTP. */
  public HttpResponse<String> api(String method, String path, User user, String json)
      throws IOException, InterruptedException {
    String token = services.apiTokens().tokenOf(user.id());
    URI uri = URI.create(server.urls().getFirst()).resolve(path);
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(
          HttpRequest.newBuilder(uri)
              .header("Authorization", "Token " + token)
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(json))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  public ServerStatus serverStatus() {
    return new LanServerStatus(server, Optional.empty(), () -> true);
  }

  public ConsoleContext context(Optional<Boolean> signupRequiresLinkByEnvironment) {
    return new ConsoleContext(
        services, serverStatus(), dataDir, signupRequiresLinkByEnvironment, Clock.systemUTC());
  }

  public ConsoleContext context() {
    return context(Optional.empty());
  }

  /** A picture file of the given size, one colour, as a person would pick from their disk. */
  public static Path pictureFile(Path dir, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(new Color(0x3b5bdb));
    g.fillRect(0, 0, width, height);
    g.setColor(Color.WHITE);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    Path file = dir.resolve("me-" + width + "x" + height + ".png");
    Files.write(file, out.toByteArray());
    return file;
  }

  @Override
  public void close() {
    server.close();
    database.close();
  }
}
