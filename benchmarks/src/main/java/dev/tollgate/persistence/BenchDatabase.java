package dev.tollgate.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A store for one benchmark: H2 in a fresh directory, or a freshly started embedded PostgreSQL
 * that syncs its commits as a production one does (with a fresh directory for the server's other
 * files); both are gone after {@link #close()}, or after a start that failed.
 */
public final class BenchDatabase implements AutoCloseable {

  private final Path directory;
  private final EmbeddedPostgres postgres;
  private final DatabaseSettings settings;

  private BenchDatabase(Path directory, EmbeddedPostgres postgres, DatabaseSettings settings) {
    this.directory = directory;
    this.postgres = postgres;
    this.settings = settings;
  }

  /** Starts the store named {@code h2} or {@code postgres}. */
  public static BenchDatabase start(String kind) throws IOException {
    if (!kind.equals("h2") && !kind.equals("postgres")) {
      throw new IllegalArgumentException("database \"" + kind + "\" is not supported; expected"
          + " h2 or postgres");
    }
    Path directory = Files.createTempDirectory("tollgate-bench-" + kind + "-").toAbsolutePath();
    if (kind.equals("h2")) {
      return new BenchDatabase(directory, null, DatabaseSettings.h2In(directory));
    }
    // PostgreSQL's own files apart, which zonky removes when it stops it (from a shutdown hook too)
    Path postgresFiles = Files.createTempDirectory("tollgate-bench-postgres-data-");
    EmbeddedPostgres postgres;
    try {
      // zonky turns fsync and synchronous commit off for tests; a benchmark wants a durable commit
      postgres = EmbeddedPostgres.builder()
          .setDataDirectory(postgresFiles)
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .start();
    } catch (IOException | RuntimeException e) {
      delete(postgresFiles);
      delete(directory);
      throw e;
    }
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

  /** The directory removed on {@link #close()}, where a benchmark keeps its servers' files. */
  public Path directory() {
    return directory;
  }

  /** A JDBC URL of {@code database} on the embedded PostgreSQL, over 127.0.0.1. */
  public String jdbcUrl(String database) {
    requirePostgres();
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
  }

  /** The superuser of the embedded PostgreSQL, who needs no password on loopback. */
  public String user() {
    return settings.user().orElseThrow();
  }

  /** Creates an empty database of that name (letters, digits and underscores) on PostgreSQL. */
  public void createDatabase(String name) throws SQLException {
    requirePostgres();
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("database name \"" + name + "\" is not a plain"
          + " lower-case identifier");
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user(), null);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
  }

  private void requirePostgres() {
    if (!isPostgres()) {
      throw new IllegalStateException("this benchmark store is H2, not PostgreSQL");
    }
  }

  /**
   * Brings the schema up to date and fills the store with {@code tokens} tokens in the
   * benchmarks' mix, or database tokens only, as fast as JDBC batches go.
   */
  public void seed(int tokens, boolean databaseOnly) throws SQLException {
    try (HikariDataSource pool = Databases.openAndMigrate(bulkSettings())) {
      Seeder.seed(pool, isPostgres(), tokens, databaseOnly);
    }
  }

  /** The {@code tollgate serve} options that point the server at this store. */
  public List<String> serveOptions() {
    List<String> options = new ArrayList<>(List.of("--data-dir", directory.toString()));
    if (isPostgres()) {
      options.addAll(List.of("--database-url", settings.jdbcUrl(), "--database-user",
          settings.user().orElseThrow()));
    }
    return options;
  }

  /** Stops PostgreSQL, if it runs, and removes the directory with everything in it. */
  @Override
  public void close() {
    try {
      if (postgres != null) {
        postgres.close();
      }
    } catch (IOException e) {
      System.err.println("stopping the embedded PostgreSQL failed: " + e.getMessage());
    }
    delete(directory);
  }

  private static void delete(Path directory) {
    if (!Files.exists(directory)) {
      return;
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
