package com.siali.label.server.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An EC P-256 key and a self-signed server certificate whose SANs name every way collaborators
 * reach us.
 */
public record SelfSignedCertificate(KeyPair keys, X509Certificate certificate) {
  /**
   * Apple platforms refuse a server certificate valid for more than 825 days, even one the user
   * trusts by hand; the day of back-dating (clocks that are a little behind) counts too.
   */
  public static final Duration VALIDITY = Duration.ofDays(825);

  private static final Duration BACKDATING = Duration.ofDays(1);

  public static SelfSignedCertificate create(
      Collection<String> dnsNames, Collection<String> ipAddresses, Instant now) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair keys = generator.generateKeyPair();
      X500Name subject = new X500Name("CN=Siali Label (self-signed), O=Siali Label");
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(127, new SecureRandom()).add(BigInteger.ONE),
              Date.from(now.minus(BACKDATING)),
              Date.from(now.minus(BACKDATING).plus(VALIDITY)),
              subject,
              keys.getPublic());
      List<GeneralName> names = new ArrayList<>();
      dnsNames.forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
      for (String ip : ipAddresses) {
        names.add(
            new GeneralName(
                GeneralName.iPAddress,
                InetAddress.ofLiteral(ip.replaceAll("[\\[\\]]", "")).getHostAddress()));
      }
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(names.toArray(GeneralName[]::new)));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
      return new SelfSignedCertificate(
          keys, new JcaX509CertificateConverter().getCertificate(builder.build(signer)));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("Cannot create the HTTPS certificate: " + e.getMessage(), e);
    }
  }
}
