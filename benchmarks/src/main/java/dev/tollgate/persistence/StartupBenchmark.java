package dev.tollgate.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.tollgate.bench.BenchArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall time from starting {@code java -jar tollgate.jar serve} with N tokens stored in H2 or
 * PostgreSQL to its ready file, which it writes once it serves; and of that the loading, from the
 * moment it accepts connections (health NOT_SERVING) to the ready file.
 */
public final class StartupBenchmark {

  private static final Duration SERVE_TIMEOUT = Duration.ofMinutes(10);

  private StartupBenchmark() {}

  /** The command line's choices. */
  record Options(Path jar, int tokens, List<String> databases, int runs) {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: StartupBenchmark --jar app/target/tollgate.jar [--tokens N]"
          + " [--database h2|postgres|both] [--runs N]");
      System.exit(2);
      return;
    }
    List<String> rows = new ArrayList<>();
    for (String database : options.databases()) {
      try (BenchDatabase store = BenchDatabase.start(database)) {
        long seedStarted = System.nanoTime();
        try (HikariDataSource pool = Databases.openAndMigrate(store.bulkSettings())) {
          Seeder.seed(pool, store.isPostgres(), options.tokens());
        }
        System.out.printf("%s: seeded %,d tokens in %.1f s (not part of the figure)%n", database,
            options.tokens(), (System.nanoTime() - seedStarted) / 1e9);
        for (int run = 1; run <= options.runs(); run++) {
          Path log = Files.createTempFile("tollgate-serve-" + database + "-", ".log");
          ServerStart.Result result = ServerStart.run(options.jar(), store.serveOptions(), log,
              SERVE_TIMEOUT);
          System.out.printf("%s run %d: serving after %.2f s, of which loading %.2f s%n", database,
              run, result.seconds(), result.loadingSeconds());
          rows.add(String.format("%-9s %4d %,12d %14.2f %14.2f", database, run, options.tokens(),
              result.seconds(), result.loadingSeconds()));
          Files.delete(log);
        }
      }
    }
    System.out.println();
    System.out.printf("%-9s %4s %12s %14s %14s%n", "database", "run", "stored", "to serving s",
        "loading s");
    rows.forEach(System.out::println);
  }

  static Options parse(String[] args) {
    Path jar = null;
    int tokens = 1_000_000;
    List<String> databases = List.of("h2", "postgres");
    int runs = 1;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--jar" -> jar = Path.of(value);
        case "--tokens" -> tokens = BenchArgs.positive(option, value);
        case "--runs" -> runs = BenchArgs.positive(option, value);
        case "--database" -> databases = switch (value) {
          case "h2", "postgres" -> List.of(value);
          case "both" -> List.of("h2", "postgres");
          default -> throw new IllegalArgumentException("--database \"" + value
              + "\" is not a choice; expected h2, postgres or both");
        };
        default -> throw new IllegalArgumentException("unknown option \"" + option + "\"");
      }
    }
    return new Options(BenchArgs.jar(jar), tokens, databases, runs);
  }
}
