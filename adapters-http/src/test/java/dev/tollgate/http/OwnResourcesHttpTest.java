package dev.tollgate.http;

import static dev.tollgate.http.HttpTollgate.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.domain.model.TokenKind;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tollgate's own resources under /api/tollgate/v1, on the real server over the in-memory domain. */
class OwnResourcesHttpTest {

  private static final String MANAGEMENT = "/api/tollgate/v1/management-tokens";
  private static final String DATABASE = "/api/tollgate/v1/database-tokens";

  private HttpTollgate http;

  @BeforeEach
  void start() throws Exception {
    http = new HttpTollgate();
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
  }

  private JsonNode createManagement(String description) throws Exception {
    HttpResponse<String> created = http.sendJson("POST", MANAGEMENT,
        "{\"description\": \"" + description + "\", \"expiresAt\": \"2027-06-01T00:00:00Z\"}");
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
    return tree(created.body());
  }

  @Test
  void managementToken_createGetRotateRevoke_andItsStringWorks() throws Exception {
    JsonNode created = createManagement("CI pipeline");
    String id = created.get("id").asText();
    String secret = created.get("accessToken").asText();
    assertThat(secret).startsWith(created.get("tokenPrefix").asText());
    assertThat(created.get("createdBy").asText()).isEqualTo("bootstrap-admin");

    HttpResponse<String> asHolder = http.send(http.anonymous("/api/tollgate/v1/whoami")
        .header("Authorization", "Bearer " + secret).GET());
    assertThat(tree(asHolder.body()).get("kind").asText()).isEqualTo("management-token");
    assertThat(tree(asHolder.body()).get("tokenId").asText()).isEqualTo(id);
    assertThat(tree(asHolder.body()).get("expiresAt").asText()).isEqualTo("2027-06-01T00:00:00Z");

    JsonNode got = tree(http.send(http.request(MANAGEMENT + "/" + id).GET()).body());
    assertThat(got.has("accessToken")).isFalse();
    assertThat(got.get("description").asText()).isEqualTo("CI pipeline");

    HttpResponse<String> rotated = http.sendJson("POST", MANAGEMENT + "/" + id + "/rotate",
        "{\"overlapSeconds\": 3600}");
    assertThat(rotated.statusCode()).isEqualTo(200);
    assertThat(rotated.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(tree(rotated.body()).get("accessToken").asText()).isNotEqualTo(secret);
    assertThat(tree(rotated.body()).get("previousValidUntil").asText())
        .isEqualTo("2026-11-28T13:00:00Z");

    assertThat(http.send(http.request(MANAGEMENT + "/" + id).DELETE()).statusCode())
        .isEqualTo(204);
    assertThat(tree(http.send(http.request(MANAGEMENT + "/" + id).GET()).body())
        .get("revokedBy").asText()).isEqualTo("bootstrap-admin");
    assertThat(http.send(http.anonymous("/api/tollgate/v1/whoami")
        .header("Authorization", "Bearer " + secret).GET()).statusCode()).isEqualTo(401);
  }

  @Test
  void managementTokens_listedAPageAtATime_followingNextPageToken() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(createManagement("token " + i).get("id").asText());
      http.tollgate.clock().advance(Duration.ofSeconds(1));
    }
    List<String> listed = new ArrayList<>();
    String next = "";
    int pages = 0;
    do {
      JsonNode page = tree(http.send(http.request(MANAGEMENT + "?pageSize=2"
          + (next.isEmpty() ? "" : "&pageToken=" + next)).GET()).body());
      page.get("managementTokens").forEach(token -> listed.add(token.get("id").asText()));
      next = page.path("nextPageToken").asText("");
      pages++;
    } while (!next.isEmpty());

    assertThat(listed).isEqualTo(ids);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void managementTokenHolder_createsManagementToken_gets403_andNothingIsWritten() throws Exception {
    String secret = createManagement("automation").get("accessToken").asText();

    HttpResponse<String> refused = http.send(http.anonymous(MANAGEMENT)
        .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
        .POST(HttpTollgate.json("{\"description\": \"another\"}")));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(tree(refused.body()).get("message").asText())
        .contains("may not create management tokens");
    assertThat(http.tollgate.repository().findByKind(TokenKind.MANAGEMENT, true,
        Optional.empty(), 10)).hasSize(1);
  }

  @Test
  void databaseTokens_listedAPageAtATime_withLastUse_andRevokedOnesOnlyWhenAsked()
      throws Exception {
    List<String> ids = new ArrayList<>();
    for (String description : List.of("ingest", "dashboard", "retired")) {
      ids.add(tree(http.sendJson("POST", "/api/v0/tokens", "{\"description\": \"" + description
          + "\", \"permissions\": [{\"action\": \"read\", \"resource\": \"metrics\"}]}")
          .body()).get("id").asText());
      http.tollgate.clock().advance(Duration.ofSeconds(1));
    }
    http.tollgate.repository().recordLastUsed(java.util.Map.of(
        dev.tollgate.domain.model.TokenId.parse("id", ids.get(0)),
        java.time.Instant.parse("2026-11-28T12:30:00Z")));
    assertThat(http.send(http.request("/api/v0/tokens/" + ids.get(2)).DELETE()).statusCode())
        .isEqualTo(204);

    JsonNode first = tree(http.send(http.request(DATABASE + "?includeRevoked=true&pageSize=2")
        .GET()).body());
    JsonNode rest = tree(http.send(http.request(DATABASE + "?includeRevoked=true&pageToken="
        + first.get("nextPageToken").asText()).GET()).body());
    JsonNode active = tree(http.send(http.request(DATABASE).GET()).body());
    HttpResponse<String> notAFlag = http.send(http.request(DATABASE + "?includeRevoked=yes")
        .GET());

    assertThat(first.get("databaseTokens").findValuesAsText("id"))
        .containsExactly(ids.get(0), ids.get(1));
    JsonNode ingest = first.get("databaseTokens").get(0);
    assertThat(ingest.get("lastUsedAt").asText()).isEqualTo("2026-11-28T12:30:00Z");
    assertThat(ingest.get("permissions").get(0).get("resource").asText()).isEqualTo("metrics");
    assertThat(ingest.get("createdBy").asText()).isEqualTo("bootstrap-admin");
    assertThat(ingest.has("accessToken")).isFalse();
    assertThat(first.get("databaseTokens").get(1).has("lastUsedAt")).isFalse();
    assertThat(rest.get("databaseTokens").findValuesAsText("revokedBy"))
        .containsExactly("bootstrap-admin");
    assertThat(rest.has("nextPageToken")).isFalse();
    assertThat(active.get("databaseTokens").findValuesAsText("id"))
        .containsExactly(ids.get(0), ids.get(1));
    assertThat(notAFlag.statusCode()).isEqualTo(400);
    assertThat(tree(notAFlag.body()).get("message").asText())
        .contains("includeRevoked", "\"yes\"", "expected true or false");
  }

  @Test
  void databaseToken_rotate_answersTheV0ShapeWithTheNewString() throws Exception {
    JsonNode created = tree(http.sendJson("POST", "/api/v0/tokens",
        "{\"description\": \"ingest\"}").body());
    String id = created.get("id").asText();

    HttpResponse<String> rotated = http.sendJson("POST",
        "/api/tollgate/v1/database-tokens/" + id + "/rotate", "{}");
    HttpResponse<String> badOverlap = http.sendJson("POST",
        "/api/tollgate/v1/database-tokens/" + id + "/rotate", "{\"overlapSeconds\": \"1h\"}");

    assertThat(rotated.statusCode()).isEqualTo(200);
    assertThat(tree(rotated.body()).get("id").asText()).isEqualTo(id);
    assertThat(tree(rotated.body()).get("accessToken").asText())
        .isNotEqualTo(created.get("accessToken").asText());
    assertThat(badOverlap.statusCode()).isEqualTo(400);
    assertThat(tree(badOverlap.body()).get("message").asText())
        .contains("overlapSeconds", "whole number of seconds");
  }

  @Test
  void events_filteredByTokenAndTime_pagedByNextPageToken() throws Exception {
    String first = createManagement("one").get("id").asText();
    http.tollgate.clock().advance(Duration.ofMinutes(1));
    createManagement("two");
    http.send(http.request(MANAGEMENT + "/" + first).DELETE());

    JsonNode ofFirst = tree(http.send(http.request("/api/tollgate/v1/events?tokenId=" + first)
        .GET()).body());
    JsonNode since = tree(http.send(http.request(
        "/api/tollgate/v1/events?since=2026-11-28T12:00:30Z&pageSize=1").GET()).body());

    assertThat(ofFirst.get("events").findValuesAsText("event"))
        .containsExactly("created", "revoked");
    assertThat(ofFirst.get("events").get(1).get("actor").asText()).isEqualTo("bootstrap-admin");
    assertThat(since.get("events")).hasSize(1);
    JsonNode rest = tree(http.send(http.request("/api/tollgate/v1/events?since="
        + "2026-11-28T12:00:30Z&pageToken=" + since.get("nextPageToken").asText()).GET()).body());
    assertThat(rest.get("events").findValuesAsText("event")).containsExactly("revoked");
    assertThat(rest.has("nextPageToken")).isFalse();
  }

  @Test
  void badQueryParameters_answer400NamingThem() throws Exception {
    HttpResponse<String> unknown = http.send(http.request(MANAGEMENT + "?page_size=2").GET());
    HttpResponse<String> twice = http.send(http.request(MANAGEMENT + "?pageSize=2&pageSize=3")
        .GET());
    HttpResponse<String> notANumber = http.send(http.request(MANAGEMENT + "?pageSize=ten").GET());
    HttpResponse<String> badCursor = http.send(http.request("/api/tollgate/v1/events?pageToken=x")
        .GET());
    HttpResponse<String> badTime = http.send(http.request("/api/tollgate/v1/events?since=today")
        .GET());
    HttpResponse<String> onV0 = http.send(http.request("/api/v0/tokens?pageSize=2").GET());

    assertThat(List.of(unknown, twice, notANumber, badCursor, badTime, onV0))
        .allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(400));
    assertThat(tree(unknown.body()).get("message").asText())
        .contains("\"page_size\" is not a query parameter", "pageSize, pageToken");
    assertThat(tree(twice.body()).get("message").asText()).contains("pageSize is given 2 times");
    assertThat(tree(notANumber.body()).get("message").asText()).contains("pageSize: \"ten\"");
    assertThat(tree(badCursor.body()).get("message").asText()).contains("pageToken: \"x\"");
    assertThat(tree(badTime.body()).get("message").asText()).contains("since: \"today\"");
    assertThat(tree(onV0.body()).get("message").asText()).contains("expected none");
  }

  @Test
  void whoAmI_bootstrapAdminAndDatabaseToken_sayWhoAndWhatTheyMayDo() throws Exception {
    JsonNode admin = tree(http.send(http.request("/api/tollgate/v1/whoami").GET()).body());
    String dataToken = tree(http.sendJson("POST", "/api/v0/tokens",
        "{\"description\": \"ingest\"}").body()).get("accessToken").asText();
    HttpResponse<String> holder = http.send(http.anonymous("/api/tollgate/v1/whoami")
        .header("Authorization", "Bearer " + dataToken).GET());

    assertThat(admin.get("kind").asText()).isEqualTo("bootstrap-admin");
    assertThat(admin.get("allowed").findValuesAsText("x")).isEmpty();
    assertThat(admin.get("allowed").toString()).contains("\"createManagementToken\"",
        "\"readTokenEvents\"");
    assertThat(holder.statusCode()).isEqualTo(200);
    assertThat(tree(holder.body()).get("kind").asText()).isEqualTo("database-token");
    assertThat(tree(holder.body()).get("allowed")).isEmpty();
  }

  @Test
  void replicaStatus_answersTheFollowersState() throws Exception {
    HttpResponse<String> answer = http.send(http.request("/api/tollgate/v1/replica").GET());

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode status = tree(answer.body());
    assertThat(status.get("loaded").asBoolean()).isTrue();
    assertThat(status.has("feedReads")).isTrue();
    assertThat(status.get("notifications").asText()).isNotEmpty();
  }
}
