package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenString;
import dev.tollgate.proto.authz.v1.AuthorizeRequest;
import dev.tollgate.proto.authz.v1.AuthorizeResponse;
import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import dev.tollgate.proto.authz.v1.Permission;
import dev.tollgate.proto.authz.v1.ResourceActionPermission;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tollgate migrate} as an operator runs it, the real jar against a real PostgreSQL: a store
 * of 100,000 tokens moved from H2 is honoured by two PostgreSQL replicas string for string, a
 * file a running server holds is refused, and a copy killed midway leaves its target empty.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrateIT {

  private static final int TOKENS = 100_000;
  /** The store the interruption test copies: big enough for several batches. */
  private static final int SMALL = 3_000;
  /** Tokens checked beside every one that was rotated, revoked or expired. */
  private static final int SAMPLE = 5_000;
  /** How long a copy may take: 100,000 tokens took 23 to 56 s on two busy shared cores. */
  private static final Duration COPY_LIMIT = Duration.ofMinutes(5);
  private static final long SEED = Long.getLong("migrate.seed", System.nanoTime());

  @TempDir
  static Path work;

  private static EmbeddedPostgres postgres;
  private static MigrateSeed seeded;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    for (String database : List.of("tollgate", "refused", "small")) {
      execute(postgres("postgres"), "create database " + database);
    }
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static String postgres(String database) {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
  }

  private static String h2(Path dataDirectory) {
    return "jdbc:h2:file:" + dataDirectory.resolve("tollgate");
  }

  /** {@code tollgate migrate} from an H2 file into PostgreSQL. */
  private static TollgateJar.Result migrate(String from, String to) throws InterruptedException {
    return TollgateJar.startCli(work, Map.of(), "migrate", "--from", from, "--to", to,
        "--to-user", "postgres").finish(COPY_LIMIT);
  }

  /** Says how long a step took, for whoever tunes the test's time; asserts nothing. */
  private static long took(String what, long since) {
    System.out.printf("MigrateIT: %s in %.1f s%n", what, (System.nanoTime() - since) / 1e9);
    return System.nanoTime();
  }

  @Test
  @Order(1)
  void h2FileOfARunningServer_migrate_isRefusedNamingIt_andWritesNothing() throws Exception {
    try (TollgateJar.Server server = new TollgateJar.Server(work.resolve("live"),
        work.resolve("live.log")).start()) {
      TollgateJar.Result result = migrate(h2(work.resolve("live")), postgres("refused"));

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.stderr()).startsWith("Error: --from " + h2(work.resolve("live"))
          + ": a running tollgate serve (pid ").contains("stop it first");
      assertThat(count(postgres("refused"), "select count(*) from information_schema.tables"
          + " where table_schema = 'public'")).as("tables made in the target").isZero();
    }
  }

  @Test
  @Order(2)
  void hundredThousandTokensOnH2_migrateToPostgres_everyStringAnswersAsBeforeOnTwoReplicas()
      throws Exception {
    Path data = work.resolve("big");
    long step = System.nanoTime();
    // the schema and the bootstrap admin as a server makes them, then tokens straight in SQL
    try (TollgateJar.Server first = new TollgateJar.Server(data, work.resolve("big.log"))) {
      first.start();
      first.terminate();
    }
    step = took("made the schema with tollgate serve", step);
    seeded = MigrateSeed.seed(h2(data), TOKENS, new DeterministicRandomSource(SEED));
    step = took("seeded " + TOKENS + " tokens", step);

    TollgateJar.Result result = migrate(h2(data), postgres("tollgate"));
    step = took("migrated", step);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).contains("same").doesNotContain("DIFFERENT");
    assertThat(result.stdoutLines()).anyMatch(line -> line.matches(
        "tokens +100,000 +100,000 .* same"));
    assertThat(result.stderr().lines().count()).as("progress lines").isLessThan(60);
    List<TollgateJar.Server> replicas = new ArrayList<>();
    try {
      for (String name : List.of("r1", "r2")) {
        replicas.add(new TollgateJar.Server(work.resolve(name), work.resolve(name + ".log"),
            "--database-url", postgres("tollgate"), "--database-user", "postgres").start());
      }
      step = took("started two replicas", step);
      System.out.println("MigrateIT: checking a sample drawn with seed " + SEED
          + " (-Dmigrate.seed=" + SEED + " repeats it)");
      List<MigrateSeed.Check> checks = seeded.checks(SAMPLE, new SplittableRandom(SEED));
      for (TollgateJar.Server replica : replicas) {
        assertEveryAnswer(replica, checks);
      }
      took("presented " + checks.size() + " strings to each replica", step);
    } finally {
      for (TollgateJar.Server replica : replicas) {
        replica.close();
      }
    }
  }

  /** Presents each string once, up to 64 in flight, and compares each first answer. */
  private static void assertEveryAnswer(TollgateJar.Server replica, List<MigrateSeed.Check> checks)
      throws Exception {
    ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", replica.port())
        .usePlaintext().build();
    List<String> wrong = new ArrayList<>();
    AtomicReference<Throwable> failed = new AtomicReference<>();
    Semaphore window = new Semaphore(64);
    try {
      var stub = IoxAuthorizerServiceGrpc.newFutureStub(channel);
      for (MigrateSeed.Check check : checks) {
        window.acquire();
        var answer = stub.withDeadlineAfter(60, TimeUnit.SECONDS).authorize(request(check));
        answer.addListener(() -> {
          try {
            AuthorizeResponse response = answer.get();
            if (response.getValid() != check.valid()) {
              synchronized (wrong) {
                wrong.add(check.describe() + " answered valid=" + response.getValid());
              }
            }
          } catch (Exception e) {
            failed.compareAndSet(null, e);
          } finally {
            window.release();
          }
        }, Runnable::run);
      }
      window.acquire(64);
    } finally {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
    assertThat(failed.get()).as("a failed Authorize call").isNull();
    assertThat(wrong).as("strings answered otherwise than before the move, on port "
        + replica.port() + " (of " + checks.size() + " checked)").isEmpty();
  }

  private static AuthorizeRequest request(MigrateSeed.Check check) {
    AuthorizeRequest.Builder request = AuthorizeRequest.newBuilder()
        .setToken(ByteString.copyFromUtf8(check.secret().value()));
    check.database().ifPresent(database -> request.addPermissions(Permission.newBuilder()
        .setResourceAction(ResourceActionPermission.newBuilder()
            .setResourceType(ResourceActionPermission.ResourceType.RESOURCE_TYPE_DATABASE)
            .setResourceName(database)
            .setAction(ResourceActionPermission.Action.ACTION_READ))));
    return request.build();
  }

  @Test
  @Order(3)
  void copyKilledMidway_leavesTheTargetEmpty_andTheSameCommandThenCompletes() throws Exception {
    // a small source of its own: the stopped server's store of the first test, with tokens added
    Path live = work.resolve("live");
    MigrateSeed.seed(h2(live), SMALL, new DeterministicRandomSource(SEED + 1));
    assertThat(migrate(h2(live), postgres("small")).exitCode()).isZero();
    Path back = work.resolve("back");
    String[] args = {"migrate", "--from", postgres("small"), "--from-user", "postgres",
        "--to", h2(back)};
    // holding the source's last table stops the copy there, with the rest in the target's
    // open transaction, for as long as the test likes
    try (Connection holder = DriverManager.getConnection(postgres("small"), "postgres", null)) {
      holder.setAutoCommit(false);
      execute(holder, "lock table bootstrap_admin_retired in access exclusive mode");
      TollgateJar.RunningCli copy = TollgateJar.startCli(work, Map.of(), args);
      for (String table : List.of("tokens", "token_permissions", "token_events",
          "bootstrap_admin")) {
        copy.awaitStderr(Pattern.compile("(?m)^" + table + ": [0-9,]+ rows copied$"));
      }
      copy.process.destroyForcibly().waitFor();

      assertThat(count(h2(back), "select count(*) from tokens")).as("tokens left behind").isZero();
      assertThat(count(h2(back), "select count(*) from token_events")).isZero();
      holder.rollback();
    }

    TollgateJar.Result done = TollgateJar.startCli(work, Map.of(), args).finish(COPY_LIMIT);

    assertThat(done.exitCode()).as(done.stderr()).isZero();
    assertThat(done.stdout()).doesNotContain("DIFFERENT");
    assertThat(count(h2(back), "select count(*) from tokens")).isEqualTo(SMALL);
  }

  private static long count(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url,
        url.startsWith("jdbc:postgresql:") ? "postgres" : "", null);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "postgres", null)) {
      execute(connection, sql);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
