package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.files.TokenFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP door of the real jar with TLS: HTTPS on the certificate gRPC serves. */
class HttpTlsIT {

  @TempDir
  Path work;

  @Test
  void selfSignedTls_httpDoor_servesTheV0TokensOverHttpsWithThatCertificate() throws Exception {
    try (TollgateJar.Server server = new TollgateJar.Server(work.resolve("data"),
        work.resolve("server.log"), "--tls-self-signed").start()) {
      Certificate certificate = read(work.resolve("data/tls/self-signed.crt"));
      String admin = TokenFile.read(work.resolve("data/admin-token.json"));
      URI tokens = URI.create(server.httpAddress() + "/api/v0/tokens");

      HttpResponse<String> listed = trusting(certificate).send(HttpRequest.newBuilder(tokens)
          .header("Authorization", "Bearer " + admin).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(server.httpAddress()).as("the ready file's second line")
          .matches("https://127\\.0\\.0\\.1:[1-9][0-9]*");
      assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
      assertThat(listed.body()).isEqualTo("[]");
      assertThat(listed.sslSession().orElseThrow().getPeerCertificates()[0])
          .isEqualTo(certificate);
      assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(server.httpAddress().replace("https://", "http://") + "/api/v0/tokens"))
          .build(), HttpResponse.BodyHandlers.ofString())).as("plaintext on the HTTPS door")
          .isInstanceOf(IOException.class);
      assertThat(server.logText()).contains("Management HTTP API v0 at "
          + server.httpAddress() + "/api/v0");
    }
  }

  /** A client that trusts {@code certificate} alone. */
  private static HttpClient trusting(Certificate certificate) throws Exception {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("tollgate", certificate);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(
        TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(tls).build();
  }

  private static Certificate read(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
