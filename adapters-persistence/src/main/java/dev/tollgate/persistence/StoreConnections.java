package dev.tollgate.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/** One JDBC connection to each side of a copy, with refusals that say what is wrong. */
final class StoreConnections {

  /** H2's DATABASE_ALREADY_OPEN_1: another process holds the file's lock. */
  private static final int H2_FILE_IN_USE = 90020;

  private StoreConnections() {}

  /**
   * Connects to the source, which must exist: an H2 file that is missing is refused rather than
   * created empty.
   */
  static Connection source(DatabaseSettings settings) {
    Optional<Path> file = settings.h2File();
    if (file.isPresent() && !Files.isRegularFile(file.get())) {
      throw new IllegalArgumentException("--from " + settings.describe() + ": there is no H2"
          + " database at " + file.get() + "; expected the file of a stopped tollgate serve,"
          + " jdbc:h2:file:DATA-DIR/tollgate for DATA-DIR/tollgate.mv.db");
    }
    return open(settings, "--from");
  }

  /** Connects to the target; an H2 file that does not exist yet is created. */
  static Connection target(DatabaseSettings settings) {
    return open(settings, "--to");
  }

  private static Connection open(DatabaseSettings settings, String option) {
    Properties properties = new Properties();
    settings.user().ifPresent(user -> properties.setProperty("user", user));
    settings.password().ifPresent(password -> properties.setProperty("password", password));
    if (settings.isPostgres()) {
      // batches go as multi-row inserts: several times faster for a million rows
      properties.setProperty("reWriteBatchedInserts", "true");
    }
    try {
      return DriverManager.getConnection(settings.jdbcUrl(), properties);
    } catch (SQLException e) {
      if (e.getErrorCode() == H2_FILE_IN_USE && settings.h2File().isPresent()) {
        throw new IllegalStateException(option + " " + settings.describe() + ": the H2 file "
            + settings.h2File().get() + " is in use by another process, most likely a running"
            + " tollgate serve; stop it first (H2 lets one process open the file at a time)", e);
      }
      throw new IllegalStateException(option + " " + settings.describe() + ": cannot connect: "
          + e.getMessage(), e);
    }
  }
}
