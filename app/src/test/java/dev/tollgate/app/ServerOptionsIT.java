package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import dev.tollgate.app.TollgateJar.Result;
import dev.tollgate.files.TokenFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS and OAuth options of {@code tollgate serve}, through the real jar and command line. */
class ServerOptionsIT {

  @TempDir
  Path work;

  private Result tollgate(Map<String, String> env, String... args) {
    return TollgateJar.cli(work, env, args);
  }

  @Test
  void selfSignedTls_clientTrustingTheCertificate_talksAndPlaintextCannot() throws Exception {
    try (TollgateJar.Server server = new TollgateJar.Server(work.resolve("data"),
        work.resolve("server.log"), "--tls-self-signed").start()) {
      Path certificate = work.resolve("data/tls/self-signed.crt");
      String base = server.profile("plain", work.resolve("data/admin-token.json"));
      TollgateJar.writeConfig(work.resolve("config.toml"), base
          + base.replace("name = \"plain\"", "name = \"pinned\"")
              .replace("disable = true", "ca = \"" + certificate + "\"")
          + base.replace("name = \"plain\"", "name = \"insecure\"")
              .replace("disable = true", "insecure = true")
          + base.replace("name = \"plain\"", "name = \"untrusting\"")
              .replace("disable = true", "disable = false"));
      Map<String, String> env = Map.of("TOLLGATE_CONFIG", work.resolve("config.toml").toString());

      Result pinned = tollgate(env, "--profile", "pinned", "management", "list");
      Result insecure = tollgate(env, "management", "list", "--profile", "insecure");
      Result plaintext = tollgate(env, "--profile", "plain", "management", "list");

      assertThat(pinned.exitCode()).as(pinned.stderr()).isZero();
      assertThat(insecure.exitCode()).as(insecure.stderr()).isZero();
      Result untrusting = tollgate(env, "--profile", "untrusting", "management", "list");
      assertThat(plaintext.exitCode()).isEqualTo(1);
      assertThat(plaintext.stderr().lines()).singleElement().asString()
          .isEqualTo("Error: cannot talk to Tollgate at 127.0.0.1:" + server.port() + ": the server"
              + " speaks TLS; set [profile.tls] ca = FILE (for a self-signed server: its"
              + " DATA-DIR/tls/self-signed.crt) or insecure = true, and disable = false in profile"
              + " \"plain\" of " + work.resolve("config.toml"));
      assertThat(untrusting.exitCode()).isEqualTo(1);
      assertThat(untrusting.stderr().lines()).singleElement().asString()
          .startsWith("Error: cannot talk to Tollgate at 127.0.0.1:" + server.port() + ": the"
              + " server's certificate is not trusted; set [profile.tls] ca = FILE")
          .endsWith("in profile \"untrusting\" of " + work.resolve("config.toml"));
      assertThat(server.logText()).contains("TLS with the self-signed certificate " + certificate);
      assertThat(Files.readString(work.resolve("data/tls/self-signed.key")))
          .startsWith("-----BEGIN PRIVATE KEY-----");
    }
  }

  @Test
  void oauth_adminCreatesAuditorListsButCannotCreate_andNoBootstrapTokenIsMade() throws Exception {
    TestIdentityProvider idp = new TestIdentityProvider(work, """
        [
          {"id": "alice", "firstName": "Alice", "lastName": "Admin", "email": "alice@example.test"},
          {"id": "carol", "firstName": "Carol", "lastName": "Audit", "email": "carol@example.test",
           "userGroups": ["Auditor"]}
        ]
        """);
    RSAKey key = idp.key;
    try (TollgateJar.Server server = new TollgateJar.Server(work.resolve("data"),
        work.resolve("server.log"), idp.serveOptions().toArray(String[]::new)).start()) {
      TollgateJar.writeConfig(work.resolve("config.toml"), server.profile("default", work.resolve("none"))
          .replace("[profile.auth.token]\ntoken_file = \"" + work.resolve("none") + "\"\n", ""));
      String config = work.resolve("config.toml").toString();

      Result adminCreates = tollgate(Map.of("TOLLGATE_CONFIG", config, "TOLLGATE_MGMT_TOKEN",
          TestIdentityProvider.jwt(key, "alice")), "management", "create", "--description", "by alice", "--format", "json");
      Result auditorLists = tollgate(Map.of("TOLLGATE_CONFIG", config, "TOLLGATE_MGMT_TOKEN",
          TestIdentityProvider.jwt(key, "carol")), "management", "list", "--format", "json");
      Result auditorCreates = tollgate(Map.of("TOLLGATE_CONFIG", config, "TOLLGATE_MGMT_TOKEN",
          TestIdentityProvider.jwt(key, "carol")), "management", "create");

      assertThat(adminCreates.exitCode()).as(adminCreates.stderr()).isZero();
      assertThat(adminCreates.stdout()).contains("\"created_by\": \"user:alice\"");
      assertThat(auditorLists.exitCode()).as(auditorLists.stderr()).isZero();
      assertThat(auditorLists.stdout()).contains("by alice");
      assertThat(auditorCreates.exitCode()).isEqualTo(1);
      assertThat(auditorCreates.stderr()).contains("user carol (Auditor) may not create management tokens");
      assertThat(work.resolve("data/admin-token.json")).doesNotExist();
      assertThat(server.logText()).contains("no bootstrap admin token: an OAuth identity provider is configured");

      Result forging = tollgate(Map.of("TOLLGATE_CONFIG", config, "TOLLGATE_MGMT_TOKEN",
          TestIdentityProvider.jwt(key, "alice", "JWT\n2026-01-01T00:00:00.000Z INFO ServeCommand - forged")),
          "management", "list");
      assertThat(forging.exitCode()).isEqualTo(1);
      assertThat(server.logText()).contains("forged")
          .doesNotContain("\n2026-01-01T00:00:00.000Z INFO ServeCommand - forged");
    }
  }

  @Test
  void badServeOptions_oneErrorLineAndExitCode1() {
    Result listen = tollgate(Map.of(), "serve", "--listen", "nowhere", "--data-dir", work.resolve("d").toString());
    Result oauth = tollgate(Map.of(), "serve", "--oauth-issuer", "https://x", "--data-dir",
        work.resolve("d").toString());
    Result tls = tollgate(Map.of(), "serve", "--tls-cert", "/nonexistent.pem", "--data-dir",
        work.resolve("d").toString());

    Result fromEnvironment = tollgate(Map.of("TOLLGATE_LISTEN", "also-nowhere", "TOLLGATE_DATA_DIR",
        work.resolve("e").toString()), "serve");
    Result intervalFromEnvironment = tollgate(Map.of("TOLLGATE_POLL_INTERVAL", "30",
        "TOLLGATE_DATA_DIR", work.resolve("e").toString()), "serve");

    assertThat(listen.stderr().strip()).startsWith("Error: --listen \"nowhere\" is not an address");
    assertThat(fromEnvironment.stderr().strip())
        .startsWith("Error: TOLLGATE_LISTEN=\"also-nowhere\" is not an address");
    assertThat(intervalFromEnvironment.stderr().strip())
        .startsWith("Error: TOLLGATE_POLL_INTERVAL=\"30\" is not a duration; give it a unit:"
            + " 30ms, 30s, 30m, 30h or 30d");
    assertThat(work.resolve("e")).doesNotExist();
    assertThat(work.resolve("d")).doesNotExist();
    assertThat(oauth.stderr().strip()).startsWith("Error: OAuth needs all of")
        .contains("missing: --oauth-audience, --oauth-users-file");
    assertThat(tls.stderr().strip()).startsWith("Error: --tls-cert and --tls-key go together");
    assertThat(listen.exitCode()).isEqualTo(1);
    assertThat(oauth.exitCode()).isEqualTo(1);
    assertThat(tls.exitCode()).isEqualTo(1);
    Result both = tollgate(Map.of(), "serve", "--rotate-bootstrap-admin",
        "--disable-bootstrap-admin", "--data-dir", work.resolve("f").toString());
    assertThat(both.stderr().strip()).startsWith("Error: --rotate-bootstrap-admin and"
        + " --disable-bootstrap-admin contradict each other; give one of them");
    assertThat(work.resolve("f")).doesNotExist();
  }

  @Test
  void metricsListen_servesPrometheusTextWithCallsOutcomesAndTheReplica() throws Exception {
    int metricsPort = TollgateJar.freePort();
    try (TollgateJar.Server server = new TollgateJar.Server(work.resolve("data"),
        work.resolve("m.log"), "--metrics-listen", "127.0.0.1:" + metricsPort).start()) {
      TollgateJar.writeConfig(work.resolve("config.toml"),
          server.profile("default", work.resolve("data/admin-token.json")));
      Result list = tollgate(Map.of("TOLLGATE_CONFIG", work.resolve("config.toml").toString()),
          "token", "list");
      assertThat(list.exitCode()).as(list.stderr()).isZero();
      io.grpc.ManagedChannel channel = io.grpc.ManagedChannelBuilder
          .forAddress("127.0.0.1", server.port()).usePlaintext().build();
      try {
        dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc.newBlockingStub(channel)
            .withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS)
            .authorize(dev.tollgate.proto.authz.v1.AuthorizeRequest.newBuilder()
                .setToken(com.google.protobuf.ByteString.copyFromUtf8("apiv1_not-a-token"))
                .build());
      } finally {
        channel.shutdownNow();
      }

      java.net.http.HttpResponse<String> scrape = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(
              "http://127.0.0.1:" + metricsPort + "/metrics")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());

      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body())
          .containsPattern("grpc_server_call_duration_seconds_count\\{[^}]*grpc_method=\""
              + "tollgate.management.v1.DatabaseTokenService/ListDatabaseTokens\"[^}]*"
              + "grpc_status=\"OK\"[^}]*\\} 1")
          .containsPattern("tollgate_authorize_outcomes_total\\{[^}]*outcome=\"malformed\""
              + "[^}]*\\} 1")
          .containsPattern("tollgate_live_tokens(\\{[^}]*\\})? 1")
          .containsPattern("tollgate_replica_behind_events(\\{[^}]*\\})? 0")
          .contains("tollgate_replica_behind_seconds")
          .contains("tollgate_reconciliation_differences_total")
          .contains("tollgate_db_pool_connections_in_use")
          .contains("tollgate_db_pool_waiting")
          .containsPattern("jvm_memory_used_bytes\\{[^}]*area=\"heap\"")
          .contains("jvm_threads");
      assertThat(PrometheusTextLint.problems(scrape.body()))
          .as("what promtool check metrics would find").isEmpty();
      assertThat(server.logText()).contains("metrics at http://127.0.0.1:" + metricsPort
          + "/metrics");
    }
  }

  @Test
  void bootstrapAdmin_rotatedThenDisabledAtStart_oldTokenRefusedNewOneAccepted() throws Exception {
    Path data = work.resolve("rotating");
    Path adminFile = data.resolve("admin-token.json");
    String first;
    try (TollgateJar.Server server = new TollgateJar.Server(data, work.resolve("r.log")).start()) {
      first = TokenFile.read(adminFile);
    }
    TollgateJar.Server server = new TollgateJar.Server(data, work.resolve("r.log"),
        "--rotate-bootstrap-admin");
    try (server) {
      server.start();
      TollgateJar.writeConfig(work.resolve("config.toml"), server.profile("default", adminFile));
      Map<String, String> config = Map.of("TOLLGATE_CONFIG", work.resolve("config.toml")
          .toString());
      String second = TokenFile.read(adminFile);

      assertThat(second).isNotEqualTo(first);
      assertThat(tollgate(config, "management", "list").exitCode()).isZero();
      Result old = tollgate(Map.of("TOLLGATE_CONFIG", work.resolve("config.toml").toString(),
          "TOLLGATE_MGMT_TOKEN", first), "management", "list");
      assertThat(old.exitCode()).isEqualTo(1);
      assertThat(old.stderr()).contains("refused the credential");
      assertThat(server.logText()).contains("bootstrap admin token rotated");
    }
    try (TollgateJar.Server disabled = new TollgateJar.Server(data, work.resolve("r.log"),
        "--disable-bootstrap-admin").start()) {
      assertThat(adminFile).doesNotExist();
      assertThat(disabled.logText()).contains("bootstrap admin token disabled");
    }
  }

  @Test
  void readyFileFromItsVariable_listenOnAnyPort_holdsTheBoundAddressWhileServingOnly()
      throws Exception {
    Path ready = work.resolve("ready");
    ProcessBuilder builder = new ProcessBuilder(TollgateJar.jarCommand("serve", "--listen",
        "127.0.0.1:0", "--http-listen", "off", "--data-dir", work.resolve("data").toString()))
        .redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile());
    builder.environment().put("TOLLGATE_READY_FILE", ready.toString());
    Process server = builder.start();
    try {
      String address = TollgateJar.awaitReadyFile(ready, server, java.time.Duration.ofSeconds(60));

      assertThat(Files.readString(ready)).isEqualTo(address + "\n");
      assertThat(address).matches("127\\.0\\.0\\.1:[1-9][0-9]*");
      io.grpc.ManagedChannel channel = io.grpc.ManagedChannelBuilder.forTarget(address)
          .usePlaintext().build();
      try {
        assertThat(io.grpc.health.v1.HealthGrpc.newBlockingStub(channel)
            .withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS)
            .check(io.grpc.health.v1.HealthCheckRequest.getDefaultInstance()).getStatus())
            .isEqualTo(io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
      } finally {
        channel.shutdownNow();
      }
      server.destroy();
      assertThat(server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(ready).as("removed when the server stops").doesNotExist();
    } finally {
      server.destroyForcibly().waitFor();
    }
  }

  @Test
  void httpListen_servesTheV0TokensOnTheSameStore_andTheReadyFileNamesIt() throws Exception {
    Path ready = work.resolve("ready");
    Path log = work.resolve("server.log");
    Process server = new ProcessBuilder(TollgateJar.jarCommand("serve", "--listen", "127.0.0.1:0",
        "--http-listen", "127.0.0.1:0", "--ready-file", ready.toString(), "--data-dir",
        work.resolve("data").toString())).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    try {
      TollgateJar.awaitReadyFile(ready, server, java.time.Duration.ofSeconds(60));
      java.util.List<String> lines = Files.readAllLines(ready);
      assertThat(lines).hasSize(2);
      assertThat(lines.get(1)).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*");
      String admin = TokenFile.read(work.resolve("data/admin-token.json"));
      java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
      java.net.URI tokens = java.net.URI.create(lines.get(1) + "/api/v0/tokens");

      java.net.http.HttpResponse<String> created = client.send(java.net.http.HttpRequest
          .newBuilder(tokens).header("Authorization", "Bearer " + admin)
          .header("Content-Type", "application/json")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
              "{\"description\": \"over http\", \"permissions\": [{\"action\": \"read\","
                  + " \"resource\": \"db1\"}]}")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      java.net.http.HttpResponse<String> unauthenticated = client.send(java.net.http.HttpRequest
          .newBuilder(tokens).build(), java.net.http.HttpResponse.BodyHandlers.ofString());

      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
      assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");
      String accessToken = created.body().replaceAll(".*\"accessToken\"\\s*:\\s*\"([^\"]+)\".*",
          "$1");
      assertThat(accessToken).startsWith("apiv1_");
      assertThat(unauthenticated.statusCode()).isEqualTo(401);
      assertThat(unauthenticated.headers().firstValue("WWW-Authenticate")).contains("Bearer");
      Result listed = TollgateJar.cli(work, Map.of("TOLLGATE_CONFIG", TollgateJar.writeConfig(
          work.resolve("config.toml"), "[[profile]]\nname = \"default\"\nhost = \"127.0.0.1\""
              + "\nport = \"" + lines.get(0).substring(lines.get(0).lastIndexOf(':') + 1)
              + "\"\n[profile.tls]\ndisable = true\n[profile.auth.token]\ntoken_file = \""
              + work.resolve("data/admin-token.json") + "\"\n").toString()),
          "token", "list", "--format", "json");
      assertThat(listed.stdout()).as("the token created over HTTP, listed over gRPC")
          .contains("\"description\": \"over http\"");
      server.destroy();
      assertThat(server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(log)).as("the server's log").doesNotContain(accessToken);
    } finally {
      server.destroyForcibly().waitFor();
    }
  }
}
