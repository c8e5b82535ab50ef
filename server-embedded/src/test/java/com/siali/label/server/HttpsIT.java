package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.NewAccount;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.security.PasswordHasher;
import com.siali.label.server.tls.TlsIdentity;
import com.siali.label.service.PasswordPolicy;
import com.siali.label.service.Services;
import com.siali.label.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
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
}
