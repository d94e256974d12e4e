package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.app.TollgateJar.Result;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes a new user makes, through the real jar: each gets a message that says what to do. */
class CliMessagesIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  private Result tollgate(Map<String, String> env, String... args) {
    return TollgateJar.cli(work, env, args);
  }

  @Test
  void secondServerOnTheSameDataDirectory_saysAnotherServerUsesIt() throws Exception {
    Path data = work.resolve("data");
    try (TollgateJar.Server first = new TollgateJar.Server(data, work.resolve("a.log")).start()) {
      Result second = tollgate(Map.of(), "serve", "--listen", "127.0.0.1:0", "--http-listen",
          "127.0.0.1:0", "--data-dir", data.toString());

      assertThat(second.exitCode()).isEqualTo(1);
      assertThat(second.stderr().lines().filter(line -> line.startsWith("Error:")))
          .singleElement().asString()
          .matches("Error: another Tollgate server \\(pid \\d+\\) is using the data directory "
              + java.util.regex.Pattern.quote(data.toString())
              + "; stop it first, or give this server its own --data-dir");
      assertThat(data.resolve("tollgate.trace.db")).doesNotExist();
    }
  }

  @Test
  void busyPort_isFoundBeforeTheDataDirectoryIsMade() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Result result = tollgate(Map.of(), "serve", "--listen", "127.0.0.1:" + busy.getLocalPort(),
          "--http-listen", "127.0.0.1:0", "--data-dir", work.resolve("data").toString());

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.stderr()).contains("Error: cannot listen on 127.0.0.1:"
          + busy.getLocalPort() + ": the port is in use (another Tollgate server?); stop what uses"
          + " it, or choose another --listen");
      assertThat(work.resolve("data")).doesNotExist();
    }
  }

  @Test
  void plaintextServer_tlsProfile_andTheWaysOfAMistakenCommand() throws Exception {
    try (TollgateJar.Server server = new TollgateJar.Server(work.resolve("data"),
        work.resolve("server.log"), "--max-management-token-lifetime", "90d", "--log-format",
        "json").start()) {
      String plain = server.profile("default", work.resolve("data/admin-token.json"));
      TollgateJar.writeConfig(work.resolve("config.toml"), plain
          + plain.replace("name = \"default\"", "name = \"tls\"")
              .replace("disable = true", "insecure = true"));
      Map<String, String> env = Map.of("TOLLGATE_CONFIG", work.resolve("config.toml").toString());

      Result tls = tollgate(env, "--profile", "tls", "token", "list");
      assertThat(tls.exitCode()).isEqualTo(1);
      assertThat(tls.stderr().lines()).singleElement().asString()
          .isEqualTo("Error: cannot talk to Tollgate at 127.0.0.1:" + server.port() + ": the"
              + " server speaks plaintext; set [profile.tls] disable = true (on a loopback"
              + " address only), or start the server with TLS in profile \"tls\" of "
              + work.resolve("config.toml"));

      Result created = tollgate(env, "token", "create", "--read-database", "db1", "--format",
          "json", "to revoke");
      String id = JSON.readTree(created.stdout()).path("id").asText();
      assertThat(tollgate(env, "token", "revoke", "--force", id).exitCode()).isZero();
      Result revokedGet = tollgate(env, "token", "get", id);
      assertThat(revokedGet.exitCode()).isEqualTo(1);
      assertThat(revokedGet.stderr().strip()).startsWith("Error: database token " + id
          + " was revoked at ").endsWith("; add --include-revoked to show it");

      Result forever = tollgate(env, "management", "create", "--description", "m");
      assertThat(forever.exitCode()).isEqualTo(1);
      assertThat(forever.stderr().strip()).matches("Error: --expires-at is required: management"
          + " tokens live at most 90d on this cluster; the latest expiry allowed now is"
          + " \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
      Result management = tollgate(env, "management", "create", "--description", "m",
          "--expires-at", java.time.Instant.now().plus(java.time.Duration.ofDays(30))
              .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), "--format", "json");
      String managementId = JSON.readTree(management.stdout()).path("id").asText();
      Result wrongKind = tollgate(env, "token", "revoke", "--force", managementId);
      assertThat(wrongKind.exitCode()).isEqualTo(1);
      assertThat(wrongKind.stderr().strip()).isEqualTo("Error: no database token with id "
          + managementId + ": it is a management token's id; revoke it with"
          + " `tollgate management revoke`");

      // expiry hygiene: a management token that expires in three days
      Result soon = tollgate(env, "management", "create", "--description", "soon", "--expires-at",
          java.time.Instant.now().plus(java.time.Duration.ofHours(80))
              .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), "--format", "json");
      com.fasterxml.jackson.databind.JsonNode soonToken = JSON.readTree(soon.stdout());
      Result expiring = tollgate(env, "management", "list", "--expiring-within", "7d");
      assertThat(expiring.stdout()).contains(soonToken.path("id").asText())
          .contains("expires in 3d 7h").doesNotContain(managementId);
      Result usingIt = tollgate(Map.of("TOLLGATE_CONFIG", work.resolve("config.toml").toString(),
          "TOLLGATE_MGMT_TOKEN", soonToken.path("token").asText()), "token", "list");
      assertThat(usingIt.exitCode()).as(usingIt.stderr()).isZero();
      assertThat(usingIt.stderr()).startsWith("warn\tthe management token this command presents"
          + " (TOLLGATE_MGMT_TOKEN) expires at ").contains(", in 3d 7h; create another");
      assertThat(tollgate(env, "token", "list").stderr()).doesNotContain("warn");
      assertThat(tollgate(env, "token", "list", "--expiring-within", "1d", "--format", "json")
          .stdout().strip()).isEqualTo("[]");

      Result timeout = tollgate(Map.of("TOLLGATE_CONFIG", work.resolve("config.toml").toString(),
          "TOLLGATE_TIMEOUT", "30"), "token", "list");
      assertThat(timeout.stderr().strip())
          .isEqualTo("Error: TOLLGATE_TIMEOUT=\"30\" is not a duration; give it a unit: 30ms,"
              + " 30s, 30m, 30h or 30d");

      Result emptyJson = tollgate(env, "token", "list", "--format", "json");
      assertThat(emptyJson.stdout()).doesNotContain("[ ]").doesNotContain("{ }");

      // --log-format json: every line an object, one per management call, no token string
      List<com.fasterxml.jackson.databind.JsonNode> logLines = new java.util.ArrayList<>();
      for (String line : server.logText().lines().toList()) {
        logLines.add(JSON.readTree(line));
      }
      assertThat(logLines).anySatisfy(line -> {
        assertThat(line.path("logger").asText()).isEqualTo("CallLog");
        assertThat(line.path("rpc").asText())
            .isEqualTo("tollgate.management.v1.DatabaseTokenService/ListDatabaseTokens");
        assertThat(line.path("status").asText()).isEqualTo("OK");
        assertThat(line.path("caller").asText()).isEqualTo("bootstrap-admin");
        assertThat(line.path("duration_ms").isInt()).isTrue();
      });
      assertThat(logLines).anySatisfy(line -> assertThat(line.path("status").asText())
          .isEqualTo("INVALID_ARGUMENT"));
      TollgateJar.assertNoTokenString(server.logText(), soonToken.path("token").asText(),
          "the server log");
    }
  }

  @Test
  void debug_showsTollgatesLinesAndTheUnderlyingTraceWithoutLibraryNoise() throws Exception {
    int closed = TollgateJar.freePort();
    TollgateJar.writeConfig(work.resolve("config.toml"), "[[profile]]\nname = \"default\"\n"
        + "host = \"127.0.0.1\"\nport = \"" + closed + "\"\nmgmt_token = \"M.V1.x\"\n"
        + "[profile.tls]\ndisable = true\n");

    Result result = tollgate(Map.of("TOLLGATE_CONFIG", work.resolve("config.toml").toString()),
        "--debug", "token", "list");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("DEBUG ClientCommand - profile \"default\" of "
            + work.resolve("config.toml") + ": 127.0.0.1:" + closed)
        .contains("Error: cannot reach Tollgate at 127.0.0.1:" + closed)
        .contains("Caused by: io.grpc.StatusRuntimeException: UNAVAILABLE");
    // only Tollgate's own debug lines: none of Netty's probing or gRPC's provider loading
    assertThat(result.stderr().lines().filter(line -> line.contains(" DEBUG ")))
        .isNotEmpty().allMatch(line -> line.contains(" DEBUG ClientCommand - "));
  }
}
