package dev.tollgate.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A store for one benchmark: H2 in a fresh directory, or a freshly started embedded PostgreSQL
 * that syncs its commits as a production one does (with a fresh directory for the server's other
 * files); both are gone after {@link #close()}.
 */
final class BenchDatabase implements AutoCloseable {

  private final Path directory;
  private final EmbeddedPostgres postgres;
  private final DatabaseSettings settings;

  private BenchDatabase(Path directory, EmbeddedPostgres postgres, DatabaseSettings settings) {
    this.directory = directory;
    this.postgres = postgres;
    this.settings = settings;
  }

  /** Starts the store named {@code h2} or {@code postgres}. */
  static BenchDatabase start(String kind) throws IOException {
    if (!kind.equals("h2") && !kind.equals("postgres")) {
      throw new IllegalArgumentException("database \"" + kind + "\" is not supported; expected"
          + " h2 or postgres");
    }
    Path directory = Files.createTempDirectory("tollgate-bench-" + kind + "-").toAbsolutePath();
    if (kind.equals("h2")) {
      return new BenchDatabase(directory, null, DatabaseSettings.h2In(directory));
    }
    // zonky turns fsync and synchronous commit off for tests; a benchmark wants a durable commit
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .start();
    return new BenchDatabase(directory, postgres, new DatabaseSettings(
        postgres.getJdbcUrl("postgres", "postgres"), Optional.of("postgres"), Optional.empty(), 4));
  }

  boolean isPostgres() {
    return postgres != null;
  }

  String name() {
    return isPostgres() ? "postgres" : "h2";
  }

  /** The settings Tollgate itself uses for this store. */
  DatabaseSettings settings() {
    return settings;
  }

  /** Settings for bulk loading: on PostgreSQL the driver turns batches into multi-row inserts. */
  DatabaseSettings bulkSettings() {
    if (!isPostgres()) {
      return settings;
    }
    String url = settings.jdbcUrl();
    return new DatabaseSettings(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
        settings.user(), settings.password(), settings.maxConnections());
  }

  /** The {@code tollgate serve} options that point the server at this store. */
  List<String> serveOptions() {
    List<String> options = new ArrayList<>(List.of("--data-dir", directory.toString()));
    if (isPostgres()) {
      options.addAll(List.of("--database-url", settings.jdbcUrl(), "--database-user",
          settings.user().orElseThrow()));
    }
    return options;
  }

  @Override
  public void close() {
    try {
      if (postgres != null) {
        postgres.close();
      }
    } catch (IOException e) {
      System.err.println("stopping the embedded PostgreSQL failed: " + e.getMessage());
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + directory, e);
    }
  }
}
