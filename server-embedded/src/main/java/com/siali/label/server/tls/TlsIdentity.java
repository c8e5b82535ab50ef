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
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The HTTPS identity of this installation: made on first use (SECURITY.md "Transport"), kept in a
 * PKCS#12 file in the data directory ({@code 0600}, protected by a password derived from the
 * install secret), and shown to people as its SHA-256 fingerprint so they can check the certificate
 * their browser warns about.
 */
public final class TlsIdentity {
  private static final String ALIAS = "siali-label";
  private final KeyStore store;
  private final char[] password;

  private TlsIdentity(KeyStore store, char[] password) {
    this.store = store;
    this.password = password;
  }

  public static TlsIdentity loadOrCreate(
      Path file, char[] password, Collection<String> dnsNames, Collection<String> ipAddresses) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      if (Files.exists(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          store.load(in, password);
        }
      } else {
        var made = SelfSignedCertificate.create(dnsNames, ipAddresses, Instant.now());
        store.load(null, password);
        store.setKeyEntry(
            ALIAS, made.keys().getPrivate(), password, new Certificate[] {made.certificate()});
        save(store, file, password);
      }
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
