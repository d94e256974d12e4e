package dev.tollgate.bench;

import dev.tollgate.persistence.BenchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What replicas cost the PostgreSQL they share, and how soon a revocation reaches another replica:
 * starts an embedded PostgreSQL and two real {@code tollgate serve} replicas, then measures the
 * transactions of idle replicas, the extra ones of a flood of unknown tokens, and revocation lag
 * across replicas, each with a baseline from the same run.
 */
public final class ReplicaCosts {

  private static final String DATABASE = "tollgate";
  private static final Duration SERVE_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(30);
  /** Lets what the start left unsent in the sessions reach the statistics before counting. */
  private static final Duration IDLE_SETTLE = Duration.ofSeconds(5);
  /** Lets the flood reach its steady state before counting. */
  private static final Duration FLOOD_SETTLE = Duration.ofSeconds(3);

  private final CostsOptions options;
  private final Cleanup cleanup;

  private ReplicaCosts(CostsOptions options, Cleanup cleanup) {
    this.options = options;
    this.cleanup = cleanup;
  }

  public static void main(String[] args) {
    BenchMain.run("ReplicaCosts", CostsOptions.USAGE, args, CostsOptions::parse,
        (options, cleanup) -> {
          CostsReport report = new ReplicaCosts(options, cleanup).run();
          report.print(System.out);
          return report.allPass();
        });
  }

  private CostsReport run() throws Exception {
    log("starting an embedded PostgreSQL");
    BenchDatabase store = cleanup.start(() -> BenchDatabase.start("postgres"));
    store.createDatabase(DATABASE);
    DatabaseTransactions transactions = cleanup.start(
        () -> new DatabaseTransactions(store.jdbcUrl("postgres"), store.user(), DATABASE));
    // before any replica runs: after them, autovacuum tidies up after the revocations' writes
    log("baseline: no replica running yet, counting transactions for %d s",
        options.window().toSeconds());
    DatabaseTransactions.Window noReplica = transactions.over(options.window());
    ServeProcess a = serve("A", store);
    String adminToken = ReplicaCalls.adminToken(dataDirectory(store, "A"));
    ServeProcess b = serve("B", store);
    List<ReplicaCalls> replicas = List.of(new ReplicaCalls(a, adminToken),
        new ReplicaCalls(b, adminToken));
    awaitListening(replicas);

    log("idle: %d s to settle, then counting transactions for %d s", IDLE_SETTLE.toSeconds(),
        options.window().toSeconds());
    long readsBefore = feedReads(replicas);
    long idleStarted = System.nanoTime();
    Thread.sleep(IDLE_SETTLE.toMillis());
    DatabaseTransactions.Window idle = transactions.over(options.window());
    double idleReads = (feedReads(replicas) - readsBefore) / seconds(idleStarted) / replicas.size();
    List<String> notifications = new ArrayList<>(notifications(replicas, "after the idle window"));

    log("flood: unknown tokens to A, %d calls in flight, %d s to settle, then %d s counted",
        options.floodInFlight(), FLOOD_SETTLE.toSeconds(), options.window().toSeconds());
    long floodReadsBefore = replicas.get(0).feedReads();
    UnknownTokenFlood flood = new UnknownTokenFlood(a.channel(), options.floodInFlight());
    flood.start();
    Thread.sleep(FLOOD_SETTLE.toMillis());
    DatabaseTransactions.Window flooded = transactions.over(options.window());
    UnknownTokenFlood.Outcome floodCalls = flood.stop();
    double floodReads = (replicas.get(0).feedReads() - floodReadsBefore) / floodCalls.seconds();

    log("revocations: %d, alternately asking B and A itself", options.revocations());
    RevocationLag.Result lag = new RevocationLag(replicas.get(0), replicas.get(1))
        .measure(options.revocations(), ReplicaCosts::log);
    notifications.addAll(notifications(replicas, "at the end"));
    return new CostsReport(replicas.size(), idle, noReplica, flooded, floodCalls, idleReads,
        floodReads, lag, notifications);
  }

  /** Starts a replica on the shared database and waits until its health says SERVING. */
  private ServeProcess serve(String name, BenchDatabase store) throws Exception {
    Path dataDirectory = Files.createDirectories(dataDirectory(store, name));
    Path log = store.directory().resolve("replica-" + name + ".log");
    log("starting replica %s", name);
    ServeProcess server = cleanup.start(() -> ServeProcess.start(name, options.jar(), List.of(
        "--data-dir", dataDirectory.toString(), "--database-url", store.jdbcUrl(DATABASE),
        "--database-user", store.user()), log));
    server.awaitServing(SERVE_TIMEOUT);
    return server;
  }

  private static Path dataDirectory(BenchDatabase store, String name) {
    return store.directory().resolve("replica-" + name);
  }

  /**
   * Waits until every replica listens for change notifications, which the targets assume; a
   * replica too old to report them is measured as it is.
   */
  private static void awaitListening(List<ReplicaCalls> replicas) throws InterruptedException {
    long deadline = System.nanoTime() + LISTEN_TIMEOUT.toNanos();
    for (ReplicaCalls replica : replicas) {
      String state = replica.status().getNotifications();
      while (!state.isEmpty() && !state.startsWith("listening")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("replica " + replica.server() + " does not listen for"
              + " change notifications " + LISTEN_TIMEOUT.toSeconds() + " s after it started: "
              + state);
        }
        Thread.sleep(100);
        state = replica.status().getNotifications();
      }
    }
  }

  private static long feedReads(List<ReplicaCalls> replicas) {
    return replicas.stream().mapToLong(ReplicaCalls::feedReads).sum();
  }

  /** What each replica's status says of change notifications, as replica status shows it. */
  private static List<String> notifications(List<ReplicaCalls> replicas, String when) {
    return replicas.stream().map(replica -> replica.server().name() + " " + when + ": "
        + Optional.of(replica.status().getNotifications()).filter(state -> !state.isEmpty())
            .orElse("(not reported: a server older than that field)")).toList();
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static void log(String format, Object... values) {
    System.err.println(String.format(format, values));
  }
}
