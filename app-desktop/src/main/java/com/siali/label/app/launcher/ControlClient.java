package com.siali.label.app.launcher;

import com.siali.label.app.cli.AdminOperations;
import com.siali.label.app.cli.CommandOutput;
import com.siali.label.model.AuditFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A command's end of the control socket: it asks the running instance to do the work. */
final class ControlClient implements AdminOperations {
  private final Path socket;
  private final String secret;

  private ControlClient(Path socket, String secret) {
    this.socket = socket;
    this.secret = secret;
  }

  /**
   * A client if an instance answers on {@code socket}; empty if none runs (no socket, or a stale
   * one).
   */
  static Optional<ControlClient> connect(Path socket, String secret) {
    if (!Files.exists(socket)) {
      return Optional.empty();
    }
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      probe.connect(UnixDomainSocketAddress.of(socket));
      return Optional.of(new ControlClient(socket, secret));
    } catch (IOException refused) {
      return Optional.empty();
    }
  }

  @Override
  public CommandOutput userInfo(String email) {
    return send(ControlProtocol.Operation.USER_INFO, email, null).output();
  }

  @Override
  public CommandOutput checkUserExists(String email) {
    return send(ControlProtocol.Operation.CHECK_USER, email, null).output();
  }

  @Override
  public CommandOutput resetPassword(String email, String newPassword) {
    return send(ControlProtocol.Operation.RESET_PASSWORD, email, newPassword).output();
  }

  @Override
  public CommandOutput audit(Optional<Instant> since, AuditFormat format) {
    var request =
        new ControlProtocol.Request(
            secret,
            ControlProtocol.Operation.AUDIT,
            null,
            null,
            since.map(Instant::toString).orElse(null),
            format.extension(),
            List.of(),
            0,
            0);
    return send(request).output();
  }

  @Override
  public CommandOutput invite(List<String> emails, int expiresInDays) {
    return send(new ControlProtocol.Request(
            secret,
            ControlProtocol.Operation.INVITE,
            null,
            null,
            null,
            null,
            emails,
            expiresInDays,
            0))
        .output();
  }

  @Override
  public CommandOutput listInvitations() {
    return send(ControlProtocol.Operation.LIST_INVITATIONS, null, null).output();
  }

  @Override
  public CommandOutput revokeInvitation(long id) {
    return send(new ControlProtocol.Request(
            secret,
            ControlProtocol.Operation.REVOKE_INVITATION,
            null,
            null,
            null,
            null,
            List.of(),
            0,
            id))
        .output();
  }

  ControlProtocol.Response activate() {
    return send(ControlProtocol.Operation.ACTIVATE, null, null);
  }

  private ControlProtocol.Response send(
      ControlProtocol.Operation operation, String email, String password) {
    return send(ControlProtocol.Request.about(secret, operation, email, password));
  }

  private ControlProtocol.Response send(ControlProtocol.Request request) {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      var out = Channels.newOutputStream(channel);
      out.write(
          (ControlProtocol.JSON.writeValueAsString(request) + "\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      var in =
          new BufferedReader(
              new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
      String line = in.readLine();
      if (line == null) {
        throw new IOException("the running instance closed the connection without answering");
      }
      return ControlProtocol.JSON.readValue(line, ControlProtocol.Response.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach the running Siali Label: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {}
}
