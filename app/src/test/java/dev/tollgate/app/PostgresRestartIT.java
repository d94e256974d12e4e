package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.files.TokenFile;
import dev.tollgate.proto.authz.v1.Permission;
import dev.tollgate.proto.authz.v1.ResourceActionPermission;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code tollgate serve} replicas on a real PostgreSQL that is restarted, and then
 * replaced by another PostgreSQL at the same address (as a failover does: a copy of its data
 * directory, started as a new server on the same port), while a writer creates and revokes tokens
 * on both replicas and a reader presents a known token to both. Neither replica is restarted.
 * During each outage the known token answers from memory, and writes and misses answer
 * UNAVAILABLE naming the database; after it, both replicas write again within seconds, every
 * create and revoke acknowledged before, during or after holds on both, and no revoked string
 * comes back.
 */
class PostgresRestartIT {

  private static final Permission READ = Permission.newBuilder().setResourceAction(
      ResourceActionPermission.newBuilder()
          .setResourceType(ResourceActionPermission.ResourceType.RESOURCE_TYPE_DATABASE)
          .setResourceName("db1").setAction(ResourceActionPermission.Action.ACTION_READ)).build();
  /** How soon after the database is back both replicas must write again. */
  private static final Duration RECOVERS_WITHIN = Duration.ofSeconds(30);

  @TempDir
  Path work;

  private int port;
  private EmbeddedPostgres postgres;
  private final List<TollgateJar.Server> servers = new ArrayList<>();
  private final List<ReplicaClient> clients = new ArrayList<>();
  private final List<String> secrets = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> ids = new ConcurrentHashMap<>();

  @AfterEach
  void stop() throws Exception {
    for (ReplicaClient client : clients) {
      client.close();
    }
    for (TollgateJar.Server server : servers) {
      server.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void restartedAndThenReplaced_underLoad_nothingAcknowledgedIsLost_andNothingRevokedComesBack()
      throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path first = work.resolve("pg-first");
    postgres = start(first);
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database tollgate");
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/tollgate";
    for (String name : List.of("a", "b")) {
      TollgateJar.Server server = new TollgateJar.Server(work.resolve(name),
          work.resolve(name + ".log"), "--database-url", url, "--database-user", "postgres");
      servers.add(server);
      server.start();
    }
    String admin = TokenFile.read(work.resolve("a/admin-token.json"));
    ReplicaClient onA = client(servers.get(0), admin);
    ReplicaClient onB = client(servers.get(1), admin);
    String known = onA.create(READ);
    await(() -> valid(onB, known), "B knows the token A created");

    Load load = new Load(onA, onB, known);
    Thread writer = new Thread(load::run, "load");
    writer.start();
    try {
      load.awaitAcknowledged(20);

      postgres.close(); // a clean shutdown, as a restart makes
      outage(onA, onB, known);
      postgres = start(first);
      recovered(onA, onB, "PostgreSQL restarted");
      load.awaitAcknowledged(load.acknowledged() + 20);

      postgres.close();
      Path second = work.resolve("pg-second");
      copy(first, second);
      outage(onA, onB, known);
      postgres = start(second);
      recovered(onA, onB, "another PostgreSQL at the same address");
      load.awaitAcknowledged(load.acknowledged() + 20);
    } finally {
      load.stop.set(true);
      writer.join();
    }

    assertThat(load.failures).as("answers other than OK or UNAVAILABLE").isEmpty();
    assertThat(load.unavailable.get()).as("writes refused during the outages").isPositive();
    // a write cut off by a stop leaves a gap in the event numbers, which a replica awaits for a
    // while: it is not needed for any change to be applied, so each answer is awaited, not that
    for (ReplicaClient replica : List.of(onA, onB)) {
      for (String token : load.created) {
        if (!load.revokeTried.contains(token)) {
          await(() -> valid(replica, token), "an acknowledged create valid");
        }
      }
      for (String token : load.revoked) {
        await(() -> !valid(replica, token), "an acknowledged revoke refused");
      }
    }
    assertThat(load.revoked).isNotEmpty();
    System.out.printf("PostgresRestartIT: %d creates and %d revokes acknowledged, %d calls"
        + " answered UNAVAILABLE%n", load.created.size(), load.revoked.size(),
        load.unavailable.get());
    String logs = Files.readString(work.resolve("a.log")) + Files.readString(work.resolve("b.log"));
    secrets.forEach(secret -> TollgateJar.assertNoTokenString(logs, secret, "the server logs"));
  }

  /** While the database is away: memory answers, a write and a miss are UNAVAILABLE. */
  private void outage(ReplicaClient onA, ReplicaClient onB, String known) {
    for (ReplicaClient replica : List.of(onA, onB)) {
      assertThat(valid(replica, known)).as("answered from memory").isTrue();
      assertThatThrownBy(() -> replica.create(READ))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(e.getStatus().getDescription()).contains("token database",
                "127.0.0.1:" + port, "cannot be reached");
          });
    }
  }

  /** Both replicas create tokens again, each valid on the other. */
  private void recovered(ReplicaClient onA, ReplicaClient onB, String what) {
    long since = System.nanoTime();
    for (ReplicaClient[] pair : List.of(new ReplicaClient[] {onA, onB},
        new ReplicaClient[] {onB, onA})) {
      String[] created = new String[1];
      await(() -> {
        try {
          created[0] = pair[0].create(READ);
          return true;
        } catch (StatusRuntimeException e) {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
          return false;
        }
      }, "a write after " + what);
      await(() -> valid(pair[1], created[0]), "the other replica learns it after " + what);
    }
    System.out.printf("PostgresRestartIT: both replicas wrote again %d ms after %s%n",
        (System.nanoTime() - since) / 1_000_000, what);
  }

  private EmbeddedPostgres start(Path data) throws IOException {
    return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data)
        .setCleanDataDirectory(false).setPGStartupWait(Duration.ofSeconds(60)).start();
  }

  /** A copy of a stopped server's data directory, which PostgreSQL wants to be its owner's only. */
  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (!file.getFileName().toString().equals("postmaster.pid")) {
          Files.copy(file, target);
        }
      }
    }
  }

  private ReplicaClient client(TollgateJar.Server server, String admin) {
    ReplicaClient client = new ReplicaClient(server.port(), admin, secrets, ids);
    clients.add(client);
    return client;
  }

  private static boolean valid(ReplicaClient replica, String token) {
    return replica.authorize(token, READ).getValid();
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + RECOVERS_WITHIN.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + RECOVERS_WITHIN.toSeconds() + " s");
      }
      Thread.onSpinWait();
    }
  }

  /**
   * The load: creating on A and B in turn, revoking every third token made on the other replica,
   * noting what was acknowledged, and presenting the known token to both each time.
   */
  private static final class Load {

    final AtomicBoolean stop = new AtomicBoolean();
    final Set<String> created = ConcurrentHashMap.newKeySet();
    final Set<String> revoked = ConcurrentHashMap.newKeySet();
    /** Revokes sent, acknowledged or not: such a token may or may not be revoked. */
    final Set<String> revokeTried = ConcurrentHashMap.newKeySet();
    final AtomicLong unavailable = new AtomicLong();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final ReplicaClient[] replicas;
    private final String known;

    Load(ReplicaClient onA, ReplicaClient onB, String known) {
      this.replicas = new ReplicaClient[] {onA, onB};
      this.known = known;
    }

    long acknowledged() {
      return created.size();
    }

    void awaitAcknowledged(long count) {
      await(() -> created.size() >= count || !failures.isEmpty(), count + " creates");
      assertThat(failures).isEmpty();
    }

    void run() {
      for (long n = 0; !stop.get(); n++) {
        ReplicaClient here = replicas[(int) (n % 2)];
        ReplicaClient there = replicas[(int) ((n + 1) % 2)];
        try {
          String token = here.create(READ);
          created.add(token);
          if (created.size() % 3 == 0) {
            revokeTried.add(token);
            there.revoke(there.idOf(token));
            revoked.add(token);
          }
        } catch (StatusRuntimeException e) {
          note(e);
        }
        for (ReplicaClient replica : replicas) {
          try {
            if (!valid(replica, known)) {
              failures.add("the known token was refused");
            }
          } catch (StatusRuntimeException e) {
            failures.add("the known token: " + e.getStatus());
          }
        }
      }
    }

    private void note(StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNAVAILABLE) {
        unavailable.incrementAndGet();
      } else {
        failures.add(e.getStatus().getCode() + ": " + e.getStatus().getDescription());
      }
    }
  }
}
