package dev.tollgate.http;

import static dev.tollgate.http.HttpTollgate.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.domain.model.TokenKind;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Cloud Dedicated form of the v0 paths: this server's account and cluster, or 404. */
class ClusterPathsHttpTest {

  private static final String CLUSTER = "/api/v0/accounts/acc-1/clusters/cl-9";

  private static HttpSettings settings() {
    return HttpSettings.defaults(new InetSocketAddress("127.0.0.1", 0))
        .withCluster(new ClusterIds("acc-1", "cl-9"));
  }

  @Test
  void ownCluster_createGetListPatchDelete_carryTheIds_andShareTheTokensOfTheShortForm()
      throws Exception {
    try (HttpTollgate http = new HttpTollgate(settings())) {
      HttpResponse<String> created = http.sendJson("POST", CLUSTER + "/tokens",
          "{\"description\": \"ingest\", \"expirationType\": \"noExpiration\"}");
      assertThat(created.statusCode()).isEqualTo(200);
      JsonNode token = tree(created.body());
      assertThat(token.get("accountId").asText()).isEqualTo("acc-1");
      assertThat(token.get("clusterId").asText()).isEqualTo("cl-9");
      String id = token.get("id").asText();

      JsonNode got = tree(http.send(http.request(CLUSTER + "/tokens/" + id).GET()).body());
      JsonNode shortForm = tree(http.send(http.request("/api/v0/tokens/" + id).GET()).body());
      assertThat(got.get("clusterId").asText()).isEqualTo("cl-9");
      assertThat(shortForm.has("accountId")).isFalse();
      JsonNode withoutIds = ((ObjectNode) got.deepCopy()).without(List.of("accountId", "clusterId"));
      assertThat(withoutIds).isEqualTo(shortForm);
      assertThat(tree(http.send(http.request(CLUSTER + "/tokens").GET()).body()).get(0)
          .get("accountId").asText()).isEqualTo("acc-1");
      assertThat(http.sendJson("PATCH", CLUSTER + "/tokens/" + id, "{\"permissions\": []}")
          .statusCode()).isEqualTo(200);
      assertThat(http.send(http.request(CLUSTER + "/tokens/" + id).DELETE()).statusCode())
          .isEqualTo(204);
    }
  }

  @Test
  void anotherAccountOrCluster_answers404_beforeTheCredentialIsLookedAt_andWritesNothing()
      throws Exception {
    try (HttpTollgate http = new HttpTollgate(settings())) {
      HttpResponse<String> otherCluster = http.sendJson("POST",
          "/api/v0/accounts/acc-1/clusters/cl-8/tokens", "{\"description\": \"x\"}");
      HttpResponse<String> otherAccount = http.send(http.anonymous(
          "/api/v0/accounts/acc-2/clusters/cl-9/tokens").GET());

      assertThat(otherCluster.statusCode()).isEqualTo(404);
      assertThat(tree(otherCluster.body()).get("message").asText())
          .contains("\"cl-8\"", "\"acc-1\"", "this server is cluster cl-9 of account acc-1");
      assertThat(otherAccount.statusCode()).isEqualTo(404);
      assertThat(http.tollgate.repository().findByKind(TokenKind.DATABASE, true,
          Optional.empty(), 10)).isEmpty();
    }
  }

  @Test
  void serverWithoutIds_clusterForm_answers404NamingTheOptions() throws Exception {
    try (HttpTollgate http = new HttpTollgate()) {
      HttpResponse<String> answer = http.send(http.request(CLUSTER + "/tokens").GET());

      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(tree(answer.body()).get("message").asText())
          .contains("--account-id", "--cluster-id", "/api/v0/tokens");
    }
  }
}
