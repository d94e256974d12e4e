package dev.tollgate.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tollgate.net.DaemonThreads;
import dev.tollgate.net.Loopback;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import dev.tollgate.proto.management.v1.GetDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.ListDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.ListDatabaseTokensResponse;
import io.grpc.Channel;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scenarios of {@code tollgate bench --http}: creating a database token, reading one and
 * listing them all through the Management HTTP API v0, and their twins over gRPC, made the same
 * way so that the two can be compared round by round. HTTP/1.1 with keep-alive through the JDK's
 * client: one call at a time per connection, so a scenario holds one connection per call in
 * flight and no more.
 */
final class HttpTwins implements AutoCloseable {

  private static final JsonFactory JSON = new JsonFactory();

  private final URI base;
  private final String authorization;
  private final BenchTokens tokens;
  private final ExecutorService executor;
  private final HttpClient client;
  private final AtomicLong listed = new AtomicLong(-1);

  /**
   * @param base the HTTP door, {@code http://HOST:PORT}
   * @param credential what the profile presents, sent as {@code Authorization: Bearer}
   */
  HttpTwins(URI base, String credential, BenchTokens tokens) {
    this.base = base;
    this.authorization = "Bearer " + credential;
    this.tokens = tokens;
    this.executor = Executors.newFixedThreadPool(Math.max(2,
        Runtime.getRuntime().availableProcessors()), DaemonThreads.named("tollgate-bench-http"));
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
  }

  /**
   * The HTTP door from {@code --http}: {@code HOST:PORT} or a URL {@code http://HOST:PORT};
   * plaintext to a loopback address only, since what travels are credentials and fresh tokens.
   */
  static URI door(String option) {
    String text = option.strip();
    URI uri;
    try {
      uri = URI.create(text.contains("://") ? text : "http://" + text);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || uri.getPort() < 1
        || !List.of("http", "https").contains(uri.getScheme())) {
      throw new CliException("--http " + option + " is not an address; expected HOST:PORT or"
          + " http://HOST:PORT, such as 127.0.0.1:8092");
    }
    if (uri.getScheme().equals("http") && !Loopback.isLoopback(uri.getHost())) {
      throw new CliException("--http " + option + " would send the credential in clear text;"
          + " plaintext is for loopback addresses only: use https:// or reach it through"
          + " 127.0.0.1");
    }
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
  }

  /** {@code POST /api/v0/tokens}: a token that may read the bench's database, noted for revoking. */
  FutureLoad httpCreate() {
    // one request for the whole run, as the gRPC twin's
    HttpRequest create = request("/api/v0/tokens").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"description\":\"tollgate bench: created"
            + " over HTTP\",\"permissions\":[{\"action\":\"read\",\"resource\":\""
            + BenchTokens.DATABASE + "\"}],\"expiresAt\":\"" + tokens.expiresAt() + "\"}"))
        .build();
    return new FutureLoad("POST /api/v0/tokens", n -> client.sendAsync(create,
        HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> response.statusCode() == 200
        && idOf(response.body()).map(tokens::createdByLoad).orElse(false)));
  }

  /** {@code GET /api/v0/tokens/{id}}. */
  FutureLoad httpGet(String id) {
    HttpRequest get = request("/api/v0/tokens/" + id).GET().build();
    return new FutureLoad("GET /api/v0/tokens/{id}", n -> client.sendAsync(get,
        HttpResponse.BodyHandlers.ofByteArray()).thenApply(response ->
        response.statusCode() == 200 && idOf(response.body()).filter(id::equals).isPresent()));
  }

  /** {@code GET /api/v0/tokens}: every database token, revoked ones included, read to its end. */
  FutureLoad httpList() {
    HttpRequest list = request("/api/v0/tokens").GET().build();
    return new FutureLoad("GET /api/v0/tokens", n -> client.sendAsync(list,
        HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
          byte[] body = response.body();
          return response.statusCode() == 200 && body.length >= 2 && body[0] == '['
              && body[body.length - 1] == ']';
        }));
  }

  /** The gRPC twin of {@link #httpGet}: {@code GetDatabaseToken}. */
  LoadRun<?, ?> grpcGet(String id) {
    GetDatabaseTokenRequest request = GetDatabaseTokenRequest.newBuilder().setId(id).build();
    return new LoadRun<>(DatabaseTokenServiceGrpc.getGetDatabaseTokenMethod(),
        tokens.withCredential(), n -> request, r -> r.getToken().getId().equals(id));
  }

  /**
   * The gRPC twin of {@link #httpList}: {@code ListDatabaseTokens} with revoked ones, page after
   * page to the last, on the channels in turn; notes how many tokens a list held.
   */
  FutureLoad grpcList(List<? extends Channel> channels) {
    return new FutureLoad("ListDatabaseTokens", n -> {
      CompletableFuture<Boolean> done = new CompletableFuture<>();
      page(DatabaseTokenServiceGrpc.newStub(channels.get((int) (n % channels.size())))
          .withCallCredentials(tokens.withCredential().getCredentials()), "", 0, done);
      return done;
    });
  }

  private void page(DatabaseTokenServiceGrpc.DatabaseTokenServiceStub stub, String pageToken,
      long before, CompletableFuture<Boolean> done) {
    stub.listDatabaseTokens(ListDatabaseTokensRequest.newBuilder().setIncludeRevoked(true)
        .setPageToken(pageToken).build(), new StreamObserver<>() {
          private ListDatabaseTokensResponse page;

          @Override
          public void onNext(ListDatabaseTokensResponse response) {
            page = response;
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }

          @Override
          public void onCompleted() {
            long sofar = before + page.getTokensCount();
            if (page.getNextPageToken().isEmpty()) {
              listed.set(sofar);
              done.complete(true);
            } else {
              page(stub, page.getNextPageToken(), sofar, done);
            }
          }
        });
  }

  /** Tokens the last whole gRPC list held; -1 before one completed. */
  long listed() {
    return listed.get();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", authorization);
  }

  /** The {@code id} of a token object, the answer to a create or a get. */
  static Optional<String> idOf(byte[] body) {
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.getCurrentName();
        JsonToken value = parser.nextToken();
        if (field.equals("id") && value == JsonToken.VALUE_STRING) {
          return Optional.of(parser.getText());
        }
        parser.skipChildren();
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
