package dev.tollgate.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.domain.inmemory.ControllableClock;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.inmemory.InMemoryTollgate;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenString;
import dev.tollgate.domain.port.out.IdentityProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

/** The HTTP API on its real server on loopback over the in-memory domain, for one test. */
final class HttpTollgate implements AutoCloseable {

  static final Instant START = Instant.parse("2026-11-28T12:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  final InMemoryTollgate tollgate;
  final String admin;
  private final HttpServer server;
  private final URI base;
  private final HttpClient client = HttpClient.newHttpClient();

  HttpTollgate() throws Exception {
    this(HttpSettings.defaults(new InetSocketAddress("127.0.0.1", 0)));
  }

  HttpTollgate(HttpSettings settings) throws Exception {
    tollgate = new InMemoryTollgate(new ControllableClock(START), IdentityProvider.NONE, 9L);
    TokenString bootstrap = TokenFormat.MANAGEMENT.generate(new DeterministicRandomSource(77));
    tollgate.repository().registerBootstrapAdmin(bootstrap.hash(), "memory", START);
    admin = bootstrap.value();
    server = new HttpServer(settings, tollgate.useCases()).start();
    base = URI.create("http://127.0.0.1:" + server.port());
  }

  /** A request to the path, as the admin unless the test says otherwise. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + admin);
  }

  HttpRequest.Builder anonymous(String path) {
    return HttpRequest.newBuilder(base.resolve(path));
  }

  static HttpRequest.BodyPublisher json(String body) {
    return HttpRequest.BodyPublishers.ofString(body);
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends a JSON body with the method, as the admin. */
  HttpResponse<String> sendJson(String method, String path, String body)
      throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", "application/json")
        .method(method, json(body)));
  }

  static JsonNode tree(String json) throws IOException {
    return JSON.readTree(json);
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
