package dev.tollgate.persistence;

import dev.tollgate.bench.BenchArgs;
import dev.tollgate.bench.BenchMain;
import dev.tollgate.bench.Cleanup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall time of {@code java -jar tollgate.jar migrate} for N tokens stored in H2 (the benchmarks'
 * mix, one event each), from H2 into an empty PostgreSQL database, then back into a new H2 file;
 * each run includes the JVM's start, the schema migration and the comparison of both sides.
 * {@code --max-heap} caps the migrating process's heap, to show that it streams.
 */
public final class MigrateBenchmark {

  private MigrateBenchmark() {}

  /** The command line's choices. */
  record Options(Path jar, int tokens, String maxHeap) {}

  static final String USAGE = "usage: MigrateBenchmark --jar app/target/tollgate.jar"
      + " [--tokens N] [--max-heap 64m]";

  public static void main(String[] args) {
    BenchMain.run("MigrateBenchmark", USAGE, args, MigrateBenchmark::parse,
        MigrateBenchmark::run);
  }

  /** Both ways, timed; the embedded databases are stopped however the run ends. */
  private static boolean run(Options options, Cleanup cleanup) throws Exception {
    BenchDatabase h2 = cleanup.start(() -> BenchDatabase.start("h2"));
    BenchDatabase postgres = cleanup.start(() -> BenchDatabase.start("postgres"));
    long seedStarted = System.nanoTime();
    h2.seed(options.tokens(), false);
    System.out.printf("seeded %,d tokens into H2 in %.1f s (not part of the figure)%n",
        options.tokens(), (System.nanoTime() - seedStarted) / 1e9);
    postgres.createDatabase("migrated");
    String to = postgres.jdbcUrl("migrated");
    double there = tollgate(options, List.of("migrate", "--from", h2.settings().jdbcUrl(), "--to", to,
        "--to-user", postgres.user()));
    Path back = h2.directory().resolve("back");
    double backAgain = tollgate(options, List.of("migrate", "--from", to, "--from-user", postgres.user(),
        "--to", "jdbc:h2:file:" + back.resolve("tollgate")));
    System.out.println();
    System.out.printf("%-20s %12s %10s%n", "direction", "tokens", "seconds");
    System.out.printf("%-20s %,12d %10.1f%n", "H2 -> PostgreSQL", options.tokens(), there);
    System.out.printf("%-20s %,12d %10.1f%n", "PostgreSQL -> H2", options.tokens(), backAgain);
    return true;
  }

  /**
   * Runs {@code tollgate ARGS} in a heap of {@code --max-heap}, its progress shown as it comes and
   * none of the user's TOLLGATE_* variables; returns its seconds.
   */
  static double tollgate(Options options, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    if (options.maxHeap() != null) {
      command.add("-Xmx" + options.maxHeap());
    }
    command.addAll(List.of("-jar", options.jar().toAbsolutePath().toString()));
    command.addAll(args);
    long started = System.nanoTime();
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().keySet().removeIf(variable -> variable.startsWith("TOLLGATE_"));
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.print(out);
    if (exit != 0) {
      throw new IllegalStateException("tollgate " + args.get(0) + " exited with " + exit);
    }
    return seconds;
  }

  static Options parse(String[] args) {
    Path jar = null;
    int tokens = 100_000;
    String maxHeap = null;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--jar" -> jar = Path.of(value);
        case "--tokens" -> tokens = BenchArgs.positive(option, value);
        case "--max-heap" -> {
          if (!value.matches("[1-9][0-9]*[kmg]")) {
            throw new IllegalArgumentException("--max-heap \"" + value + "\" is not a heap size;"
                + " expected a number with k, m or g, such as 64m");
          }
          maxHeap = value;
        }
        default -> throw new IllegalArgumentException("unknown option " + option
            + "; expected --jar, --tokens or --max-heap");
      }
    }
    return new Options(BenchArgs.jar(jar), tokens, maxHeap);
  }
}
