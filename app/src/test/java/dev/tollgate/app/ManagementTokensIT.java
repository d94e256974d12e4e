package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.app.TollgateJar.Result;
import dev.tollgate.files.TokenFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Management tokens through the real jar: a server process and the real command line. */
class ManagementTokensIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  private TollgateJar.Server server;
  private final List<String> secrets = new ArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = new TollgateJar.Server(work.resolve("data"), work.resolve("server.log")).start();
    TollgateJar.writeConfig(work.resolve("config.toml"),
        server.profile("default", work.resolve("data/admin-token.json")));
    secrets.add(TokenFile.read(work.resolve("data/admin-token.json")));
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  private Result tollgate(String... args) {
    return TollgateJar.cli(work, Map.of("TOLLGATE_CONFIG", work.resolve("config.toml").toString()), args);
  }

  private Result tollgateWithToken(String token, String... args) {
    return TollgateJar.cli(work, Map.of("TOLLGATE_CONFIG", work.resolve("config.toml").toString(),
        "TOLLGATE_MGMT_TOKEN", token), args);
  }

  private String create(String description) {
    Result created = tollgate("management", "create", "--description", description);
    assertThat(created.exitCode()).as(created.stderr()).isZero();
    secrets.add(created.lastStdoutLine());
    return created.lastStdoutLine();
  }

  private JsonNode listJson() throws IOException {
    Result listed = tollgate("management", "list", "--format", "json");
    assertThat(listed.exitCode()).as(listed.stderr()).isZero();
    return JSON.readTree(listed.stdout());
  }

  @Test
  void bootstrapAdmin_createListRevoke_revokedTokenIsRefused() throws Exception {
    Result created = tollgate("management", "create", "--description", "CI pipeline",
        "--expires-at", "2030-01-01T00:00:00Z");
    assertThat(created.exitCode()).as(created.stderr()).isZero();
    String token = created.lastStdoutLine();
    secrets.add(token);
    assertThat(token).matches("M\\.V1\\.[A-Za-z0-9_-]{86}");
    assertThat(created.stdout()).contains("|          id | ").contains("| description | CI pipeline")
        .contains("|  expires at | 2030-01-01T00:00:00Z").contains("|  revoked at |");
    assertThat(created.stderr().lines()).containsExactly(
        "warn\tplease copy the token and store in a safe place",
        "warn\tthis is the *only time* you will see the token");

    Result listed = tollgateWithToken(token, "management", "list", "--format", "json");
    assertThat(listed.exitCode()).as(listed.stderr()).isZero();
    JsonNode tokens = JSON.readTree(listed.stdout());
    assertThat(tokens).hasSize(1);
    JsonNode listedToken = tokens.get(0);
    String id = listedToken.get("id").asText();
    assertThat(created.stdout()).contains(id);
    assertThat(listedToken.get("description").asText()).isEqualTo("CI pipeline");
    assertThat(listedToken.get("token_prefix").asText()).isEqualTo(token.substring(0, 9));
    assertThat(listedToken.get("expires_at").get("seconds").asLong()).isEqualTo(1893456000L);
    assertThat(listedToken.get("created_at").get("seconds").asLong()).isPositive();
    assertThat(listedToken.get("created_by").asText()).isEqualTo("bootstrap-admin");
    assertThat(listedToken.has("revoked_at")).isFalse();

    Result revoked = tollgate("management", "revoke", "--force", id);
    assertThat(revoked.exitCode()).as(revoked.stderr()).isZero();
    assertThat(revoked.stdout()).contains("revoked management token " + id);

    Result refused = tollgateWithToken(token, "management", "list");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.stderr()).startsWith("Error: ").contains("refused the credential")
        .contains("was revoked");

    Result table = tollgate("management", "list");
    assertThat(table.stdout()).contains("| ID ").contains("| DESCRIPTION ").contains("| PREFIX ")
        .contains("| CREATED AT ").contains("| EXPIRES AT ").contains("| REVOKED AT ")
        .contains(id).contains(token.substring(0, 9));
    assertThat(listJson().get(0).get("revoked_by").asText()).isEqualTo("bootstrap-admin");
  }

  @Test
  void managementToken_createManagementToken_isRefusedAndNothingIsWritten() throws Exception {
    String token = create("automation");

    Result refused = tollgateWithToken(token, "management", "create", "--description", "sneaky");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.stderr().strip()).startsWith("Error: management token ")
        .endsWith("may not create management tokens; only an Admin user or the bootstrap admin may");
    assertThat(refused.stdout()).isEmpty();
    assertThat(listJson()).hasSize(1);
  }

  @Test
  void badInputs_eachGetOneErrorLineAndWriteNothing() throws Exception {
    Result past = tollgate("management", "create", "--expires-at", "2020-01-01T00:00:00Z");
    Result garbage = tollgate("management", "create", "--expires-at", "next tuesday");
    Result tooLong = tollgate("management", "create", "--description", "x".repeat(1025));
    Result badId = tollgate("management", "revoke", "--force", "not-an-id");
    Result unknownId = tollgate("management", "revoke", "--force",
        "4f5e1a2b-0c3d-4e5f-8a9b-0c1d2e3f4a5b");
    Result unconfirmed = tollgate("management", "revoke", "4f5e1a2b-0c3d-4e5f-8a9b-0c1d2e3f4a5b");
    Result badFormat = tollgate("management", "list", "--format", "yaml");

    assertThat(past.stderr().strip())
        .startsWith("Error: --expires-at 2020-01-01T00:00:00Z is in the past");
    assertThat(garbage.stderr().strip()).isEqualTo("Error: --expires-at \"next tuesday\" is not an"
        + " RFC 3339 time; expected e.g. 2030-01-01T00:00:00Z or 2030-01-01T02:00:00+02:00");
    assertThat(tooLong.stderr().strip()).startsWith("Error: --description \"xxx")
        .endsWith("is 1025 characters long; expected at most 1024");
    assertThat(badId.stderr().strip()).contains("\"not-an-id\" is not a token id");
    assertThat(unknownId.stderr().strip())
        .isEqualTo("Error: no management token with id 4f5e1a2b-0c3d-4e5f-8a9b-0c1d2e3f4a5b");
    assertThat(unconfirmed.stderr()).contains("pass --force");
    assertThat(badFormat.stderr().strip()).startsWith("Error: ").contains("yaml");
    for (Result result : List.of(past, garbage, tooLong, badId, unknownId, unconfirmed, badFormat)) {
      assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
      assertThat(result.stderr().lines().filter(l -> l.startsWith("Error:"))).hasSize(1);
    }
    assertThat(listJson()).isEmpty();
    assertThat(tollgate("management", "list", "--format", "json").stdout().strip()).isEqualTo("[]");
  }

  @Test
  void severalIds_revoke_goesOnPastAnUnknownIdAndExitsNonZero() throws Exception {
    create("a");
    create("b");
    JsonNode tokens = listJson();
    String unknown = "4f5e1a2b-0c3d-4e5f-8a9b-0c1d2e3f4a5b";

    Result result = tollgate("management", "revoke", "--force", tokens.get(0).get("id").asText(),
        unknown, tokens.get(1).get("id").asText());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stdout().lines()).hasSize(2).allMatch(l -> l.startsWith("revoked management token"));
    assertThat(result.stderr().strip()).isEqualTo("Error: no management token with id " + unknown);
    assertThat(listJson()).allMatch(token -> token.has("revoked_at"));
  }

  @Test
  void acknowledgedCreateAndRevoke_surviveKillMinus9() throws Exception {
    String token = create("durable");
    server.kill();
    server.start();
    JsonNode afterCreate = listJson();
    assertThat(afterCreate).hasSize(1);
    String id = afterCreate.get(0).get("id").asText();

    assertThat(tollgate("management", "revoke", "--force", id).exitCode()).isZero();
    server.kill();
    server.start();

    assertThat(listJson().get(0).has("revoked_at")).isTrue();
    assertThat(tollgateWithToken(token, "management", "list").exitCode()).isEqualTo(1);
  }

  @Test
  void sigterm_stopsGracefullyAndTheBootstrapTokenIsReusedOnRestart() throws Exception {
    String before = TokenFile.read(work.resolve("data/admin-token.json"));

    server.terminate();
    server.start();

    assertThat(server.logText()).contains("stopping: finishing calls in flight").contains("stopped")
        .contains("bootstrap admin token written to " + work.resolve("data/admin-token.json"))
        .contains("bootstrap admin token in " + work.resolve("data/admin-token.json"));
    assertThat(TokenFile.read(work.resolve("data/admin-token.json"))).isEqualTo(before);
    assertThat(Files.getPosixFilePermissions(work.resolve("data/admin-token.json")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(listJson()).isEmpty();
  }

  @Test
  void tokenStrings_neverReachTheLogOrTheDatabaseFiles() throws Exception {
    create("one");
    String second = create("two");
    tollgateWithToken(second, "management", "create");
    Result database = tollgateWithToken(second, "token", "create", "--read-database", "db1", "db");
    assertThat(database.exitCode()).as(database.stderr()).isZero();
    secrets.add(database.lastStdoutLine());
    tollgate("management", "revoke", "--force", second);
    server.terminate();

    String log = server.logText();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(work.resolve("data"))) {
      files = walk.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().equals("admin-token.json")).toList();
    }
    assertThat(files).isNotEmpty();
    assertThat(secrets).hasSize(4);
    for (String secret : secrets) {
      TollgateJar.assertNoTokenString(log, secret, "the server log");
      for (Path file : files) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        TollgateJar.assertNoTokenString(bytes, secret, file.toString());
      }
    }
  }

  @Test
  void authWhoami_namesTheBootstrapAdminAndAManagementTokenWithItsExpiry() throws Exception {
    String token = tollgate("management", "create", "--description", "ci", "--expires-at",
        "2030-01-01T00:00:00Z").lastStdoutLine();

    Result admin = tollgate("auth", "whoami");
    Result holder = tollgateWithToken(token, "auth", "whoami", "--format", "json");

    assertThat(admin.exitCode()).as(admin.stderr()).isZero();
    assertThat(admin.stdout()).contains("| bootstrap-admin").contains("| never");
    assertThat(holder.exitCode()).as(holder.stderr()).isZero();
    assertThat(holder.stdout()).contains("\"kind\": \"management-token\"")
        .contains("\"seconds\": 1893456000");
    TollgateJar.assertNoTokenString(holder.stdout(), token, "whoami's answer");
  }
}
