package dev.tollgate.persistence;

import dev.tollgate.bench.BenchMain;
import dev.tollgate.bench.Cleanup;
import dev.tollgate.bench.ServeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * Wall time of {@code tollgate backup} from a running server over N tokens stored in H2 (the
 * benchmarks' mix, one event each) and of {@code tollgate restore} of that file into a new data
 * directory, each with its JVM's start, beside a baseline measured in the same run: {@code
 * tollgate migrate} of the same store, H2 file to H2 file, which restore is plus unpacking.
 * {@code --max-heap} caps the heap of each of these tollgate processes.
 */
public final class BackupBenchmark {

  private BackupBenchmark() {}

  static final String USAGE = "usage: BackupBenchmark --jar app/target/tollgate.jar"
      + " [--tokens N] [--max-heap 256m]";

  public static void main(String[] args) {
    BenchMain.run("BackupBenchmark", USAGE, args, MigrateBenchmark::parse, BackupBenchmark::run);
  }

  private static boolean run(MigrateBenchmark.Options options, Cleanup cleanup) throws Exception {
    BenchDatabase h2 = cleanup.start(() -> BenchDatabase.start("h2"));
    long seedStarted = System.nanoTime();
    h2.seed(options.tokens(), false);
    System.out.printf("seeded %,d tokens into H2 in %.1f s (not part of the figures)%n",
        options.tokens(), (System.nanoTime() - seedStarted) / 1e9);
    Path work = h2.directory();
    Path file = work.resolve("backup.zip");
    double backup;
    try (ServeProcess server = ServeProcess.start("backup", options.jar(), h2.serveOptions(),
        work.resolve("serve.log"))) {
      server.awaitServing(Duration.ofMinutes(10));
      Path config = work.resolve("config.toml");
      Files.writeString(config, "[[profile]]\nname = \"default\"\nproduct = \"clustered\"\n"
          + "host = \"127.0.0.1\"\nport = \"" + server.address().replaceFirst(".*:", "")
          + "\"\n\n[profile.tls]\ndisable = true\n\n[profile.auth.token]\ntoken_file = \""
          + work.resolve("admin-token.json") + "\"\n");
      Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
      backup = MigrateBenchmark.tollgate(options, List.of("--config", config.toString(), "backup",
          file.toString()));
    }
    double restore = MigrateBenchmark.tollgate(options, List.of("restore", file.toString(),
        "--data-dir", work.resolve("restored").toString()));
    double migrate = MigrateBenchmark.tollgate(options, List.of("migrate", "--from",
        h2.settings().jdbcUrl(), "--to", "jdbc:h2:file:" + work.resolve("migrated")
            .resolve("tollgate")));
    System.out.println();
    System.out.printf("%-34s %,12d tokens%n", "store", options.tokens());
    System.out.printf("%-34s %,12d bytes (the H2 file: %,d bytes)%n", "backup file",
        Files.size(file), Files.size(h2.settings().h2File().orElseThrow()));
    System.out.printf("%-34s %12.1f s%n", "backup of the running server", backup);
    System.out.printf("%-34s %12.1f s%n", "restore into a new data directory", restore);
    System.out.printf("%-34s %12.1f s%n", "baseline: migrate H2 to H2", migrate);
    System.out.printf("%-34s %12.2f%n", "RATIO restore / migrate", restore / migrate);
    System.out.printf("%-34s %12.2f%n", "RATIO backup / migrate", backup / migrate);
    return true;
  }
}
