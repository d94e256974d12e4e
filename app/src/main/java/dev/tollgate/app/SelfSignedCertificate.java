package dev.tollgate.app;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A self-signed certificate for {@code --tls-self-signed}, made with BouncyCastle on first start
 * and kept in {@code <data-dir>/tls/} so clients can pin it ({@code [profile.tls] ca = …}).
 */
final class SelfSignedCertificate {

  private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificate.class);
  private static final Duration VALIDITY = Duration.ofDays(365);
  private static final Duration RENEW_BEFORE = Duration.ofDays(30);

  private SelfSignedCertificate() {}

  /** The certificate and key files, made or renewed when missing or about to expire. */
  static ServerConfig.Tls.Files ensure(Path dataDirectory, String listenHost, Instant now) {
    Path directory = dataDirectory.resolve("tls");
    Path certificate = directory.resolve("self-signed.crt");
    Path key = directory.resolve("self-signed.key");
    try {
      if (!Files.exists(certificate) || !Files.exists(key) || expiresSoon(certificate, now)
          || !matches(certificate, key)) {
        Files.createDirectories(directory);
        create(certificate, key, listenHost, now);
      }
      LOG.info("TLS with the self-signed certificate {} (SHA-256 {}); clients trust it with"
          + " [profile.tls] ca = \"{}\"", certificate, fingerprint(certificate), certificate);
      return new ServerConfig.Tls.Files(certificate, key);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the self-signed certificate in " + directory, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make a self-signed certificate: " + e.getMessage(), e);
    }
  }

  private static boolean expiresSoon(Path certificate, Instant now)
      throws IOException, GeneralSecurityException {
    return read(certificate).getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE));
  }

  private static void create(Path certificate, Path key, String listenHost, Instant now)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    KeyPair pair = generator.generateKeyPair();
    X500Name subject = new X500Name("CN=tollgate");
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
        new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
        Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
    builder.addExtension(Extension.subjectAlternativeName, false, names(listenHost));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.extendedKeyUsage, false,
        new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    X509Certificate signed = new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    // both written and synced before either replaces the old one: a crash leaves the old pair,
    // the new pair, or a new key beside the old certificate, which the next start replaces
    Path newKey = writeSynced(key, new JcaPKCS8Generator(pair.getPrivate(), null), "rw-------");
    Path newCertificate = writeSynced(certificate, signed, "rw-r--r--");
    Files.move(newKey, key, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Files.move(newCertificate, certificate, StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(certificate.getParent());
  }

  /** Whether the key is the certificate's: the public key derived from it is the certificate's. */
  private static boolean matches(Path certificate, Path key) {
    try (PEMParser parser = new PEMParser(Files.newBufferedReader(key, StandardCharsets.US_ASCII))) {
      Object object = parser.readObject();
      if (!(object instanceof PrivateKeyInfo info)) {
        return false;
      }
      java.security.PrivateKey privateKey = new JcaPEMKeyConverter().getPrivateKey(info);
      java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSA");
      signer.initSign(privateKey);
      byte[] probe = "tollgate".getBytes(StandardCharsets.US_ASCII);
      signer.update(probe);
      byte[] signature = signer.sign();
      java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(read(certificate).getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static GeneralNames names(String listenHost) {
    List<GeneralName> names = new ArrayList<>(List.of(
        new GeneralName(GeneralName.dNSName, "localhost"),
        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
        new GeneralName(GeneralName.iPAddress, "::1")));
    if (!listenHost.isEmpty() && !listenHost.equals("0.0.0.0") && !listenHost.equals("::")
        && !listenHost.equals("localhost") && !listenHost.equals("127.0.0.1")) {
      boolean isAddress = listenHost.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':');
      names.add(new GeneralName(isAddress ? GeneralName.iPAddress : GeneralName.dNSName, listenHost));
    }
    try {
      String hostName = InetAddress.getLocalHost().getHostName();
      if (!hostName.equals(listenHost) && !hostName.equals("localhost")) {
        names.add(new GeneralName(GeneralName.dNSName, hostName));
      }
    } catch (IOException e) {
      // no host name to add
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  /** Writes the PEM to a new file beside {@code file}, synced, and returns it. */
  private static Path writeSynced(Path file, Object object, String permissions)
      throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
      pem.writeObject(object);
    }
    Path temporary = Files.createTempFile(file.getParent(), ".tls", ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.US_ASCII)));
      channel.force(true);
    }
    // readable by clients that pin it, for the certificate; the key stays its owner's
    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(permissions));
    return temporary;
  }

  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // some file systems cannot sync a directory; the renames are still atomic
    }
  }

  private static X509Certificate read(Path certificate) throws IOException, GeneralSecurityException {
    try (var in = Files.newInputStream(certificate)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static String fingerprint(Path certificate) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(read(certificate).getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (IOException | GeneralSecurityException e) {
      return "unknown";
    }
  }
}
