package dev.tollgate.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases tests run against: H2 files in a directory, and fresh databases in one real
 * PostgreSQL server, started once per test JVM from Maven Central binaries and stopped at exit.
 */
final class TestDatabases {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  static DatabaseSettings h2(Path directory) {
    return DatabaseSettings.h2In(directory);
  }

  /** A new, empty PostgreSQL database. */
  static synchronized DatabaseSettings freshPostgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          // the JVM is exiting
        }
      }));
    }
    String database = "test_" + DATABASES.incrementAndGet();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + database);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new DatabaseSettings(postgres.getJdbcUrl("postgres", database), Optional.of("postgres"),
        Optional.empty(), 4);
  }
}
