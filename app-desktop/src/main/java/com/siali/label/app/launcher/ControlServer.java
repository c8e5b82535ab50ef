package com.siali.label.app.launcher;

import com.siali.label.app.cli.AdminOperations;
import com.siali.label.app.cli.CommandOutput;
import com.siali.label.model.AuditFormat;
import com.siali.label.security.Tokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running instance's end of the control socket (ADR 0005): {@code label-studio user}, {@code
 * reset_password} and a second {@code start} are served here while this process holds the database.
 */
final class ControlServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

  private final Path socket;
  private final String secret;
  private final AdminOperations operations;
  private final Supplier<List<String>> urls;
  private final Runnable onActivate;
  private final ServerSocketChannel channel;

  private ControlServer(
      Path socket,
      String secret,
      AdminOperations operations,
      Supplier<List<String>> urls,
      Runnable onActivate,
      ServerSocketChannel channel) {
    this.socket = socket;
    this.secret = secret;
    this.operations = operations;
    this.urls = urls;
    this.onActivate = onActivate;
    this.channel = channel;
  }

  /** Binds the socket (replacing a stale one left by a killed process) and starts answering. */
  static ControlServer start(
      Path socket,
      String secret,
      AdminOperations operations,
      Supplier<List<String>> urls,
      Runnable onActivate)
      throws IOException {
    // Only the process holding the instance lock (InstanceLock) gets here, so a socket file that
    // exists now is stale.
    Files.deleteIfExists(socket);
    ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    channel.bind(UnixDomainSocketAddress.of(socket));
    ControlServer server = new ControlServer(socket, secret, operations, urls, onActivate, channel);
    Thread.ofPlatform().daemon().name("control-socket").start(server::acceptLoop);
    return server;
  }

  private void acceptLoop() {
    while (channel.isOpen()) {
      try {
        SocketChannel client = channel.accept();
        Thread.ofVirtual().name("control-client").start(() -> serve(client));
      } catch (IOException e) {
        if (channel.isOpen()) {
          LOG.warn("control socket accept failed: {}", e.getMessage());
        }
      }
    }
  }

  private void serve(SocketChannel client) {
    try (client;
        var in =
            new BufferedReader(
                new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
        OutputStream out = Channels.newOutputStream(client)) {
      String line = in.readLine();
      if (line == null) {
        return; // a liveness probe: ControlClient.connect only checks that someone listens
      }
      ControlProtocol.Response response = answer(line);
      out.write(
          (ControlProtocol.JSON.writeValueAsString(response) + "\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException | RuntimeException e) {
      LOG.warn("control request failed: {}", e.toString());
    }
  }

  private ControlProtocol.Response answer(String line) {
    if (line.length() > ControlProtocol.MAX_LINE) {
      return refusal("malformed control request");
    }
    ControlProtocol.Request request =
        ControlProtocol.JSON.readValue(line, ControlProtocol.Request.class);
    if (request.secret() == null || !Tokens.constantTimeEquals(request.secret(), secret)) {
      return refusal("the control request did not carry this installation's secret");
    }
    CommandOutput output =
        switch (request.operation()) {
          case USER_INFO -> operations.userInfo(request.email());
          case CHECK_USER -> operations.checkUserExists(request.email());
          case RESET_PASSWORD -> operations.resetPassword(request.email(), request.password());
          case AUDIT ->
              operations.audit(
                  Optional.ofNullable(request.since()).map(Instant::parse),
                  AuditFormat.parse(request.format(), "format"));
          case INVITE ->
              operations.invite(
                  request.emails() == null ? List.of() : request.emails(), request.expiresInDays());
          case LIST_INVITATIONS -> operations.listInvitations();
          case REVOKE_INVITATION -> operations.revokeInvitation(request.invitationId());
          case ACTIVATE -> {
            onActivate.run();
            yield CommandOutput.ok("");
          }
        };
    return new ControlProtocol.Response(output, urls.get());
  }

  private static ControlProtocol.Response refusal(String why) {
    return new ControlProtocol.Response(CommandOutput.failed(why + "\n"), List.of());
  }

  @Override
  public void close() {
    try {
      channel.close();
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      LOG.warn("closing the control socket: {}", e.getMessage());
    }
  }
}
