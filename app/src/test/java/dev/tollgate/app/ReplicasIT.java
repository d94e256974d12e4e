package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.tollgate.files.TokenFile;
import dev.tollgate.proto.authz.v1.AuthorizeRequest;
import dev.tollgate.proto.authz.v1.AuthorizeResponse;
import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import dev.tollgate.proto.authz.v1.Permission;
import dev.tollgate.proto.authz.v1.ResourceActionPermission;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenResponse;
import dev.tollgate.proto.management.v1.DatabasePermission;
import dev.tollgate.proto.management.v1.DatabasePermissions;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import dev.tollgate.proto.management.v1.GetDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.GetReplicaStatusRequest;
import dev.tollgate.proto.management.v1.ListDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.ReplicaServiceGrpc;
import dev.tollgate.proto.management.v1.RevokeDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.RotateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.RotateDatabaseTokenResponse;
import dev.tollgate.proto.management.v1.UpdateDatabaseTokenRequest;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real {@code tollgate serve} processes on one PostgreSQL that the test starts: A takes the
 * writes, B reaches the database through a proxy the test can cut, C follows directly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

  private static final Duration COHERENT_WITHIN = Duration.ofSeconds(1);
  private static final Permission READ_DB1 = permission("db1", ResourceActionPermission.Action.ACTION_READ);
  private static final Permission WRITE_DB2 = permission("db2", ResourceActionPermission.Action.ACTION_WRITE);

  @TempDir
  static Path work;

  private static EmbeddedPostgres postgres;
  private static TcpProxy proxy;
  private static TollgateJar.Server a;
  private static TollgateJar.Server b;
  private static TollgateJar.Server c;
  private static ReplicaClient onA;
  private static ReplicaClient onB;
  private static ReplicaClient onC;
  private static final List<String> secrets = java.util.Collections.synchronizedList(new ArrayList<>());
  private static final Map<String, String> ids = new ConcurrentHashMap<>();

  @BeforeAll
  static void startCluster() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database tollgate");
    }
    proxy = new TcpProxy(postgres.getPort());
    String direct = direct();
    String viaProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/tollgate";
    a = server("a", direct).start();
    b = server("b", viaProxy).start();
    c = server("c", direct).start();
    String admin = TokenFile.read(work.resolve("a/admin-token.json"));
    onA = new ReplicaClient(a.port(), admin, secrets, ids);
    onB = new ReplicaClient(b.port(), admin, secrets, ids);
    onC = new ReplicaClient(c.port(), admin, secrets, ids);
  }

  private static TollgateJar.Server server(String name, String databaseUrl, String... more) {
    List<String> args = new ArrayList<>(List.of("--database-url", databaseUrl,
        "--database-user", "postgres"));
    args.addAll(List.of(more));
    return new TollgateJar.Server(work.resolve(name), work.resolve(name + ".log"),
        args.toArray(String[]::new));
  }

  private static String direct() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/tollgate";
  }

  /** Whether the replica refuses its caller's credential on the management API. */
  private static boolean refused(ReplicaClient replica) {
    try {
      replica.status();
      return false;
    } catch (StatusRuntimeException e) {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      return true;
    }
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (ReplicaClient replica : new ReplicaClient[] {onA, onB, onC}) {
      if (replica != null) {
        replica.close();
      }
    }
    for (TollgateJar.Server server : new TollgateJar.Server[] {a, b, c}) {
      if (server != null) {
        server.close();
      }
    }
    if (proxy != null) {
      proxy.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void createdThroughA_isValidOnBAndCAtTheFirstAuthorize() {
    String token = onA.create(READ_DB1);

    assertThat(onB.authorize(token, READ_DB1).getPermissionsList()).containsExactly(READ_DB1);
    assertThat(onC.authorize(token, READ_DB1).getValid()).isTrue();
  }

  @Test
  @Order(2)
  void revokeReturnsOnA_BAndCRefuseTheTokenWithinASecond() {
    String token = onA.create(READ_DB1);
    assertThat(onB.authorize(token, READ_DB1).getValid()).isTrue();
    assertThat(onC.authorize(token, READ_DB1).getValid()).isTrue();

    onA.revoke(onA.idOf(token));
    long revoked = System.nanoTime();

    assertThat(onA.authorize(token, READ_DB1).getValid()).as("A at once").isFalse();
    awaitWithin(COHERENT_WITHIN, () -> !onB.authorize(token, READ_DB1).getValid(), revoked,
        "B refuses the revoked token");
    awaitWithin(COHERENT_WITHIN, () -> !onC.authorize(token, READ_DB1).getValid(), revoked,
        "C refuses the revoked token");
  }

  @Test
  @Order(2)
  void rotatedOnA_newStringValidOnBAtOnce_oldOneRefusedByBAndCWithinASecond() {
    String before = onA.create(READ_DB1);
    assertThat(onB.authorize(before, READ_DB1).getValid()).isTrue();
    assertThat(onC.authorize(before, READ_DB1).getValid()).isTrue();

    RotateDatabaseTokenResponse rotated = onA.databaseTokens().rotateDatabaseToken(
        RotateDatabaseTokenRequest.newBuilder().setId(onA.idOf(before)).build());
    long rotatedAt = System.nanoTime();
    String after = rotated.getAccessToken();
    secrets.add(after);

    assertThat(onB.authorize(after, READ_DB1).getValid()).as("B at the first try").isTrue();
    assertThat(onA.authorize(before, READ_DB1).getValid()).as("A at once").isFalse();
    awaitWithin(COHERENT_WITHIN, () -> !onB.authorize(before, READ_DB1).getValid(), rotatedAt,
        "B refuses the replaced string");
    awaitWithin(COHERENT_WITHIN, () -> !onC.authorize(before, READ_DB1).getValid(), rotatedAt,
        "C refuses the replaced string");
    assertThat(onC.authorize(after, READ_DB1).getValid()).isTrue();
  }

  @Test
  @Order(3)
  void permissionsReplacedOnA_BGrantsTheNewSetWithinASecond() {
    String token = onA.create(READ_DB1);
    assertThat(onB.authorize(token, READ_DB1, WRITE_DB2).getPermissionsList())
        .containsExactly(READ_DB1);

    onA.databaseTokens().updateDatabaseToken(UpdateDatabaseTokenRequest.newBuilder()
        .setId(onA.idOf(token)).setPermissions(DatabasePermissions.newBuilder()
            .addPermissions(DatabasePermission.newBuilder().setAction("write").setResource("db2")))
        .build());
    long updated = System.nanoTime();

    awaitWithin(COHERENT_WITHIN, () -> onB.authorize(token, READ_DB1, WRITE_DB2)
        .getPermissionsList().equals(List.of(WRITE_DB2)), updated, "B grants the new set only");
  }

  @Test
  @Order(4)
  void tokenUsedOnB_lastUsedIsWrittenAndShownByA() throws Exception {
    String token = onA.create(READ_DB1);
    onB.authorize(token, READ_DB1);

    b.terminate();
    b.start();
    onB.close();
    onB = new ReplicaClient(b.port(), onA.credential(), secrets, ids);

    assertThat(onA.databaseTokens().getDatabaseToken(GetDatabaseTokenRequest.newBuilder()
        .setId(onA.idOf(token)).build()).getToken().hasLastUsedAt()).isTrue();
    assertThat(b.logText()).contains("stopped");
  }

  @Test
  @Order(5)
  void databaseOutOfReachForB_memoryAnswers_missesAndWritesAreUnavailable_thenBCatchesUp() {
    String known = onA.create(READ_DB1);
    assertThat(onB.authorize(known, READ_DB1).getValid()).isTrue();

    proxy.cut();
    String createdMeanwhile = onA.create(READ_DB1);
    onA.revoke(onA.idOf(known));

    assertThat(onB.authorize(known, READ_DB1).getValid()).as("answered from memory").isTrue();
    assertThatThrownBy(() -> onB.authorize(createdMeanwhile, READ_DB1))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode())
            .isEqualTo(Status.Code.UNAVAILABLE));
    assertThatThrownBy(() -> onB.create(READ_DB1))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
          assertThat(e.getStatus().getDescription()).contains("token database")
              .contains("cannot be reached");
        });
    assertThat(onB.status().getLastFailure()).contains("cannot be reached");

    proxy.restore();

    awaitWithin(Duration.ofSeconds(30), () -> !onB.authorize(known, READ_DB1).getValid(),
        System.nanoTime(), "B applies the revocation it missed");
    assertThat(onB.authorize(createdMeanwhile, READ_DB1).getValid()).isTrue();
    assertThat(onB.status().getLastFailure()).isEmpty();
  }

  @Test
  @Order(6)
  void bench_measuresEveryScenarioAndTheRevocationLag_thenRevokesWhatItCreated() throws Exception {
    Path config = work.resolve("bench.toml");
    TollgateJar.writeConfig(config, a.profile("default", work.resolve("a/admin-token.json")));

    TollgateJar.Result bench = TollgateJar.cli(work, Map.of("TOLLGATE_CONFIG", config.toString()),
        "bench", "--duration", "300ms", "--rounds", "1", "--warmup", "100ms", "--concurrency", "8",
        "--connections", "2", "--unknown-tokens", "300", "--replica", "127.0.0.1:" + c.port(),
        "--revocations", "20");

    assertThat(bench.exitCode()).as(bench.stderr()).isZero();
    assertThat(bench.stdout()).contains("| health ", "| authorize-valid ", "| authorize-unknown ",
        "| authorize-malformed ", "| create-database-token ", "| authorize-valid, flood ",
        "300 distinct unknown tokens, each presented once", "over 20 revocations");
    assertThat(bench.stdout().lines().filter(line -> line.startsWith("| ")).skip(1))
        .as("no call failed or got a wrong answer").allSatisfy(row -> assertThat(
            row.substring(row.lastIndexOf('|', row.length() - 2) + 1, row.length() - 1).trim())
            .isEqualTo("0"));
    assertThat(onA.databaseTokens().listDatabaseTokens(
            ListDatabaseTokensRequest.newBuilder().setIncludeRevoked(true).build())
        .getTokensList()).filteredOn(token -> token.getDescription().startsWith("tollgate bench"))
        .isNotEmpty().allSatisfy(token -> assertThat(token.hasRevokedAt()).isTrue());
  }

  @Test
  @Order(7)
  void bStoppedWhileATokenIsRotatedTwiceAndRevoked_bRefusesEveryStringOfItOnceResumed()
      throws Exception {
    String first = onA.create(READ_DB1);
    assertThat(onB.authorize(first, READ_DB1).getValid()).isTrue();
    String id = onA.idOf(first);

    b.pause();
    String second;
    String third;
    try {
      second = onA.rotate(id);
      third = onA.rotate(id);
      onA.revoke(id);
    } finally {
      b.resume();
    }
    long resumed = System.nanoTime();

    assertThat(onA.authorize(first, READ_DB1).getValid()).as("A").isFalse();
    awaitWithin(COHERENT_WITHIN, () -> !onB.authorize(third, READ_DB1).getValid(), resumed,
        "B applies the revocation");
    assertThat(onB.authorize(first, READ_DB1).getValid()).as("first string on B").isFalse();
    assertThat(onB.authorize(second, READ_DB1).getValid()).as("second string on B").isFalse();
    assertThat(onC.authorize(first, READ_DB1).getValid()).as("first string on C").isFalse();
  }

  @Test
  @Order(8)
  void bootstrapAdminDisabledOnC_aRestartWithTheOldFile_leavesItRefusedEverywhere()
      throws Exception {
    String admin = onA.credential();
    assertThat(onB.status()).isNotNull();
    c.terminate();
    onC.close();
    c = server("c", direct(), "--disable-bootstrap-admin").start();
    onC = new ReplicaClient(c.port(), admin, secrets, ids);
    long disabled = System.nanoTime();
    assertThat(c.logText()).contains("bootstrap admin token disabled");

    awaitWithin(COHERENT_WITHIN, () -> refused(onA), disabled, "A refuses the disabled admin");
    awaitWithin(COHERENT_WITHIN, () -> refused(onB), disabled, "B refuses the disabled admin");
    assertThat(refused(onC)).as("C").isTrue();

    a.terminate();
    onA.close();
    a.start();
    onA = new ReplicaClient(a.port(), admin, secrets, ids);

    assertThat(refused(onA)).as("A, restarted with the old file").isTrue();
    assertThat(refused(onB)).as("B, after A's restart").isTrue();
    assertThat(refused(onC)).as("C, after A's restart").isTrue();
    Path file = work.resolve("a/admin-token.json").toAbsolutePath();
    assertThat(a.logText()).contains(file + " holds a bootstrap admin token that was retired at")
        .contains("delete " + file);
  }

  @Test
  @Order(9)
  void twoReplicasStartedTogetherOnAnEmptyDatabase_exactlyOneKeepsTheBootstrapAdmin()
      throws Exception {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database together");
    }
    String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/together";
    TollgateJar.Server first = new TollgateJar.Server(work.resolve("t1"), work.resolve("t1.log"),
        "--database-url", url, "--database-user", "postgres");
    TollgateJar.Server second = new TollgateJar.Server(work.resolve("t2"),
        work.resolve("t2.log"), "--database-url", url, "--database-user", "postgres");
    try (first; second) {
      var starting = java.util.concurrent.CompletableFuture.runAsync(first::start);
      second.start();
      starting.join();

      List<Path> kept = java.util.stream.Stream.of("t1", "t2")
          .map(name -> work.resolve(name).resolve("admin-token.json"))
          .filter(java.nio.file.Files::exists).toList();
      assertThat(kept).as("admin-token.json files").hasSize(1);
      TollgateJar.Server winner = kept.get(0).startsWith(work.resolve("t1")) ? first : second;
      TollgateJar.Server loser = winner == first ? second : first;
      String token = TokenFile.read(kept.get(0));
      for (TollgateJar.Server server : List.of(first, second)) {
        try (ReplicaClient replica = new ReplicaClient(server.port(), token, secrets, ids)) {
          assertThat(refused(replica)).as("the kept token on every replica").isFalse();
        }
      }
      assertThat(loser.logText()).contains("the bootstrap admin token is kept by the replica"
          + " that registered it: " + kept.get(0).toAbsolutePath());
    }
  }

  @Test
  @Order(20)
  void noTokenString_reachesAnyServerLog() throws Exception {
    String logs = a.logText() + b.logText() + c.logText();

    assertThat(secrets).isNotEmpty();
    secrets.forEach(secret -> TollgateJar.assertNoTokenString(logs, secret, "the server logs"));
    assertThat(logs.contains(onA.credential())).as("holds no token string").isFalse();
  }

  /** Waits for the condition, asking as fast as the replica answers, and checks how long it took. */
  private static void awaitWithin(Duration bound, BooleanSupplier condition, long sinceNanos,
      String what) {
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - sinceNanos > bound.toNanos()) {
        throw new AssertionError(what + ": not within " + bound.toMillis() + " ms");
      }
    }
  }

  private static Permission permission(String database, ResourceActionPermission.Action action) {
    return Permission.newBuilder().setResourceAction(ResourceActionPermission.newBuilder()
        .setResourceType(ResourceActionPermission.ResourceType.RESOURCE_TYPE_DATABASE)
        .setResourceName(database).setAction(action)).build();
  }
}
