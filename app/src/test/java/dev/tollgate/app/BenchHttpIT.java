package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tollgate bench --http} as a process against the real server with its HTTP door: every
 * HTTP scenario runs beside its gRPC twin, no call fails, and every token made is revoked.
 */
class BenchHttpIT {

  @TempDir
  Path work;

  @Test
  void benchWithHttp_measuresEachHttpScenarioAndItsGrpcTwin_thenRevokesWhatItCreated()
      throws Exception {
    try (TollgateJar.Server server = new TollgateJar.Server(work.resolve("data"),
        work.resolve("server.log")).start()) {
      Path config = TollgateJar.writeConfig(work.resolve("config.toml"),
          server.profile("default", work.resolve("data/admin-token.json")));
      Map<String, String> env = Map.of("TOLLGATE_CONFIG", config.toString());

      TollgateJar.Result bench = TollgateJar.cli(work, env, "bench", "--http", server.httpAddress(),
          "--duration", "300ms", "--rounds", "1", "--warmup", "100ms", "--concurrency", "8",
          "--connections", "2", "--unknown-tokens", "10");

      assertThat(bench.exitCode()).as(bench.stderr()).isZero();
      assertThat(bench.stdout()).contains("| create-database-token ", "| http-create-token ",
          "| get-database-token ", "| http-get-token ", "| list-database-tokens ",
          "| http-list-tokens ", "HTTP scenarios at " + server.httpAddress(),
          "http-create-token ÷ create-database-token: ", "http-get-token ÷ get-database-token: ");
      assertThat(bench.stdout().lines().filter(line -> line.startsWith("| ")).skip(1))
          .as("no call failed or got a wrong answer").allSatisfy(row -> assertThat(
              row.substring(row.lastIndexOf('|', row.length() - 2) + 1, row.length() - 1).trim())
              .isEqualTo("0"));
      TollgateJar.Result list = TollgateJar.cli(work, env, "token", "list", "--include-revoked",
          "--format", "json");
      assertThat(list.exitCode()).as(list.stderr()).isZero();
      List<JsonNode> made = new ArrayList<>();
      new ObjectMapper().readTree(list.stdout()).forEach(made::add);
      assertThat(made).extracting(token -> token.path("description").asText())
          .contains("tollgate bench: valid token", "tollgate bench: created",
              "tollgate bench: created over HTTP");
      assertThat(made).allSatisfy(token -> assertThat(token.has("revoked_at"))
          .as("revoked: %s", token.path("description").asText()).isTrue());
    }
  }
}
