package dev.tollgate.cli;

import dev.tollgate.options.Durations;
import dev.tollgate.options.HostPort;
import dev.tollgate.proto.authz.v1.AuthorizeRequest;
import dev.tollgate.proto.authz.v1.AuthorizeResponse;
import io.grpc.ManagedChannel;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tollgate bench}: drives a running server and reports throughput and latency of the
 * authorizer and of token creation, each Authorize figure also as a ratio to the gRPC health
 * check measured through the same server, client and load shape in the same round; with
 * {@code --http}, creating, reading and listing database tokens over the Management HTTP API,
 * each as a ratio to its gRPC twin in the same round.
 */
@Command(name = "bench", usageHelpAutoWidth = true, sortOptions = false,
    description = "Measure a running Tollgate server: the gRPC health check (the baseline),"
        + " Authorize with a valid, an unknown and a malformed token, Authorize during a flood of"
        + " unknown tokens, CreateDatabaseToken, with --http creating, reading and listing database"
        + " tokens over HTTP against the same over gRPC, and with --replica the time until another"
        + " replica refuses a revoked token. Creates the tokens it needs and revokes them"
        + " afterwards.")
public final class BenchCommand extends ClientCommand {

  @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "5s",
      converter = Durations.Positive.class,
      description = "How long each scenario runs in each round (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
      description = "Rounds of all scenarios, alternating; figures are medians (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "5s",
      converter = Durations.Positive.class,
      description = "Unrecorded load before the first round (default: ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "128",
      description = "Calls in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--connections", paramLabel = "N", defaultValue = "4",
      description = "HTTP/2 connections the calls are spread over (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--unknown-tokens", paramLabel = "N", defaultValue = "100000",
      description = "Distinct random well-formed tokens the unknown-token scenarios present"
          + " (default: ${DEFAULT-VALUE}).")
  int unknownTokens;

  @Option(names = "--replica", paramLabel = "HOST:PORT", converter = HostPort.Remote.class,
      description = "Another replica of the same cluster, reached with the profile's TLS settings"
          + " (plaintext on loopback addresses only): measure how long after a revoke returns it"
          + " refuses the token.")
  HostPort replica;

  @Option(names = "--http", paramLabel = "ADDRESS",
      description = "The server's Management HTTP API, HOST:PORT or http://HOST:PORT (plaintext"
          + " on loopback addresses only; https://HOST:PORT trusts the JVM's certificate"
          + " authorities, not the profile's): also measure creating, reading and listing database"
          + " tokens over HTTP against the same over gRPC, in the same rounds. Without it those"
          + " scenarios are skipped.")
  String http;

  @Option(names = "--revocations", paramLabel = "N", defaultValue = "1000",
      description = "Revocations timed with --replica (default: ${DEFAULT-VALUE}).")
  int revocations;

  /** The server the profile points at, for messages. */
  private String server;

  @Override
  public Integer call() throws Exception {
    if (concurrency < 2 || connections < 1 || rounds < 1 || unknownTokens < 1) {
      throw new CliException("--concurrency must be at least 2, --connections, --rounds and"
          + " --unknown-tokens at least 1");
    }
    URI door = http == null ? null : HttpTwins.door(http);
    try (Connection connection = connect();
        BenchReplica other = BenchReplica.open(connection, replica);
        BenchTokens tokens = new BenchTokens(connection, Clock.systemUTC(), tokenLifetime());
        RevokeOnExit onExit = new RevokeOnExit(tokens, tokenLifetime(), err());
        HttpTwins twins = door == null ? null : new HttpTwins(door,
            connection.profile().credential().orElseThrow(), tokens)) {
      server = connection.profile().target();
      List<ManagedChannel> channels = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        channels.add(connection.newLoadChannel());
      }
      try {
        BenchTokens.Created valid = tokens.create("tollgate bench: valid token");
        BenchScenarios scenarios = new BenchScenarios(valid.secret(),
            BenchScenarios.unknownTokens(unknownTokens));
        BenchReport report = new BenchReport(connection.profile().target(), concurrency,
            connections, duration, Runtime.getRuntime().availableProcessors());
        progress("warming up for " + Times.format(warmup));
        stopOnFailures("warm-up: health", scenarios.health().run(channels, concurrency, warmup));
        stopOnFailures("warm-up: authorize-valid",
            scenarios.authorizeValid().run(channels, concurrency, warmup));
        if (twins != null) {
          stopOnFailures("warm-up: http-get-token",
              twins.httpGet(valid.id()).run(Math.min(concurrency, BenchReport.READERS), warmup));
          stopOnFailures("warm-up: http-create-token",
              twins.httpCreate().run(Math.min(concurrency, BenchReport.WRITERS), warmup));
        }
        for (int round = 1; round <= rounds; round++) {
          runRound(round, scenarios, channels, duration, tokens, connection, report,
              twins == null);
          if (twins != null) {
            runTwins("round " + round + "/" + rounds + ": ", scenarios, tokens, twins, valid.id(),
                channels, report);
          }
        }
        report.http(door == null ? null : door.toString(), twins == null ? -1 : twins.listed());
        eachUnknownOnce(scenarios, channels, connection, report);
        if (other.channel() != null) {
          report.revocations(replica.toString(), new RevocationTimer(tokens, replica.toString(),
              other.channel(), this::progress).time(revocations));
        }
        out().println(report.render());
        out().flush();
      } finally {
        channels.forEach(ManagedChannel::shutdownNow);
      }
    }
    return 0;
  }

  /**
   * How long each token the bench makes may live, so that one it could not revoke (the machine
   * or the JVM stopped before it could) expires soon anyway: the bench's planned time (two
   * warm-ups, then six scenarios of {@code --duration} a round; with {@code --http} four
   * warm-ups and eleven scenarios) plus {@link #TOKEN_MARGIN} for
   * what is not planned (the pass over every unknown token, revocations timed with
   * {@code --replica}) and for clocks that disagree.
   */
  Duration tokenLifetime() {
    boolean twins = http != null;
    return warmup.multipliedBy(twins ? 4 : 2)
        .plus(duration.multipliedBy((twins ? 11L : 6L) * rounds)).plus(TOKEN_MARGIN);
  }

  /** What a bench token lives beyond the bench's planned time. */
  static final Duration TOKEN_MARGIN = Duration.ofMinutes(10);

  /** Ends the bench when a run stopped because its calls kept failing. */
  private LoadRun.Result stopOnFailures(String label, LoadRun.Result result) {
    result.stoppedBecause().ifPresent(why -> {
      throw new CliException("bench stopped in " + label + ": " + why + "; is " + server
          + " still serving? Tokens the bench made and could not revoke expire by themselves"
          + " within " + Times.format(tokenLifetime()));
    });
    return result;
  }

  private void runRound(int round, BenchScenarios scenarios, List<ManagedChannel> channels,
      Duration each, BenchTokens tokens, Connection connection, BenchReport report,
      boolean withCreate) throws InterruptedException {
    String of = "round " + round + "/" + rounds + ": ";
    report.add("health", run(of + "health", scenarios.health(), channels, concurrency, each));
    report.add("authorize-valid",
        run(of + "authorize-valid", scenarios.authorizeValid(), channels, concurrency, each));
    report.add("authorize-unknown", run(of + "authorize-unknown", scenarios.authorizeUnknown(),
        channels, concurrency, each));
    report.add("authorize-malformed", run(of + "authorize-malformed",
        scenarios.authorizeMalformed(), channels, concurrency, each));
    report.flood(flood(of, scenarios, channels, each));
    if (withCreate) {
      report.add("create-database-token", run(of + "create-database-token",
          scenarios.create(tokens), channels, Math.min(concurrency, BenchReport.WRITERS), each));
    }
  }

  /**
   * Each HTTP scenario beside its gRPC twin, with as many calls in flight: create, read one
   * token, list them all. Creating is measured gRPC, HTTP, HTTP, gRPC, each for half of
   * {@code --duration}, since every create adds to the table the next one writes into: in that
   * order a cost that grows steadily weighs the same on both, where HTTP after gRPC paid for
   * the tokens gRPC had just added.
   */
  private void runTwins(String of, BenchScenarios scenarios, BenchTokens tokens,
      HttpTwins twins, String id, List<ManagedChannel> channels, BenchReport report)
      throws InterruptedException {
    int writers = Math.min(concurrency, BenchReport.WRITERS);
    int readers = Math.min(concurrency, BenchReport.READERS);
    int listers = Math.min(concurrency, BenchReport.LISTERS);
    Duration half = duration.dividedBy(2);
    LoadRun.Result grpcFirst = run(of + "create-database-token, first half",
        scenarios.create(tokens), channels, writers, half);
    LoadRun.Result http = run(of + "http-create-token", twins.httpCreate(), writers);
    LoadRun.Result grpcSecond = run(of + "create-database-token, second half",
        scenarios.create(tokens), channels, writers, half);
    report.add("create-database-token", grpcFirst.and(grpcSecond));
    report.add("http-create-token", http);
    report.add("get-database-token",
        run(of + "get-database-token", twins.grpcGet(id), channels, readers, duration));
    report.add("http-get-token", run(of + "http-get-token", twins.httpGet(id), readers));
    report.add("list-database-tokens",
        run(of + "list-database-tokens", twins.grpcList(channels), listers));
    report.add("http-list-tokens", run(of + "http-list-tokens", twins.httpList(), listers));
  }

  /**
   * Presents every distinct unknown token once and counts the change-feed reads the misses cost
   * the server; fresh tokens, so that no earlier round has made the server see them.
   */
  private void eachUnknownOnce(BenchScenarios scenarios, List<ManagedChannel> channels,
      Connection connection, BenchReport report) throws InterruptedException {
    String label = String.format("authorize-unknown: %,d distinct tokens, each once",
        unknownTokens);
    BenchScenarios fresh = new BenchScenarios(scenarios.validToken(), BenchScenarios.unknownTokens(unknownTokens));
    long readsBefore = BenchTokens.missReads(connection);
    LoadRun<?, ?> load = fresh.authorizeUnknown();
    LoadRun.Result result = run(label, load::callsSoFar,
        () -> load.runCalls(channels, concurrency, unknownTokens));
    report.eachUnknownOnce(result, BenchTokens.missReads(connection) - readsBefore);
  }

  /** Half the callers present the valid token, half unknown ones, at once. */
  private LoadRun.Result flood(String of, BenchScenarios scenarios, List<ManagedChannel> channels,
      Duration each) throws InterruptedException {
    progress(of + "authorize-valid during a flood of unknown tokens");
    LoadRun<AuthorizeRequest, AuthorizeResponse> flood = scenarios.authorizeUnknown();
    AtomicReference<LoadRun.Result> flooded = new AtomicReference<>();
    Thread flooding = new Thread(() -> {
      try {
        flooded.set(flood.run(channels, concurrency / 2, each));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "tollgate-bench-flood");
    flooding.start();
    LoadRun.Result valid = scenarios.authorizeValid().run(channels, concurrency / 2, each);
    flooding.join();
    if (flooded.get() != null) {
      stopOnFailures(of + "the flood of unknown tokens", flooded.get());
    }
    return stopOnFailures(of + "authorize-valid during the flood", valid);
  }

  private LoadRun.Result run(String label, LoadRun<?, ?> load, List<ManagedChannel> channels,
      int inFlight, Duration each) throws InterruptedException {
    return run(label, load::callsSoFar, () -> load.run(channels, inFlight, each));
  }

  private LoadRun.Result run(String label, FutureLoad load, int inFlight)
      throws InterruptedException {
    return run(label, load::callsSoFar, () -> load.run(inFlight, duration));
  }

  /** How a run is driven: for a time, or for a number of calls. */
  private interface Drive {
    LoadRun.Result drive() throws InterruptedException;
  }

  private LoadRun.Result run(String label, LongSupplier callsSoFar, Drive drive)
      throws InterruptedException {
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    long started = System.nanoTime();
    if (System.console() != null) {
      ticker.scheduleAtFixedRate(() -> err().printf("\r  %s: %d s, %,d calls", label,
          (System.nanoTime() - started) / 1_000_000_000L, callsSoFar.getAsLong()).flush(), 1, 1,
          TimeUnit.SECONDS);
    }
    try {
      LoadRun.Result result = stopOnFailures(label, drive.drive());
      progress(String.format("%s%s: %,.0f calls/s%s", System.console() != null ? "\r" : "",
          label, result.perSecond(), result.failures() > 0
              ? ", " + result.failures() + " FAILED OR WRONG ANSWERS" : ""));
      return result;
    } finally {
      ticker.shutdownNow();
    }
  }

  private void progress(String line) {
    err().println(line);
    err().flush();
  }
}
