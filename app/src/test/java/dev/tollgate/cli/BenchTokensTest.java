package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tollgate.main.Main;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenResponse;
import dev.tollgate.proto.management.v1.DatabaseToken;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import dev.tollgate.proto.management.v1.RevokeDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.RevokeDatabaseTokensResponse;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code tollgate bench} leaves behind, against a fake server that makes tokens, notes what
 * is revoked, and whose health check fails: tokens that expire soon, revoked on Ctrl-C within a
 * bounded time, and a bench that stops when the server stops answering.
 */
class BenchTokensTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  @TempDir
  Path work;

  private final List<CreateDatabaseTokenRequest> created = new CopyOnWriteArrayList<>();
  private final List<String> revoked = new CopyOnWriteArrayList<>();
  private final AtomicInteger healthChecks = new AtomicInteger();
  private volatile boolean revokeAnswers = true;
  private Server server;

  @BeforeEach
  void startAFakeServer() throws Exception {
    server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
        .addService(new DatabaseTokenServiceGrpc.DatabaseTokenServiceImplBase() {
          @Override
          public void createDatabaseToken(CreateDatabaseTokenRequest request,
              StreamObserver<CreateDatabaseTokenResponse> answer) {
            created.add(request);
            answer.onNext(CreateDatabaseTokenResponse.newBuilder()
                .setToken(DatabaseToken.newBuilder().setId("token-" + created.size()))
                .setAccessToken("apiv1_not-a-real-token-" + created.size()).build());
            answer.onCompleted();
          }

          @Override
          public void revokeDatabaseTokens(RevokeDatabaseTokensRequest request,
              StreamObserver<RevokeDatabaseTokensResponse> answer) {
            if (revokeAnswers) {
              revoked.addAll(request.getIdsList());
              answer.onNext(RevokeDatabaseTokensResponse.getDefaultInstance());
              answer.onCompleted();
            }
          }
        })
        .addService(new HealthGrpc.HealthImplBase() {
          @Override
          public void check(HealthCheckRequest request,
              StreamObserver<HealthCheckResponse> answer) {
            healthChecks.incrementAndGet();
            answer.onError(Status.UNAVAILABLE.withDescription("the server went away")
                .asRuntimeException());
          }
        }).build().start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private Connection connection() {
    return new Connection(new ClientProfile("default", "127.0.0.1", server.getPort(),
        ClientProfile.Tls.PLAINTEXT, Optional.of("M.V1.not-a-real-token"), "the test"),
        Duration.ofSeconds(5));
  }

  @Test
  void benchToken_create_expiresItsLifetimeAfterNow() {
    try (Connection connection = connection()) {
      BenchTokens tokens = new BenchTokens(connection, Clock.fixed(NOW, ZoneOffset.UTC),
          Duration.ofMinutes(12));

      tokens.create("tollgate bench: valid token");
      CreateDatabaseTokenRequest byLoad = tokens.request("tollgate bench: created");

      assertThat(created).singleElement().satisfies(request -> assertThat(
          request.getExpiresAt().getSeconds()).isEqualTo(NOW.plusSeconds(720).getEpochSecond()));
      assertThat(byLoad.getExpiresAt().getSeconds())
          .as("the create-database-token scenario's tokens too")
          .isEqualTo(NOW.plusSeconds(720).getEpochSecond());
    }
  }

  @Test
  void defaultBench_tokenLifetime_isItsPlannedTimePlusTenMinutes() {
    // 2 warm-ups of 5 s, 3 rounds of 6 scenarios of 5 s: 100 s, and the margin
    assertThat(parsed("bench").tokenLifetime()).isEqualTo(Duration.ofSeconds(100 + 600));
    assertThat(parsed("bench", "--duration", "1m", "--rounds", "1", "--warmup", "500ms")
        .tokenLifetime()).isEqualTo(Duration.ofSeconds(1 + 360 + 600));
  }

  @Test
  void benchWithHttp_tokenLifetime_countsItsWarmUpAndFiveScenariosMore() {
    // 4 warm-ups of 5 s, 3 rounds of 11 scenarios of 5 s: 185 s, and the margin
    assertThat(parsed("bench", "--http", "127.0.0.1:8092").tokenLifetime())
        .isEqualTo(Duration.ofSeconds(185 + 600));
  }

  private static BenchCommand parsed(String... args) {
    picocli.CommandLine commandLine = Main.commandLine(false, args);
    commandLine.parseArgs(args);
    return commandLine.getSubcommands().get("bench").getCommand();
  }

  @Test
  void interrupted_revokeWithin_revokesEveryTokenHeld() {
    try (Connection connection = connection()) {
      BenchTokens tokens = new BenchTokens(connection, Clock.systemUTC(), Duration.ofMinutes(12));
      tokens.create("tollgate bench: valid token");
      for (int i = 0; i < 1_200; i++) {
        tokens.createdByLoad("load-" + i);
      }

      int count = tokens.revokeWithin(Duration.ofSeconds(5));

      assertThat(count).isEqualTo(1_201);
      assertThat(revoked).hasSize(1_201).contains("token-1", "load-0", "load-1199");
      assertThat(tokens.held()).isZero();
    }
  }

  @Test
  void serverThatNeverAnswers_revokeWithin_givesUpInTime() {
    revokeAnswers = false;
    try (Connection connection = connection()) {
      BenchTokens tokens = new BenchTokens(connection, Clock.systemUTC(), Duration.ofMinutes(12));
      tokens.createdByLoad("load-0");

      int count = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> tokens.revokeWithin(Duration.ofSeconds(1)));

      assertThat(count).isZero();
      assertThat(tokens.held()).as("still held, for the bench's own close to try").isOne();
    }
  }

  @Test
  void serverWhoseCallsAllFail_bench_stopsAtOnceSayingWhyAndRevokesItsToken() throws Exception {
    Path token = Files.writeString(work.resolve("token"), "M.V1.not-a-real-token");
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
    Path config = Files.writeString(work.resolve("config.toml"), "[[profile]]\nname = \"default\"\n"
        + "host = \"127.0.0.1\"\nport = \"" + server.getPort() + "\"\n[profile.tls]\n"
        + "disable = true\n[profile.auth.token]\ntoken_file = \"" + token + "\"\n");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    String[] args = {"--config", config.toString(), "bench", "--warmup", "1h", "--duration", "1h",
        "--rounds", "1", "--unknown-tokens", "10"};
    StringWriter err = new StringWriter();

    int exitCode = assertTimeoutPreemptively(Duration.ofMinutes(1),
        () -> Main.commandLine(false, args).setErr(new PrintWriter(err)).execute(args),
        "an hour's warm-up against a server whose every call fails");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString()).contains("Error: bench stopped in warm-up: health: 1,000 calls in a"
        + " row failed, the last with UNAVAILABLE: the server went away; is 127.0.0.1:"
        + server.getPort() + " still serving?");
    assertThat(healthChecks.get()).isLessThan(1_000 + 200);
    assertThat(revoked).containsExactly("token-1");
    assertThat(created).singleElement().satisfies(request -> assertThat(Instant.ofEpochSecond(
        request.getExpiresAt().getSeconds())).isBefore(Instant.now().plus(Duration.ofHours(9))));
  }
}
