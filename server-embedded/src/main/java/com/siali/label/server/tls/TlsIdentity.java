package com.siali.label.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS identity of this installation: made on first use (SECURITY.md "Transport"), kept in a
 * PKCS#12 file in the data directory ({@code 0600}, protected by a password derived from the
 * install secret), and shown to people as its SHA-256 fingerprint so they can check the certificate
 * their browser warns about.
 */
public final class TlsIdentity {
  static {
    // A client may not start a new handshake on an open TLS 1.2 connection (a cheap way to make the
    // server do expensive work over and over). JSSE reads this once, when its server handshake code
    // first loads: this class is used before any TLS server starts, so it is set in time.
    System.setProperty("jdk.tls.rejectClientInitiatedRenegotiation", "true");
  }

  /** TLS 1.3, and TLS 1.2 for older clients (Mozilla's "intermediate" profile). */
  public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  /**
   * Mozilla's "intermediate" profile without the DHE suites: on TLS 1.2 only forward-secret ECDHE
   * with an AEAD cipher (no CBC, no SHA-1 MACs, no RSA key exchange); all of TLS 1.3's. Our key is
   * EC, so the ECDSA suites are the ones used; the RSA ones stay for a key someone swaps in.
   */
  public static final List<String> CIPHER_SUITES =
      List.of(
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  /** A certificate that runs out sooner than this is made anew at start. */
  public static final Duration RENEW_BEFORE = Duration.ofDays(30);

  private static final Logger LOG = LoggerFactory.getLogger(TlsIdentity.class);
  private static final String ALIAS = "siali-label";
  private final KeyStore store;
  private final char[] password;

  private TlsIdentity(KeyStore store, char[] password) {
    this.store = store;
    this.password = password;
  }

  public static TlsIdentity loadOrCreate(
      Path file, char[] password, Collection<String> dnsNames, Collection<String> ipAddresses) {
    return loadOrCreate(file, password, dnsNames, ipAddresses, Clock.systemUTC());
  }

  /**
   * The identity kept in {@code file}, or a new one when there is none or when its certificate runs
   * out within {@link #RENEW_BEFORE} of {@code clock}'s now (then the new fingerprint is the one
   * shown from then on).
   */
  public static TlsIdentity loadOrCreate(
      Path file,
      char[] password,
      Collection<String> dnsNames,
      Collection<String> ipAddresses,
      Clock clock) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      Instant now = clock.instant();
      if (Files.exists(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          store.load(in, password);
        }
        Instant expires = ((X509Certificate) store.getCertificate(ALIAS)).getNotAfter().toInstant();
        if (expires.isAfter(now.plus(RENEW_BEFORE))) {
          return new TlsIdentity(store, password);
        }
        LOG.info("the HTTPS certificate runs out on {}; making a new one", expires);
      }
      var made = SelfSignedCertificate.create(dnsNames, ipAddresses, now);
      store = KeyStore.getInstance("PKCS12");
      store.load(null, password);
      store.setKeyEntry(
          ALIAS, made.keys().getPrivate(), password, new Certificate[] {made.certificate()});
      save(store, file, password);
      return new TlsIdentity(store, password);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "The HTTPS key store " + file + " cannot be used: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void save(KeyStore store, Path file, char[] password)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), "keystore", ".tmp");
    if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
    }
    try (OutputStream out = Files.newOutputStream(temp)) {
      store.store(out, password);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
  }

  public X509Certificate certificate() {
    try {
      return (X509Certificate) store.getCertificate(ALIAS);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code AB:CD:…}, as browsers show it. */
  public String sha256Fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A server context for TLS 1.2 and 1.3 (older versions are switched off at the listener). */
  public SSLContext sslContext() {
    try {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
