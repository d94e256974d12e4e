package dev.tollgate.bench;

import dev.tollgate.persistence.BenchDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * {@code GET /api/v0/tokens} over 100,000 database tokens against a real {@code tollgate serve}:
 * how soon the answer starts (target: first byte within 100 ms) against reading one token, how
 * long the whole list takes against the same tokens listed page by page over gRPC, and how much
 * the server's heap grows while it streams (target: at most 64 MB) against its live heap after
 * a full collection just before.
 */
public final class HttpListStream {

  static final String USAGE = "usage: HttpListStream [--jar app/target/tollgate.jar]"
      + " [--tokens 100000] [--runs 3] [--database h2|postgres]";
  private static final Duration SERVE_TIMEOUT = Duration.ofMinutes(5);
  private static final double FIRST_BYTE_TARGET_MS = 100;
  private static final double HEAP_TARGET_MB = 64;
  /** Full collections on the server while a list is read, at evenly spaced points. */
  private static final int PROBES = 4;
  /** Single-token reads a run times for its baseline. */
  private static final int GETS = 100;

  /** The command line's choices. */
  record Options(Path jar, int tokens, int runs, String database) {

    static Options parse(String[] args) {
      Path jar = Path.of("app/target/tollgate.jar");
      int tokens = 100_000;
      int runs = 3;
      String database = "h2";
      for (int i = 0; i < args.length; i += 2) {
        String option = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        String value = args[i + 1];
        switch (option) {
          case "--jar" -> jar = Path.of(value);
          case "--tokens" -> tokens = BenchArgs.positive(option, value);
          case "--runs" -> runs = BenchArgs.positive(option, value);
          case "--database" -> database = switch (value) {
            case "h2", "postgres" -> value;
            default -> throw new IllegalArgumentException("--database \"" + value
                + "\" is not a choice; expected h2 or postgres");
          };
          default -> throw new IllegalArgumentException("unknown option \"" + option + "\"");
        }
      }
      return new Options(BenchArgs.jar(jar), tokens, runs, database);
    }
  }

  /** One timed run: the list over HTTP and its baselines, measured back to back. */
  record Run(ListRead.Timing list, double getMillis, double grpcListMillis, long heapBefore,
      long heapPeak, long grpcHeapBefore, long grpcHeapPeak) {}

  private final Options options;
  private final Cleanup cleanup;

  private HttpListStream(Options options, Cleanup cleanup) {
    this.options = options;
    this.cleanup = cleanup;
  }

  public static void main(String[] args) {
    BenchMain.run("HttpListStream", USAGE, args, Options::parse,
        (options, cleanup) -> new HttpListStream(options, cleanup).run());
  }

  /** Measures and prints; true when every target is met. */
  private boolean run() throws Exception {
    log("seeding %,d database tokens into %s", options.tokens(), options.database());
    BenchDatabase store = cleanup.start(() -> BenchDatabase.start(options.database()));
    long seeding = System.nanoTime();
    store.seed(options.tokens(), true);
    log("seeded in %.1f s (not part of any figure); starting tollgate serve",
        (System.nanoTime() - seeding) / 1e9);
    List<String> serve = new ArrayList<>(store.serveOptions());
    serve.addAll(List.of("--http-listen", "127.0.0.1:0"));
    ServeProcess server = cleanup.start(() -> ServeProcess.start("server", options.jar(), serve,
        store.directory().resolve("serve.log")));
    server.awaitServing(SERVE_TIMEOUT);
    String admin = ReplicaCalls.adminToken(store.directory());
    ReplicaCalls calls = new ReplicaCalls(server, admin);
    ReplicaCalls.Created one = calls.createReadToken("HttpListStream: the token read alone");
    long expected = options.tokens() + 1L;
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI list = URI.create(server.http() + "/api/v0/tokens");
    URI get = URI.create(server.http() + "/api/v0/tokens/" + one.id());
    ServerHeap heap = cleanup.start(() -> ServerHeap.attach(server.pid()));

    log("warm-up: one list over HTTP and over gRPC, %d single reads", GETS);
    check(ListRead.read(client, list, admin, 0, null), expected);
    calls.listAll();
    SingleGets.median(client, get, admin, GETS);
    List<Run> runs = new ArrayList<>();
    for (int i = 1; i <= options.runs(); i++) {
      double getMillis = SingleGets.median(client, get, admin, GETS);
      long grpcBefore = heap.usedAfterFullGc();
      ServerHeap.Sampler grpcSampler = heap.sample();
      long grpcStart = System.nanoTime();
      long grpcListed = calls.listAll();
      double grpcMillis = (System.nanoTime() - grpcStart) / 1e6;
      long grpcPeak = grpcSampler.peak();
      if (grpcListed != expected) {
        throw new IllegalStateException("gRPC listed " + grpcListed + " tokens, not " + expected);
      }
      long before = heap.usedAfterFullGc();
      ServerHeap.Sampler sampler = heap.sample();
      ListRead.Timing timing = check(ListRead.read(client, list, admin, 0, null), expected);
      Run run = new Run(timing, getMillis, grpcMillis, before, sampler.peak(), grpcBefore,
          grpcPeak);
      runs.add(run);
      log("run %d: first byte %.1f ms (one token: %.2f ms), whole list %.0f ms (gRPC paged: %.0f"
          + " ms), %.1f MB, heap in use up to +%.1f MB (gRPC: +%.1f MB)", i,
          timing.firstByteMillis(), getMillis, timing.totalMillis(), grpcMillis,
          timing.bytes() / 1e6, mb(run.heapPeak() - before), mb(grpcPeak - grpcBefore));
    }
    log("probed run: %d full collections on the server while the list is read", PROBES);
    long liveBefore = heap.usedAfterFullGc();
    List<Long> probed = new ArrayList<>();
    check(ListRead.read(client, list, admin, expected / (PROBES + 1),
        sofar -> {
          if (probed.size() < PROBES) {
            probed.add(heap.usedAfterFullGc());
          }
        }), expected);
    log("probed run: live heap before %.1f MB, at the %d points %s MB", mb(liveBefore), PROBES,
        probed.stream().map(bytes -> String.format("%.1f", mb(bytes))).toList());
    calls.revoke(one.id());
    return print(runs, liveBefore, probed.stream().mapToLong(Long::longValue).max()
        .orElseThrow(), heap.max(), expected);
  }

  private boolean print(List<Run> runs, long liveBefore, long liveMax, long heapMax,
      long expected) {
    double firstByte = median(runs, run -> run.list().firstByteMillis());
    double getMillis = median(runs, Run::getMillis);
    double total = median(runs, run -> run.list().totalMillis());
    double grpc = median(runs, Run::grpcListMillis);
    double peak = median(runs, run -> mb(run.heapPeak() - run.heapBefore()));
    double grpcPeak = median(runs, run -> mb(run.grpcHeapPeak() - run.grpcHeapBefore()));
    // signed: what a full collection frees varies, and the heap may hold less during than before
    double live = mb(liveMax - liveBefore);
    boolean firstByteMet = firstByte <= FIRST_BYTE_TARGET_MS;
    boolean heapMet = live <= HEAP_TARGET_MB;
    String row = "%-34s %-26s %-44s %-10s %s%n";
    System.out.printf(row, "FIGURE", "MEASURED", "BASELINE (same run)", "TARGET", "RESULT");
    System.out.printf(row, "first byte of the list", String.format("%.1f ms (%.1f×)", firstByte,
        firstByte / getMillis), String.format("GET of one token, whole: %.2f ms", getMillis),
        "<= 100 ms", firstByteMet ? "PASS" : "FAIL");
    System.out.printf(row, "heap held while it streams", String.format("%+.1f MB", live),
        String.format("live heap before: %.1f MB", mb(liveBefore)), "<= 64 MB",
        heapMet ? "PASS" : "FAIL");
    System.out.printf(row, "whole list", String.format("%,.0f ms (%.2f×)", total, total / grpc),
        String.format("gRPC ListDatabaseTokens, paged: %,.0f ms", grpc), "", "");
    System.out.printf(row, "heap in use while it streams", String.format("+%.1f MB (%.2f×)",
        peak, peak / grpcPeak), String.format("gRPC ListDatabaseTokens, paged: +%.1f MB",
        grpcPeak), "", "");
    System.out.printf("%nlist: %,d tokens, %.1f MB of JSON over HTTP/1.1; medians of %d runs;"
        + " the server's heap may grow to %,.0f MB%n", expected, runs.get(0).list().bytes() / 1e6,
        runs.size(), mb(heapMax));
    System.out.printf("heap held: the most in use after full collections forced at %d evenly"
        + " spaced points while a list was read (the reading paused meanwhile), less the same"
        + " just before it%n", PROBES);
    System.out.printf("heap in use: the most in use, sampled every 5 ms while a list was read,"
        + " garbage not yet collected included, less the live heap just before it; the same"
        + " for the gRPC list%n");
    return firstByteMet && heapMet;
  }

  private static ListRead.Timing check(ListRead.Timing timing, long expected) {
    if (timing.tokens() != expected) {
      throw new IllegalStateException("GET /api/v0/tokens held " + timing.tokens()
          + " tokens, not " + expected);
    }
    return timing;
  }

  private static double median(List<Run> runs, ToDoubleFunction<Run> figure) {
    double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  private static void log(String format, Object... values) {
    System.err.println(String.format(format, values));
  }
}
