package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siali.label.model.NewAccount;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.security.PasswordHasher;
import com.siali.label.server.tls.TlsIdentity;
import com.siali.label.service.PasswordPolicy;
import com.siali.label.service.Services;
import com.siali.label.testing.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SECURITY.md "Transport": HTTPS with a self-signed certificate, TLS 1.2+ only, Secure cookies. */
class HttpsIT {
  private static final char[] PASSWORD = "test-keystore-password".toCharArray();
  @TempDir Path tmp;
  Database db;
  Services services;
  TlsIdentity identity;
  LanServer server;

  @BeforeEach
  void start() {
    DataDirectory dir = DataDirectory.open(tmp.resolve("data"));
    db = TestDatabases.open(dir);
    services =
        Services.over(
            db,
            dir.avatars(),
            PasswordHasher.withDefaults(),
            PasswordPolicy.standard(),
            Clock.systemUTC());
    services.accounts().create(NewAccount.of("lead@example.com", TestServer.PASSWORD));
    identity =
        TlsIdentity.loadOrCreate(
            keystore(),
            PASSWORD,
            List.of("localhost", "lead-laptop.local"),
            List.of("127.0.0.1", "192.168.1.20"));
    var settings = new WebSettings(Optional.empty(), true, Set.of("127.0.0.1", "localhost"));
    server =
        LanServer.start(
            "127.0.0.1", 0, WebApp.create(services, settings), Optional.of(identity.sslContext()));
    server.open();
  }

  private Path keystore() {
    return tmp.resolve("data/tls/keystore.p12");
  }

  @AfterEach
  void stop() {
    server.close();
    db.close();
  }

  private HttpClient client(String... protocols) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("siali", identity.certificate());
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    SSLParameters parameters = new SSLParameters();
    if (protocols.length > 0) {
      parameters.setProtocols(protocols);
    }
    return HttpClient.newBuilder().sslContext(context).sslParameters(parameters).build();
  }

  private String url(String path) {
    return "https://127.0.0.1:" + server.port() + path;
  }

  @Test
  void servesOverHttpsWithTheSelfSignedCertificate() throws Exception {
    var response =
        client()
            .send(
                HttpRequest.newBuilder(URI.create(url("/health"))).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(server.urls()).allMatch(u -> u.startsWith("https://"));
  }

  @Test
  void cookiesAreSecureUnderHttps() throws Exception {
    var response =
        client()
            .send(
                HttpRequest.newBuilder(URI.create(url("/user/login/"))).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.headers().allValues("Set-Cookie"))
        .allSatisfy(c -> assertThat(c).contains("; Secure"));
  }

  @Test
  void modernClientsGetTls13AndTls12ClientsStillConnect() throws Exception {
    // TLS 1.0/1.1 are off at the listener (and in the JDK); what can regress is the good versions,
    // so test those.
    assertThat(negotiated()).isEqualTo("TLSv1.3");
    assertThat(negotiated("TLSv1.2")).isEqualTo("TLSv1.2");
  }

  private String negotiated(String... protocols) throws Exception {
    var response =
        client(protocols)
            .send(
                HttpRequest.newBuilder(URI.create(url("/health"))).build(),
                HttpResponse.BodyHandlers.ofString());
    return response.sslSession().orElseThrow().getProtocol();
  }

  @Test
  void certificateNamesEveryAddressAndNameAndIsKeptPrivately() throws Exception {
    var sans =
        identity.certificate().getSubjectAlternativeNames().stream()
            .map(e -> e.get(1).toString())
            .toList();
    assertThat(sans).contains("localhost", "lead-laptop.local", "127.0.0.1", "192.168.1.20");
    assertThat(identity.sha256Fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore())))
        .isEqualTo("rw-------");
    var again =
        TlsIdentity.loadOrCreate(keystore(), PASSWORD, List.of("other"), List.of("10.0.0.1"));
    assertThat(again.sha256Fingerprint())
        .as("made once, then reused")
        .isEqualTo(identity.sha256Fingerprint());
  }

  /** A TLS 1.2 socket to the server that trusts its certificate, offering only {@code suites}. */
  private SSLSocket tls12Socket(String... suites) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("siali", identity.certificate());
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.port());
    socket.setSoTimeout(5_000);
    socket.setEnabledProtocols(new String[] {"TLSv1.2"});
    if (suites.length > 0) {
      socket.setEnabledCipherSuites(suites);
    }
    return socket;
  }

  @Test
  void onlyForwardSecretAeadSuitesAreOfferedSoACbcOnlyClientIsRefused() throws Exception {
    try (SSLSocket cbcOnly =
        tls12Socket(
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256")) {
      assertThatThrownBy(cbcOnly::startHandshake).isInstanceOf(SSLException.class);
    }
    try (SSLSocket aead = tls12Socket("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")) {
      aead.startHandshake();
      assertThat(aead.getSession().getCipherSuite())
          .isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    }
  }

  @Test
  void aClientInitiatedRenegotiationIsRefused() throws Exception {
    try (SSLSocket socket = tls12Socket()) {
      socket.startHandshake();
      assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
      String reply;
      try {
        socket.startHandshake(); // on TLS 1.2 a second handshake is a renegotiation
        socket
            .getOutputStream()
            .write(
                ("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      } catch (IOException refused) {
        reply = "";
      }
      assertThat(reply).as("the connection ends instead of renegotiating").doesNotContain("200");
    }
  }

  @Test
  void theCertificateIsValidFor825DaysAtMostAndRenewedAtStartWhenItRunsOutWithin30Days()
      throws Exception {
    var cert = identity.certificate();
    long days =
        Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()).toDays();
    assertThat(days).isLessThanOrEqualTo(825);

    Path old = tmp.resolve("old/keystore.p12");
    Instant now = Instant.now();
    var made800DaysAgo =
        TlsIdentity.loadOrCreate(
            old,
            PASSWORD,
            List.of("localhost"),
            List.of("127.0.0.1"),
            Clock.fixed(now.minus(Duration.ofDays(800)), ZoneOffset.UTC));
    var tenDaysLater =
        TlsIdentity.loadOrCreate(
            old,
            PASSWORD,
            List.of("localhost"),
            List.of("127.0.0.1"),
            Clock.fixed(now.minus(Duration.ofDays(790)), ZoneOffset.UTC));
    assertThat(tenDaysLater.sha256Fingerprint())
        .as("still months to go: kept")
        .isEqualTo(made800DaysAgo.sha256Fingerprint());
    var today = TlsIdentity.loadOrCreate(old, PASSWORD, List.of("localhost"), List.of("127.0.0.1"));
    assertThat(today.sha256Fingerprint())
        .as("24 days left: renewed")
        .isNotEqualTo(made800DaysAgo.sha256Fingerprint());
    assertThat(today.certificate().getNotAfter().toInstant())
        .isAfter(now.plus(Duration.ofDays(800)));
    assertThat(
            TlsIdentity.loadOrCreate(old, PASSWORD, List.of("localhost"), List.of("127.0.0.1"))
                .sha256Fingerprint())
        .as("the renewed one is kept")
        .isEqualTo(today.sha256Fingerprint());
  }

  @Test
  void plainHttpOnTheHttpsPortIsRedirectedToHttps() throws Exception {
    try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5_000);
      socket
          .getOutputStream()
          .write(
              ("GET /people/?page=2 HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      String reply =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(reply).startsWith("HTTP/1.1 301 ");
      assertThat(reply)
          .contains("Location: https://127.0.0.1:" + server.port() + "/people/?page=2\r\n")
          .contains("X-Content-Type-Options: nosniff")
          .contains("Content-Security-Policy: default-src 'self'");
    }
    assertThat(negotiated()).as("TLS on the same port still works").isEqualTo("TLSv1.3");
  }
}
