package dev.tollgate.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.inmemory.InMemoryTollgate;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpServerTest {

  private static final char[] PASSWORD = "test-only".toCharArray();

  private final InMemoryTollgate tollgate = InMemoryTollgate.startingAt(HttpTollgate.START);

  @TempDir
  Path work;

  @Test
  void portInUse_start_failsWithIOException() throws Exception {
    try (HttpServer first = new HttpServer(
        HttpSettings.defaults(new InetSocketAddress("127.0.0.1", 0)), tollgate.useCases()).start()) {
      HttpServer second = new HttpServer(
          HttpSettings.defaults(new InetSocketAddress("127.0.0.1", first.port())),
          tollgate.useCases());

      assertThatThrownBy(second::start).isInstanceOf(IOException.class);
    }
  }

  @Test
  void runningServer_anyAnswer_doesNotNameTheServerSoftware() throws Exception {
    try (HttpServer server = new HttpServer(
        HttpSettings.defaults(new InetSocketAddress("127.0.0.1", 0)), tollgate.useCases()).start()) {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + server.port() + "/api/v0/tokens")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(401);
      assertThat(answer.headers().firstValue("Server")).isEmpty();
    }
  }

  @Test
  void plaintext_aClientAskingForHttp2_isAnsweredInHttp11() throws Exception {
    try (HttpServer server = new HttpServer(
        HttpSettings.defaults(new InetSocketAddress("127.0.0.1", 0)), tollgate.useCases()).start()) {
      HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
          .build().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
              + "/api/v0/tokens")).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
      assertThat(answer.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void nonPositiveBound_settings_areRefusedNamingIt() {
    assertThatThrownBy(() -> new HttpSettings(new InetSocketAddress("127.0.0.1", 0), 0, 1, 1, 1,
        Duration.ofSeconds(1), Optional.empty(), Optional.empty())).hasMessageContaining("maxThreads 0");
    assertThatThrownBy(() -> new HttpSettings(new InetSocketAddress("127.0.0.1", 0), 8, 1, 1, 1,
        Duration.ZERO, Optional.empty(), Optional.empty())).hasMessageContaining("idleTimeout");
  }

  @Test
  void tlsContext_start_answersOverHttpsWithItsCertificate_andNotInPlaintext() throws Exception {
    KeyStore keys = selfSignedFor127001();
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(
        KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, PASSWORD);
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(keyManagers.getKeyManagers(), null, null);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(
        TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keys);
    SSLContext clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, trust.getTrustManagers(), null);

    try (HttpServer server = new HttpServer(
        HttpSettings.defaults(new InetSocketAddress("127.0.0.1", 0)), tollgate.useCases(),
        Optional.of(serverTls)).start()) {
      HttpResponse<String> answer = HttpClient.newBuilder().sslContext(clientTls).build().send(
          HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port()
              + "/api/v0/tokens")).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(401);
      assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
          assertThat(type).startsWith("application/json"));
      assertThat(answer.sslSession().orElseThrow().getPeerCertificates()[0])
          .isEqualTo(keys.getCertificate("server"));
      assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + server.port() + "/api/v0/tokens")).build(),
          HttpResponse.BodyHandlers.ofString())).as("plaintext on the TLS port")
          .isInstanceOf(IOException.class);
    }
  }

  /** A key and its self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
  private KeyStore selfSignedFor127001() throws Exception {
    Path file = work.resolve("server.p12");
    Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin",
        "keytool").toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname",
        "secp256r1", "-validity", "2", "-dname", "CN=tollgate-test", "-ext",
        "san=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass",
        new String(PASSWORD))).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor()).as("keytool: " + output).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      keys.load(in, PASSWORD);
    }
    return keys;
  }
}
