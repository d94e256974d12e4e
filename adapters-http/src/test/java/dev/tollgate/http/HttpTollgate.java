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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The HTTP API on a real Jetty server on loopback over the in-memory domain, for one test. */
final class HttpTollgate implements AutoCloseable {

  static final Instant START = Instant.parse("2026-11-28T12:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  final InMemoryTollgate tollgate;
  final String admin;
  private final Server server;
  private final URI base;
  private final HttpClient client = HttpClient.newHttpClient();

  HttpTollgate() throws Exception {
    tollgate = new InMemoryTollgate(new ControllableClock(START), IdentityProvider.NONE, 9L);
    TokenString bootstrap = TokenFormat.MANAGEMENT.generate(new DeterministicRandomSource(77));
    tollgate.repository().registerBootstrapAdmin(bootstrap.hash(), "memory", START);
    admin = bootstrap.value();
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(HttpApi.handler(tollgate.useCases()));
    server.setErrorHandler(HttpApi.errorHandler());
    server.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
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
    server.stop();
  }
}
