package dev.tollgate.http;

import static dev.tollgate.http.HttpTollgate.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.ListDatabaseTokensUseCase;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpRefusalsTest {

  private static final String CREATE = "{\"description\": \"ingest\"}";

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
  void noCredential_anyEndpoint_answers401WithBearerChallenge() throws Exception {
    HttpResponse<String> answer = http.send(http.anonymous("/api/v0/tokens")
        .header("Content-Type", "application/json").POST(HttpTollgate.json(CREATE)));

    assertRefused(answer, 401, "no credential was presented");
    assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(tokensStored()).isZero();
  }

  @Test
  void unknownOrMalformedCredential_list_answers401() throws Exception {
    HttpResponse<String> unknown = http.send(http.anonymous("/api/v0/tokens")
        .header("Authorization", "Bearer apiv1_notatoken").GET());
    HttpResponse<String> basic = http.send(http.anonymous("/api/v0/tokens")
        .header("Authorization", "Basic dXNlcjpwYXNz").GET());

    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(unknown.body()).doesNotContain("apiv1_notatoken");
    assertRefused(basic, 401, "Bearer");
  }

  @Test
  void databaseTokenCredential_listAndCreate_answer403() throws Exception {
    String dataToken = http.tollgate.createDatabaseToken().create(
        new CreateDatabaseTokenUseCase.Command(Caller.bootstrapAdmin(), new Description("data"),
            Set.of(Permission.read("*")), Optional.empty())).secret().value();

    HttpResponse<String> listed = http.send(http.anonymous("/api/v0/tokens")
        .header("Authorization", "Bearer " + dataToken).GET());
    HttpResponse<String> created = http.send(http.anonymous("/api/v0/tokens")
        .header("Authorization", "Bearer " + dataToken)
        .header("Content-Type", "application/json").POST(HttpTollgate.json(CREATE)));

    assertRefused(listed, 403, "may not list or read database tokens");
    assertRefused(created, 403, "may not create, update or revoke database tokens");
    assertThat(tokensStored()).isEqualTo(1);
  }

  @Test
  void misspelledExpiry_create_answers400NamingTheFieldAndCreatesNothing() throws Exception {
    HttpResponse<String> answer = http.sendJson("POST", "/api/v0/tokens",
        "{\"description\": \"ingest\", \"expires_at\": \"2027-01-01T00:00:00Z\"}");

    assertRefused(answer, 400, "\"expires_at\" is not a field");
    assertThat(tokensStored()).isZero();
  }

  @Test
  void badBodies_create_answer400AndCreateNothing() throws Exception {
    assertRefused(http.sendJson("POST", "/api/v0/tokens", "{\"description\": "), 400,
        "not valid JSON");
    assertRefused(http.sendJson("POST", "/api/v0/tokens", "[]"), 400, "expected a JSON object");
    assertRefused(http.sendJson("POST", "/api/v0/tokens", "{}"), 400, "description");
    assertRefused(http.sendJson("POST", "/api/v0/tokens", "{\"description\": 7}"), 400,
        "description: expected a string, got a number");
    assertRefused(http.sendJson("POST", "/api/v0/tokens",
        "{\"description\": \"x\", \"permissions\": [{\"action\": \"delete\", \"resource\": \"db\"}]}"),
        400, "permissions[0].action");
    assertRefused(http.sendJson("POST", "/api/v0/tokens",
        "{\"description\": \"x\", \"expirationType\": \"datetime\"}"), 400, "expiresAt");
    assertRefused(http.sendJson("POST", "/api/v0/tokens",
        "{\"description\": \"x\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}"), 400, "expiresAt");
    assertRefused(http.sendJson("POST", "/api/v0/tokens",
        "{\"description\": \"x\"} {}"), 400, "not valid JSON");
    assertRefused(http.sendJson("POST", "/api/v0/tokens",
        "{\"description\": " + "[".repeat(40) + "]".repeat(40) + "}"), 400, "not valid JSON");
    assertThat(tokensStored()).isZero();
  }

  @Test
  void expiryInPatch_update_answers400NamingIt() throws Exception {
    String id = tree(http.sendJson("POST", "/api/v0/tokens", CREATE).body()).get("id").asText();

    assertRefused(http.sendJson("PATCH", "/api/v0/tokens/" + id,
        "{\"expiresAt\": \"2027-01-01T00:00:00Z\"}"), 400, "\"expiresAt\" is not a field");
    assertRefused(http.sendJson("PATCH", "/api/v0/tokens/" + id, "{}"), 400, "nothing to update");
  }

  @Test
  void unknownPathWrongMethodAndNonJson_answer404405And415() throws Exception {
    assertRefused(http.send(http.request("/api/v0/tokenz").GET()), 404, "nothing is served");
    assertRefused(http.send(http.anonymous("/nowhere").GET()), 404, "nothing is served");

    HttpResponse<String> put = http.sendJson("PUT", "/api/v0/tokens", CREATE);
    assertRefused(put, 405, "PUT");
    assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST");

    HttpResponse<String> text = http.send(http.request("/api/v0/tokens")
        .header("Content-Type", "text/plain").POST(HttpTollgate.json(CREATE)));
    assertRefused(text, 415, "must be JSON");
    assertThat(tokensStored()).isZero();
  }

  @Test
  void bodyOverTheLimit_create_answers413() throws Exception {
    String huge = "{\"description\": \"" + "x".repeat(HttpApi.DEFAULT_MAX_BODY_BYTES) + "\"}";

    assertRefused(http.sendJson("POST", "/api/v0/tokens", huge), 413, "larger than");
    assertThat(tokensStored()).isZero();
  }

  @Test
  void refusedCaller_postWithMalformedBody_isRefusedBeforeTheBodyIsRead() throws Exception {
    String dataToken = http.tollgate.createDatabaseToken().create(
        new CreateDatabaseTokenUseCase.Command(Caller.bootstrapAdmin(), new Description("data"),
            Set.of(), Optional.empty())).secret().value();

    assertRefused(http.send(http.anonymous("/api/v0/tokens")
        .header("Authorization", "Bearer " + dataToken)
        .header("Content-Type", "text/plain").POST(HttpTollgate.json("{not json"))), 403,
        "may not");
    assertRefused(http.send(http.anonymous("/api/v0/tokens")
        .header("Content-Type", "text/plain").POST(HttpTollgate.json("{not json"))), 401,
        "no credential");
  }

  @Test
  void revokedToken_patch_answers409AndKeepsIt() throws Exception {
    String id = tree(http.sendJson("POST", "/api/v0/tokens", CREATE).body()).get("id").asText();
    assertThat(http.send(http.request("/api/v0/tokens/" + id).DELETE()).statusCode())
        .isEqualTo(204);

    assertRefused(http.sendJson("PATCH", "/api/v0/tokens/" + id, "{\"description\": \"again\"}"),
        409, "revoked");
    assertThat(tree(http.send(http.request("/api/v0/tokens/" + id).GET()).body())
        .get("description").asText()).isEqualTo("ingest");
  }

  @Test
  void expiredManagementToken_fromItsExpiry_answers401_andBeforeItSaysWhenInAHeader()
      throws Exception {
    String secret = tree(http.sendJson("POST", "/api/tollgate/v1/management-tokens",
        "{\"description\": \"short\", \"expiresAt\": \"2026-11-28T13:00:00Z\"}").body())
        .get("accessToken").asText();

    HttpResponse<String> before = http.send(http.anonymous("/api/v0/tokens")
        .header("Authorization", "Bearer " + secret).GET());
    http.tollgate.clock().advance(java.time.Duration.ofHours(1));
    HttpResponse<String> after = http.send(http.anonymous("/api/v0/tokens")
        .header("Authorization", "Bearer " + secret).GET());

    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(before.headers().firstValue("tollgate-credential-expires-at"))
        .hasValue("2026-11-28T13:00:00Z");
    assertRefused(after, 401, "expired at");
    assertThat(after.body()).doesNotContain(secret);
  }

  @Test
  void headersTooLarge_anyPath_answersJettysRefusalAsJson() throws Exception {
    HttpResponse<String> answer = http.send(http.request("/api/v0/tokens")
        .header("X-Padding", "x".repeat(20_000)).GET());

    assertThat(answer.statusCode()).isEqualTo(431);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(tree(answer.body()).get("code").asInt()).isEqualTo(431);
  }

  private static void assertRefused(HttpResponse<String> answer, int status, String says)
      throws Exception {
    assertThat(answer.statusCode()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode error = tree(answer.body());
    assertThat(error.get("code").asInt()).isEqualTo(status);
    assertThat(error.get("message").asText()).contains(says);
    assertThat(error.size()).isEqualTo(2);
  }

  private int tokensStored() {
    return http.tollgate.listDatabaseTokens()
        .list(new ListDatabaseTokensUseCase.Query(Caller.bootstrapAdmin(), true)).tokens().size();
  }

}
