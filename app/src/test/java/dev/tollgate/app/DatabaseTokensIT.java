package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.tollgate.app.TollgateJar.Result;
import dev.tollgate.files.TokenFile;
import dev.tollgate.proto.authz.v1.AuthorizeRequest;
import dev.tollgate.proto.authz.v1.AuthorizeResponse;
import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import dev.tollgate.proto.authz.v1.Permission;
import dev.tollgate.proto.authz.v1.ResourceActionPermission.Action;
import dev.tollgate.proto.authz.v1.ResourceActionPermission.ResourceType;
import dev.tollgate.proto.authz.v1.ResourceActionPermission;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.DatabasePermission;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Database tokens through the real jar and command line, and the authorizer through a gRPC
 * client built from the public IOx schema, as an ingester or querier would call it.
 */
class DatabaseTokensIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  private TollgateJar.Server server;
  private ManagedChannel channel;
  private IoxAuthorizerServiceGrpc.IoxAuthorizerServiceBlockingStub authorizer;

  @BeforeEach
  void start() throws IOException {
    server = new TollgateJar.Server(work.resolve("data"), work.resolve("server.log")).start();
    TollgateJar.writeConfig(work.resolve("config.toml"),
        server.profile("default", work.resolve("data/admin-token.json")));
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    authorizer = IoxAuthorizerServiceGrpc.newBlockingStub(channel);
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }

  private Result tollgate(String... args) {
    return TollgateJar.cli(work, Map.of("TOLLGATE_CONFIG", work.resolve("config.toml").toString()), args);
  }

  private String createToken(String... args) {
    Result created = tollgate(args);
    assertThat(created.exitCode()).as(created.stderr()).isZero();
    return created.lastStdoutLine();
  }

  private JsonNode tokens() throws IOException {
    Result listed = tollgate("token", "list", "--include-revoked", "--format", "json");
    assertThat(listed.exitCode()).as(listed.stderr()).isZero();
    return JSON.readTree(listed.stdout());
  }

  private String idOf(String description) throws IOException {
    for (JsonNode token : tokens()) {
      if (token.get("description").asText().equals(description)) {
        return token.get("id").asText();
      }
    }
    throw new AssertionError("no token " + description);
  }

  private static Permission ask(String database, Action action) {
    return Permission.newBuilder().setResourceAction(ResourceActionPermission.newBuilder()
        .setResourceType(ResourceType.RESOURCE_TYPE_DATABASE).setResourceName(database)
        .setAction(action)).build();
  }

  private AuthorizeResponse authorize(String token, Permission... permissions) {
    return authorizer.withDeadlineAfter(10, TimeUnit.SECONDS).authorize(AuthorizeRequest.newBuilder()
        .setToken(ByteString.copyFromUtf8(token)).addAllPermissions(List.of(permissions)).build());
  }

  @Test
  void authorizer_grantsWhatEachTokenAllowsAndRefusesRevokedExpiredAndTheProbe() throws Exception {
    String readWrite = createToken("token", "create", "--read-database", "db1", "--write-database",
        "db1", "--expires-at", "2030-01-01T00:00:00Z", "Read/write for db1");
    String readAll = createToken("token", "create", "--read-database", "*", "Read everything");
    String management = createToken("management", "create", "--description", "automation");
    assertThat(readWrite).matches("apiv1_[A-Za-z0-9_-]{86}");

    AuthorizeResponse first = authorize(readWrite, ask("db1", Action.ACTION_READ),
        ask("db1", Action.ACTION_READ_SCHEMA), ask("db1", Action.ACTION_WRITE),
        ask("db2", Action.ACTION_WRITE));
    AuthorizeResponse second = authorize(readAll, ask("telemetry", Action.ACTION_READ),
        ask("db1", Action.ACTION_READ), ask("db2", Action.ACTION_WRITE));

    assertThat(first.getValid()).isTrue();
    assertThat(first.getSubject().getId()).isEqualTo(idOf("Read/write for db1"));
    assertThat(first.getPermissionsList()).containsExactly(ask("db1", Action.ACTION_READ),
        ask("db1", Action.ACTION_READ_SCHEMA), ask("db1", Action.ACTION_WRITE));
    assertThat(second.getValid()).isTrue();
    assertThat(second.getPermissionsList()).containsExactly(ask("telemetry", Action.ACTION_READ),
        ask("db1", Action.ACTION_READ));

    AuthorizeResponse probe = authorizer.authorize(AuthorizeRequest.getDefaultInstance());
    assertThat(probe.getValid()).isFalse();
    assertThat(probe.hasSubject()).isFalse();
    assertThat(probe.getPermissionsList()).isEmpty();

    AuthorizeResponse asManagement = authorize(management, ask("db1", Action.ACTION_READ));
    assertThat(asManagement.getValid()).isTrue();
    assertThat(asManagement.hasSubject()).isTrue();
    assertThat(asManagement.getPermissionsList()).isEmpty();

    Result revoked = tollgate("token", "revoke", "--force", idOf("Read/write for db1"));
    assertThat(revoked.exitCode()).as(revoked.stderr()).isZero();
    AuthorizeResponse afterRevoke = authorize(readWrite, ask("db1", Action.ACTION_READ));
    assertThat(afterRevoke).isEqualTo(AuthorizeResponse.newBuilder().setValid(false).build());
  }

  @Test
  void shortExpiry_authorize_isValidUntilExpiresAtAndNotAfter() throws Exception {
    Instant expiresAt = Instant.now().plus(Duration.ofSeconds(3));
    String token = DatabaseTokenServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(TollgateJar.bearer(TokenFile.read(work.resolve("data/admin-token.json"))))
        .createDatabaseToken(CreateDatabaseTokenRequest.newBuilder().setDescription("short")
            .addPermissions(DatabasePermission.newBuilder().setAction("read").setResource("db1"))
            .setExpiresAt(Timestamp.newBuilder().setSeconds(expiresAt.getEpochSecond())
                .setNanos(expiresAt.getNano())).build()).getAccessToken();

    assertThat(authorize(token, ask("db1", Action.ACTION_READ)).getValid()).isTrue();
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 200);

    assertThat(authorize(token, ask("db1", Action.ACTION_READ)).getValid()).isFalse();
    Result listed = tollgate("token", "list");
    assertThat(listed.stdout()).contains("| short ").contains("expired");
  }

  @Test
  void badInputs_eachGetAClearErrorExitCode1AndWriteNothing() throws Exception {
    createToken("token", "create", "--read-database", "db1", "keep");
    createToken("token", "create", "--read-database", "db1", "gone");
    String gone = idOf("gone");
    assertThat(tollgate("token", "delete", "--force", gone).exitCode()).isZero();
    JsonNode before = tokens();
    String unknown = "4f5e1a2b-0c3d-4e5f-8a9b-0c1d2e3f4a5b";

    Result badName = tollgate("token", "create", "--read-database", "db1 ", "x");
    Result longName = tollgate("token", "create", "--write-database", "d".repeat(65), "x");
    Result noSuchGet = tollgate("token", "get", unknown);
    Result noSuchUpdate = tollgate("token", "update", "--description", "x", unknown);
    Result noSuchRevoke = tollgate("token", "revoke", "--force", unknown);
    Result revokedUpdate = tollgate("token", "update", "--read-database", "db2", gone);
    Result badExpiry = tollgate("token", "create", "--expires-at", "2030-13-01T00:00:00Z", "x");
    Result pastExpiry = tollgate("token", "create", "--expires-at", "2020-01-01T00:00:00Z", "x");
    Result malformedId = tollgate("token", "get", "db1");

    assertThat(badName.stderr().strip()).isEqualTo("Error: database name \"db1 \" starts or ends"
        + " with whitespace; expected the name without surrounding spaces");
    assertThat(longName.stderr().strip()).endsWith("is 65 characters long; expected at most 64");
    assertThat(noSuchGet.stderr().strip()).isEqualTo("Error: no database token with id " + unknown);
    assertThat(noSuchUpdate.stderr().strip()).isEqualTo("Error: no database token with id " + unknown);
    assertThat(noSuchRevoke.stderr().strip()).isEqualTo("Error: no database token with id " + unknown);
    assertThat(revokedUpdate.stderr().strip()).startsWith("Error: token " + gone + " was revoked at ")
        .endsWith("a revoked token cannot be updated");
    assertThat(badExpiry.stderr().strip())
        .startsWith("Error: --expires-at \"2030-13-01T00:00:00Z\" is not an RFC 3339 time");
    assertThat(pastExpiry.stderr().strip())
        .startsWith("Error: --expires-at 2020-01-01T00:00:00Z is in the past");
    assertThat(malformedId.stderr().strip()).contains("\"db1\" is not a token id");
    for (Result result : List.of(badName, longName, noSuchGet, noSuchUpdate, noSuchRevoke,
        revokedUpdate, badExpiry, pastExpiry, malformedId)) {
      assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
      assertThat(result.stdout()).as(result.stderr()).isEmpty();
    }
    assertThat(tokens()).isEqualTo(before);
  }

  @Test
  void update_descriptionOnlyKeepsPermissionsAndFlagsReplaceThem() throws Exception {
    createToken("token", "create", "--read-database", "db1", "--write-database", "db1", "rw");
    String id = idOf("rw");

    Result renamed = tollgate("token", "update", "--description", "renamed", id, "--format", "json");
    Result replaced = tollgate("token", "update", "--read-database", "db2", id, "--format", "json");

    assertThat(renamed.exitCode()).as(renamed.stderr()).isZero();
    assertThat(JSON.readTree(renamed.stdout()).get("permissions").toString())
        .isEqualTo("[{\"action\":\"read\",\"resource\":\"db1\"},{\"action\":\"write\",\"resource\":\"db1\"}]");
    assertThat(JSON.readTree(replaced.stdout()).get("description").asText()).isEqualTo("renamed");
    assertThat(JSON.readTree(replaced.stdout()).get("permissions").toString())
        .isEqualTo("[{\"action\":\"read\",\"resource\":\"db2\"}]");
    Result table = tollgate("token", "get", id);
    assertThat(table.stdout()).contains("| permissions | read:db2").contains("|      status | active");

    // the audit trail: who did what, and for updates the changes before and after
    Result events = tollgate("events", "--token", id, "--since", "1h", "--format", "json");
    assertThat(events.exitCode()).as(events.stderr()).isZero();
    JsonNode trail = JSON.readTree(events.stdout());
    assertThat(trail).hasSize(3);
    assertThat(trail.get(0).get("event").asText()).isEqualTo("created");
    assertThat(trail.get(0).get("actor").asText()).isEqualTo("bootstrap-admin");
    assertThat(trail.get(1).get("changes").toString()).isEqualTo(
        "[{\"field\":\"description\",\"before\":\"rw\",\"after\":\"renamed\"}]");
    assertThat(trail.get(2).get("changes").toString()).isEqualTo("[{\"field\":\"permissions\","
        + "\"before\":\"read:db1, write:db1\",\"after\":\"read:db2\"}]");
    Result eventTable = tollgate("events", "--token", id);
    assertThat(eventTable.stdout()).contains("| updated | bootstrap-admin | description \"rw\" →"
        + " \"renamed\"").contains("permissions read:db1, write:db1 → read:db2");
    assertThat(tollgate("events", "--since", "2030-01-01T00:00:00Z", "--format", "json").stdout()
        .strip()).isEqualTo("[]");
    Result badSince = tollgate("events", "--since", "yesterday");
    assertThat(badSince.stderr().strip()).isEqualTo("Error: --since \"yesterday\" is neither an"
        + " RFC 3339 time nor a duration; expected e.g. 2030-01-01T00:00:00Z, or 24h for a day ago");
  }

  @Test
  void rotate_bothStringsWorkInTheOverlap_withoutOneTheOldStopsAtOnce() throws Exception {
    String before = createToken("token", "create", "--read-database", "db1", "rotated");
    String id = idOf("rotated");

    Result rotated = tollgate("token", "rotate", "--overlap", "1h", id, "--format", "json");

    assertThat(rotated.exitCode()).as(rotated.stderr()).isZero();
    JsonNode answer = JSON.readTree(rotated.stdout());
    String after = answer.get("token").asText();
    assertThat(answer.get("id").asText()).isEqualTo(id);
    assertThat(answer.get("description").asText()).isEqualTo("rotated");
    assertThat(answer.has("previous_valid_until")).isTrue();
    assertThat(after.equals(before)).as("a new token string").isFalse();
    assertThat(after.startsWith("apiv1_")).as("a database token string").isTrue();
    assertThat(authorize(before, ask("db1", Action.ACTION_READ)).getValid()).isTrue();
    assertThat(authorize(after, ask("db1", Action.ACTION_READ)).getValid()).isTrue();
    assertThat(tollgate("token", "list").stdout()).contains("active, previous string until ");
    Result again = tollgate("token", "rotate", id);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.stderr()).contains("its previous token string works until");
    JsonNode trail = JSON.readTree(tollgate("events", "--token", id, "--format", "json").stdout());
    assertThat(trail.get(1).get("event").asText()).isEqualTo("rotated");

    // the old string refused once an overlap ends is RotateTokenTest's, driven by the Clock
    // port; here a management token rotated without an overlap: the old string stops at once
    Result management = tollgate("management", "create", "--description", "ci", "--format",
        "json");
    JsonNode created = JSON.readTree(management.stdout());
    Result rotatedManagement = tollgate("management", "rotate", created.get("id").asText(),
        "--format", "json");
    assertThat(rotatedManagement.exitCode()).as(rotatedManagement.stderr()).isZero();
    assertThat(authorize(created.get("token").asText()).getValid()).isFalse();
    assertThat(authorize(JSON.readTree(rotatedManagement.stdout()).get("token").asText())
        .getValid()).isTrue();
  }

  @Test
  void healthAndReflection_answerWithoutCredentials() throws Exception {
    var health = io.grpc.health.v1.HealthGrpc.newBlockingStub(channel).check(
        io.grpc.health.v1.HealthCheckRequest.getDefaultInstance());
    assertThat(health.getStatus())
        .isEqualTo(io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);

    List<String> services = new java.util.ArrayList<>();
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    var requests = io.grpc.reflection.v1.ServerReflectionGrpc.newStub(channel).serverReflectionInfo(
        new io.grpc.stub.StreamObserver<io.grpc.reflection.v1.ServerReflectionResponse>() {
          @Override
          public void onNext(io.grpc.reflection.v1.ServerReflectionResponse response) {
            response.getListServicesResponse().getServiceList().forEach(s -> services.add(s.getName()));
          }

          @Override
          public void onError(Throwable t) {
            done.countDown();
          }

          @Override
          public void onCompleted() {
            done.countDown();
          }
        });
    requests.onNext(io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setListServices("")
        .build());
    requests.onCompleted();
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(services).contains("tollgate.management.v1.ManagementTokenService",
        "tollgate.management.v1.DatabaseTokenService", "influxdata.iox.authz.v1.IoxAuthorizerService",
        "grpc.health.v1.Health");
  }

}
