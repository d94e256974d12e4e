package dev.tollgate.cli;

import dev.tollgate.net.Loopback;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Gathers a benchmark's rounds and prints medians, percentiles, ratios to the baseline, and how
 * much of the machine the bench itself took: when that is most of it, the figures are the
 * client's, and the report says so.
 */
final class BenchReport {

  private static final String BASELINE = "health";
  private static final String AUTHORIZE = "authorize-valid";
  /** Each HTTP scenario's gRPC twin, to which its RATIO compares it. */
  private static final Map<String, String> TWINS = Map.of("http-create-token",
      "create-database-token", "http-get-token", "get-database-token", "http-list-tokens",
      "list-database-tokens");
  /** What an HTTP scenario's calls/s must reach of its twin's, where the issue sets a target. */
  private static final double TWIN_TARGET = 0.8;
  /** Calls in flight when creating tokens, at most. */
  static final int WRITERS = 8;
  /**
   * Calls in flight when reading one token, at most: the server admits 64 management calls at
   * once by default ({@code --max-management-calls}), half of them on one connection.
   */
  static final int READERS = 32;
  /** Calls in flight when listing every token, at most. */
  static final int LISTERS = 4;
  /**
   * With the server on the same cores, a client taking a third of them takes at least a third of
   * each call's CPU time, and shrinks a difference between the server's costs by as much.
   */
  private static final double BOUND_SHARING = 1.0 / 3;
  /** Against a server elsewhere, a client is bound when its own cores are all but full. */
  private static final double BOUND_ALONE = 0.9;

  private final String target;
  private final int concurrency;
  private final int connections;
  private final Duration each;
  private final int cores;
  private final boolean sharesCores;
  private final Map<String, List<LoadRun.Result>> rounds = new LinkedHashMap<>();
  private final List<LoadRun.Result> flood = new ArrayList<>();
  private LoadRun.Result eachUnknownOnce;
  private long missReads;
  private String replica;
  private Histogram revocations;
  private String http;
  private long listed = -1;

  /** @param cores the cores this process may use; the server shares them if it is on loopback */
  BenchReport(String target, int concurrency, int connections, Duration each, int cores) {
    this.target = target;
    this.concurrency = concurrency;
    this.connections = connections;
    this.each = each;
    this.cores = cores;
    this.sharesCores = Loopback.isLoopback(target.substring(0, Math.max(0,
        target.lastIndexOf(':'))));
  }

  void add(String scenario, LoadRun.Result result) {
    rounds.computeIfAbsent(scenario, s -> new ArrayList<>()).add(result);
  }

  /** Every distinct unknown token presented once, and the feed reads that the misses caused. */
  void eachUnknownOnce(LoadRun.Result result, long reads) {
    eachUnknownOnce = result;
    missReads = reads;
  }

  /** The valid-token half of a round with half the callers flooding unknown tokens. */
  void flood(LoadRun.Result valid) {
    flood.add(valid);
  }

  /**
   * Where the HTTP scenarios ran, or null when they were skipped; and how many tokens the last
   * list held (-1 when unknown).
   */
  void http(String door, long tokensListed) {
    this.http = door;
    this.listed = tokensListed;
  }

  void revocations(String other, Histogram seen) {
    this.replica = other;
    this.revocations = seen;
  }

  String render() {
    List<List<String>> rows = new ArrayList<>();
    rounds.forEach((scenario, results) -> rows.add(row(scenario, results, ratios(scenario))));
    if (!flood.isEmpty()) {
      rows.add(row("authorize-valid, flood", flood, floodRatios()));
    }
    StringBuilder text = new StringBuilder(String.format("Tollgate at %s: %d round(s) of %s per"
        + " scenario, %d calls in flight over %d connection(s); medians of the rounds%n", target,
        rounds.getOrDefault(BASELINE, List.of()).size(), Times.format(each), concurrency,
        connections));
    text.append(Tables.of(List.of("SCENARIO", "CALLS/S", "P50", "P99", "P99.9", "RATIO",
        "CLIENT", "FAILED"), rows)).append('\n');
    text.append("RATIO: calls/s ÷ health calls/s in the same round; for \"flood\": valid-token"
        + " calls/s while half the callers present unknown tokens ÷ authorize-valid calls/s with"
        + " all callers.\n");
    text.append(String.format("CLIENT: the CPU time of this bench ÷ (wall time × %d cores).%n",
        cores));
    clientBound().ifPresent(text::append);
    text.append("create-database-token runs with ").append(Math.min(concurrency, WRITERS))
        .append(" calls in flight.\n");
    text.append(http == null ? "HTTP scenarios skipped: no --http (the server's Management HTTP"
        + " API, such as --http 127.0.0.1:8092).\n" : twins());
    if (eachUnknownOnce != null) {
      text.append(String.format("%,d distinct unknown tokens, each presented once: %,d reads of"
          + " the change feed caused by the misses, in %s (%,.0f calls/s, %d failed).%n",
          eachUnknownOnce.calls(), missReads, Times.format(eachUnknownOnce.elapsed()),
          eachUnknownOnce.perSecond(), eachUnknownOnce.failures()));
    }
    if (revocations != null) {
      text.append(String.format("revocation refused by %s after the revoke returned: p50 %s, p99"
          + " %s, max %s over %,d revocations.%n", replica, latency(revocations, 50),
          latency(revocations, 99), latency(revocations, 100), revocations.getTotalCount()));
    }
    return text.toString();
  }

  /** What the HTTP scenarios measured against their gRPC twins. */
  private String twins() {
    StringBuilder text = new StringBuilder(String.format("HTTP scenarios at %s, each beside"
        + " its gRPC twin in every round and with as many calls in flight (get %d, create %d,"
        + " list %d); HTTP/1.1 answers one call at a time per connection, so each HTTP call in"
        + " flight has a keep-alive connection of its own, where gRPC multiplexes them over %d."
        + " Creates go gRPC, HTTP, gRPC, each gRPC half for half the time, as every create"
        + " grows the table. RATIO of http-*: its calls/s ÷ its twin's in the same round.%n", http,
        Math.min(concurrency, READERS),
        Math.min(concurrency, WRITERS), Math.min(concurrency, LISTERS), connections));
    if (listed >= 0) {
      text.append(String.format("The lists held %,d database tokens, revoked ones included, at"
          + " the end.%n", listed));
    }
    for (String scenario : List.of("http-create-token", "http-get-token")) {
      double ratio = median(ratios(scenario));
      text.append(String.format("%s ÷ %s: %.2f, target >= %.1f: %s%n", scenario,
          TWINS.get(scenario), ratio, TWIN_TARGET, ratio >= TWIN_TARGET ? "met" : "NOT MET"));
      double share = clientShare(rounds.getOrDefault(scenario, List.of()));
      if (share >= (sharesCores ? BOUND_SHARING : BOUND_ALONE)) {
        text.append(String.format("CLIENT-BOUND: this bench used %.0f%% of the %d cores for %s:"
            + " the JDK's HTTP client costs far more per call than gRPC's, so the ratio measures"
            + " the clients as much as the server. Measure the server with h2load --h1.%n",
            share * 100, cores, scenario));
      }
    }
    return text.toString();
  }

  /** The warning when the baseline or Authorize was bound by this process rather than the server. */
  private Optional<String> clientBound() {
    double share = Math.max(clientShare(rounds.getOrDefault(BASELINE, List.of())),
        clientShare(rounds.getOrDefault(AUTHORIZE, List.of())));
    if (!(share >= (sharesCores ? BOUND_SHARING : BOUND_ALONE))) {
      return Optional.empty();
    }
    return Optional.of(String.format("CLIENT-BOUND: this bench used %.0f%% of the %d"
        + " cores for %s and %s%s: its calls/s measure the client as much as the server, and"
        + " RATIO shrinks a difference between their costs on the server by about that much."
        + " Measure the server with h2load (scripts/authorize-vs-health), or run the bench on"
        + " another machine.%n", share * 100, cores, BASELINE, AUTHORIZE,
        sharesCores ? ", which the server shares" : ""));
  }

  private double clientShare(List<LoadRun.Result> results) {
    List<Double> shares = new ArrayList<>();
    results.forEach(result -> shares.add(result.clientShare(cores)));
    return median(shares);
  }

  /** Calls/s ÷ the baseline's, or an HTTP scenario's ÷ its twin's, round by round. */
  private List<Double> ratios(String scenario) {
    List<LoadRun.Result> baseline = rounds.get(TWINS.getOrDefault(scenario, BASELINE));
    List<LoadRun.Result> results = rounds.getOrDefault(scenario, List.of());
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; baseline != null && i < Math.min(baseline.size(), results.size()); i++) {
      ratios.add(results.get(i).perSecond() / baseline.get(i).perSecond());
    }
    return scenario.equals(BASELINE) || scenario.startsWith("create")
        || scenario.startsWith("list") ? List.of() : ratios;
  }

  private List<Double> floodRatios() {
    List<LoadRun.Result> alone = rounds.getOrDefault(AUTHORIZE, List.of());
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < Math.min(alone.size(), flood.size()); i++) {
      ratios.add(flood.get(i).perSecond() / alone.get(i).perSecond());
    }
    return ratios;
  }

  private List<String> row(String scenario, List<LoadRun.Result> results,
      List<Double> ratios) {
    Histogram merged = new Histogram(3);
    long failed = 0;
    List<Double> rates = new ArrayList<>();
    for (LoadRun.Result result : results) {
      merged.add(result.latencies());
      failed += result.failures();
      rates.add(result.perSecond());
    }
    return List.of(scenario, String.format("%,.0f", median(rates)), latency(merged, 50),
        latency(merged, 99), latency(merged, 99.9),
        ratios.isEmpty() ? "" : String.format("%.2f", median(ratios)),
        String.format("%.0f%%", clientShare(results) * 100), Long.toString(failed));
  }

  private static String latency(Histogram histogram, double percentile) {
    double nanos = histogram.getValueAtPercentile(percentile);
    return nanos >= 1e6 ? String.format("%.2f ms", nanos / 1e6)
        : String.format("%.0f µs", nanos / 1e3);
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n == 0 ? Double.NaN
        : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
