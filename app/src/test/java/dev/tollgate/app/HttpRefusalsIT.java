package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.files.TokenFile;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a raw HTTP client can send the real jar that it should not: malformed, mistyped, huge and
 * deeply nested bodies, unknown fields, wrong methods and paths, garbage on the wire, and every
 * kind of credential. Each gets a 4xx with the error object in JSON, never a 500, and nothing is
 * written: the tokens and the audit trail are as they were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpRefusalsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKENS = "/api/v0/tokens";
  private static final String MANAGEMENT = "/api/tollgate/v1/management-tokens";

  @TempDir
  static Path work;

  private TollgateJar.Server server;
  private URI base;
  private String admin;
  private String databaseToken;
  private String revokedManagementToken;

  @BeforeAll
  void start() throws Exception {
    server = new TollgateJar.Server(work.resolve("data"), work.resolve("server.log")).start();
    base = URI.create(server.httpAddress());
    admin = TokenFile.read(work.resolve("data/admin-token.json"));
    databaseToken = JSON.readTree(send("POST", TOKENS, admin, "application/json",
        "{\"description\": \"reader\", \"permissions\": [{\"action\": \"read\","
            + " \"resource\": \"db1\"}]}").body()).get("accessToken").asText();
    JsonNode management = JSON.readTree(send("POST", MANAGEMENT, admin, "application/json",
        "{\"description\": \"to revoke\"}").body());
    revokedManagementToken = management.get("accessToken").asText();
    assertThat(send("DELETE", MANAGEMENT + "/" + management.get("id").asText(), admin, null, null)
        .statusCode()).isEqualTo(204);
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  private HttpResponse<String> send(String method, String path, String bearer, String type,
      String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      request.header("Authorization", bearer.contains(" ") ? bearer : "Bearer " + bearer);
    }
    if (type != null) {
      request.header("Content-Type", type);
    }
    // a client, and so a connection, of its own: one the server closed after a refusal is never
    // taken for the next request
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** What is stored, as the API lists it: every token and every event. */
  private String stored() throws Exception {
    return send("GET", TOKENS, admin, null, null).body()
        + send("GET", MANAGEMENT, admin, null, null).body()
        + send("GET", "/api/tollgate/v1/events", admin, null, null).body();
  }

  private record Case(String name, String method, String path, String bearer, String type,
      String body, int status) {}

  private List<Case> cases() {
    String object = "{\"description\": \"x\"}";
    String json = "application/json";
    List<Case> cases = new ArrayList<>(List.of(
        new Case("no credential", "POST", TOKENS, null, json, object, 401),
        new Case("Basic credential", "GET", TOKENS, "Basic dXNlcjpwYXNz", null, null, 401),
        new Case("bearer without token", "GET", TOKENS, "Bearer ", null, null, 401),
        new Case("unknown database token", "GET", TOKENS, "apiv1_" + "A".repeat(86), null, null,
            401),
        new Case("garbage token", "GET", TOKENS, "not-a-token", null, null, 401),
        new Case("JWT-shaped token, no OAuth", "GET", TOKENS, "eyJhbGciOiJIUzI1NiJ9.e30.c2ln",
            null, null, 401),
        new Case("revoked management token", "GET", TOKENS, revokedManagementToken, null, null,
            401),
        new Case("database token lists", "GET", TOKENS, databaseToken, null, null, 403),
        new Case("database token creates", "POST", TOKENS, databaseToken, json, object, 403),
        new Case("database token creates management", "POST", MANAGEMENT, databaseToken, json,
            object, 403),
        new Case("malformed JSON", "POST", TOKENS, admin, json, "{\"description\": ", 400),
        new Case("wrong type", "POST", TOKENS, admin, json, "{\"description\": 5}", 400),
        new Case("wrong permission type", "POST", TOKENS, admin, json,
            "{\"description\": \"x\", \"permissions\": {\"action\": \"read\"}}", 400),
        new Case("unknown action", "POST", TOKENS, admin, json, "{\"description\": \"x\","
            + " \"permissions\": [{\"action\": \"delete\", \"resource\": \"db\"}]}", 400),
        new Case("unknown field", "POST", TOKENS, admin, json,
            "{\"description\": \"x\", \"expires_at\": \"2030-01-01T00:00:00Z\"}", 400),
        new Case("duplicate field", "POST", TOKENS, admin, json,
            "{\"description\": \"x\", \"description\": \"y\"}", 400),
        new Case("trailing value", "POST", TOKENS, admin, json, object + " {}", 400),
        new Case("empty body", "POST", TOKENS, admin, json, "", 400),
        new Case("null body", "POST", TOKENS, admin, json, "null", 400),
        new Case("array body", "POST", TOKENS, admin, json, "[]", 400),
        new Case("deeply nested", "POST", TOKENS, admin, json, "[".repeat(10_000), 400),
        new Case("long string", "POST", TOKENS, admin, json,
            "{\"description\": \"" + "d".repeat(20_000) + "\"}", 400),
        new Case("huge number", "POST", MANAGEMENT + "/00000000-0000-0000-0000-000000000000/rotate",
            admin, json, "{\"overlapSeconds\": 1" + "0".repeat(400) + "}", 400),
        new Case("huge body", "POST", TOKENS, admin, json,
            "{\"description\": \"" + "d".repeat(1 << 20) + "\"}", 413),
        new Case("not JSON", "POST", TOKENS, admin, "text/plain", object, 415),
        new Case("no content type", "POST", MANAGEMENT, admin, null, object, 415),
        new Case("past expiry", "POST", TOKENS, admin, json,
            "{\"description\": \"x\", \"expiresAt\": \"2001-01-01T00:00:00Z\"}", 400),
        new Case("expiry and noExpiration", "POST", TOKENS, admin, json, "{\"description\": \"x\","
            + " \"expiresAt\": \"2030-01-01T00:00:00Z\", \"expirationType\": \"noExpiration\"}",
            400),
        new Case("empty update", "PATCH", TOKENS + "/00000000-0000-0000-0000-000000000000", admin,
            json, "{}", 400),
        new Case("wrong method", "PUT", TOKENS, admin, json, object, 405),
        new Case("wrong method on item", "POST", TOKENS + "/x", admin, json, object, 405),
        new Case("unknown path", "GET", "/api/v0/databases", admin, null, null, 404),
        new Case("not a token id", "GET", TOKENS + "/not-a-uuid", admin, null, null, 404),
        new Case("no such token", "DELETE", TOKENS + "/00000000-0000-0000-0000-000000000000",
            admin, null, null, 404),
        new Case("no such management token", "DELETE",
            MANAGEMENT + "/00000000-0000-0000-0000-000000000000", admin, null, null, 404),
        new Case("cluster form without ids", "GET", "/api/v0/accounts/a/clusters/c/tokens", admin,
            null, null, 404),
        new Case("unknown query parameter", "GET", MANAGEMENT + "?limit=5", admin, null, null,
            400),
        new Case("negative page size", "GET", MANAGEMENT + "?pageSize=-1", admin, null, null,
            400),
        new Case("deeply nested over the limit", "POST", TOKENS, admin, json,
            "[".repeat(100_000), 413)));
    return cases;
  }

  @Test
  void everyBadRequest_answers4xxWithTheErrorObject_neverA500_andWritesNothing()
      throws Exception {
    String before = stored();
    List<String> wrong = new ArrayList<>();
    for (Case bad : cases()) {
      HttpResponse<String> answer;
      try {
        answer = send(bad.method(), bad.path(), bad.bearer(), bad.type(), bad.body());
      } catch (java.io.IOException closed) {
        // a body over the limit is answered 413 before it is read, and the connection closed;
        // a client still sending it may see the close before the answer: refused all the same
        if (bad.status() != 413) {
          wrong.add(bad.name() + ": " + closed);
        }
        continue;
      }
      String seen = bad.name() + ": " + answer.statusCode() + " "
          + answer.body().substring(0, Math.min(200, answer.body().length()));
      JsonNode error = answer.headers().firstValue("Content-Type").orElse("")
          .startsWith("application/json") ? JSON.readTree(answer.body()) : null;
      if (answer.statusCode() != bad.status() || error == null
          || error.path("code").asInt() != bad.status()
          || error.path("message").asText().isBlank()) {
        wrong.add(seen);
      }
      if (answer.statusCode() == 401 && answer.headers().firstValue("WWW-Authenticate").isEmpty()) {
        wrong.add(bad.name() + ": 401 without WWW-Authenticate");
      }
    }
    assertThat(wrong).as("answers not as expected").isEmpty();
    assertThat(stored()).as("nothing written by a refusal").isEqualTo(before);
    assertThat(server.logText()).doesNotContain(databaseToken, revokedManagementToken, admin)
        .doesNotContain("internal error");
  }

  @Test
  void garbageOnTheWire_answersItsRefusalInJson() throws Exception {
    for (String request : List.of("BLAH\r\n\r\n", "GET /api/v0/tokens HTTP/9.9\r\n\r\n",
        "GET /api/v0/tokens HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n",
        "GET /api/v0/tokens/%2F..%2F HTTP/1.1\r\nHost: x\r\n\r\n")) {
      String answer = raw(request);
      assertThat(answer).as(request.substring(0, Math.min(40, request.length())))
          .matches("(?s)HTTP/1\\.1 (4\\d\\d|505) .*").contains("application/json")
          .containsPattern("\"code\":(4\\d\\d|505)");
    }
  }

  /** Sends bytes as they are and reads one answer: its head, and the body its length says. */
  private String raw(String request) throws Exception {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (head.indexOf("\r\n\r\n") < 0) {
        int next = in.read();
        if (next < 0) {
          return head.toString();
        }
        head.append((char) next);
      }
      java.util.regex.Matcher length = java.util.regex.Pattern
          .compile("(?i)content-length:\\s*(\\d+)").matcher(head);
      int body = length.find() ? Integer.parseInt(length.group(1)) : 0;
      return head + new String(in.readNBytes(body), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void secretBearingAnswers_sayNoStore() throws Exception {
    Map<String, HttpResponse<String>> answers = Map.of(
        "create", send("POST", TOKENS, admin, "application/json", "{\"description\": \"s\"}"),
        "create management", send("POST", MANAGEMENT, admin, "application/json",
            "{\"description\": \"s\"}"));
    answers.forEach((what, answer) -> {
      assertThat(answer.statusCode()).as(what).isEqualTo(200);
      assertThat(answer.headers().firstValue("Cache-Control")).as(what).hasValue("no-store");
    });
  }
}
