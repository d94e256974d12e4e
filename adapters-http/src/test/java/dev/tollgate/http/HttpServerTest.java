package dev.tollgate.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.domain.inmemory.InMemoryTollgate;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpServerTest {

  private final InMemoryTollgate tollgate = InMemoryTollgate.startingAt(HttpTollgate.START);

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
  void nonPositiveBound_settings_areRefusedNamingIt() {
    assertThatThrownBy(() -> new HttpSettings(new InetSocketAddress("127.0.0.1", 0), 0, 1, 1, 1,
        Duration.ofSeconds(1), Optional.empty())).hasMessageContaining("maxThreads 0");
    assertThatThrownBy(() -> new HttpSettings(new InetSocketAddress("127.0.0.1", 0), 8, 1, 1, 1,
        Duration.ZERO, Optional.empty())).hasMessageContaining("idleTimeout");
  }
}
