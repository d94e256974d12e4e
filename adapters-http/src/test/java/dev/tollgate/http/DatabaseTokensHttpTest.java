package dev.tollgate.http;

import static dev.tollgate.http.HttpTollgate.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseTokensHttpTest {

  private HttpTollgate http;

  @BeforeEach
  void start() throws Exception {
    http = new HttpTollgate();
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
  }

  @Test
  void databaseToken_createGetPatchListDelete_answersTheV0ShapesAndStatuses() throws Exception {
    HttpResponse<String> created = http.sendJson("POST", "/api/v0/tokens", """
        {"description": "ingest", "permissions": [{"action": "write", "resource": "metrics"}],
         "expiresAt": "2027-01-01T00:00:00Z", "expirationType": "datetime"}""");
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode token = tree(created.body());
    String id = token.get("id").asText();
    String secret = token.get("accessToken").asText();
    assertThat(secret).startsWith("apiv1_");
    assertThat(token).isEqualTo(tree("""
        {"id": "%s", "description": "ingest",
         "permissions": [{"action": "write", "resource": "metrics"}],
         "createdAt": "2026-11-28T12:00:00Z", "expiresAt": "2027-01-01T00:00:00Z",
         "accessToken": "%s"}""".formatted(id, secret)));

    HttpResponse<String> got = http.send(http.request("/api/v0/tokens/" + id).GET());
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(tree(got.body())).isEqualTo(tree("""
        {"id": "%s", "description": "ingest",
         "permissions": [{"action": "write", "resource": "metrics"}],
         "createdAt": "2026-11-28T12:00:00Z", "expiresAt": "2027-01-01T00:00:00Z"}"""
        .formatted(id)));

    HttpResponse<String> patched = http.sendJson("PATCH", "/api/v0/tokens/" + id, """
        {"description": "ingest and query", "permissions": [
          {"action": "read", "resource": "*"}, {"action": "write", "resource": "metrics"}]}""");
    assertThat(patched.statusCode()).isEqualTo(200);
    String updated = """
        {"id": "%s", "description": "ingest and query",
         "permissions": [{"action": "read", "resource": "*"},
                         {"action": "write", "resource": "metrics"}],
         "createdAt": "2026-11-28T12:00:00Z", "expiresAt": "2027-01-01T00:00:00Z"%s}""";
    assertThat(tree(patched.body())).isEqualTo(tree(updated.formatted(id, "")));

    HttpResponse<String> listed = http.send(http.request("/api/v0/tokens").GET());
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(tree(listed.body())).isEqualTo(tree("[" + updated.formatted(id, "") + "]"));

    http.tollgate.clock().advance(Duration.ofMinutes(5));
    HttpResponse<String> deleted = http.send(http.request("/api/v0/tokens/" + id).DELETE());
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();

    String revoked = updated.formatted(id, ", \"revokedAt\": \"2026-11-28T12:05:00Z\"");
    assertThat(tree(http.send(http.request("/api/v0/tokens").GET()).body()))
        .isEqualTo(tree("[" + revoked + "]"));
    assertThat(tree(http.send(http.request("/api/v0/tokens/" + id).GET()).body()))
        .isEqualTo(tree(revoked));
    assertThat(http.send(http.request("/api/v0/tokens/" + id).DELETE()).statusCode())
        .isEqualTo(204);

    for (HttpResponse<String> answer : List.of(got, patched, listed, deleted)) {
      assertThat(answer.body()).doesNotContain(secret);
      assertThat(answer.headers().map().toString()).doesNotContain(secret);
    }
  }

  @Test
  void moreTokensThanAPage_list_streamsEveryOneOnce() throws Exception {
    CreateDatabaseTokenUseCase create = http.tollgate.createDatabaseToken();
    for (int i = 0; i < 2_345; i++) {
      create.create(new CreateDatabaseTokenUseCase.Command(Caller.bootstrapAdmin(),
          new Description("token " + i), Set.of(), Optional.empty()));
    }

    HttpResponse<String> listed = http.send(http.request("/api/v0/tokens").GET());

    assertThat(listed.statusCode()).isEqualTo(200);
    JsonNode tokens = tree(listed.body());
    Set<String> ids = new HashSet<>();
    tokens.forEach(token -> ids.add(token.get("id").asText()));
    assertThat(tokens).hasSize(2_345);
    assertThat(ids).hasSize(2_345);
    assertThat(listed.body()).doesNotContain("apiv1_");
  }

  @Test
  void createWithoutExpiry_create_answersNoExpiresAtAndEmptyPermissions() throws Exception {
    HttpResponse<String> created = http.sendJson("POST", "/api/v0/tokens",
        "{\"description\": \"nothing yet\", \"expirationType\": \"noExpiration\"}");

    assertThat(created.statusCode()).isEqualTo(200);
    JsonNode token = tree(created.body());
    assertThat(token.has("expiresAt")).isFalse();
    assertThat(token.get("permissions").size()).isZero();
  }

  @Test
  void unknownTokenId_getPatchDelete_answer404() throws Exception {
    String path = "/api/v0/tokens/00000000-0000-4000-8000-000000000001";

    assertThat(http.send(http.request(path).GET()).statusCode()).isEqualTo(404);
    assertThat(http.sendJson("PATCH", path, "{\"description\": \"x\"}").statusCode())
        .isEqualTo(404);
    HttpResponse<String> deleted = http.send(http.request(path).DELETE());
    assertThat(deleted.statusCode()).isEqualTo(404);
    assertThat(tree(deleted.body()).get("code").asInt()).isEqualTo(404);
    assertThat(http.send(http.request("/api/v0/tokens/not-a-uuid").GET()).statusCode())
        .isEqualTo(404);
  }
}
