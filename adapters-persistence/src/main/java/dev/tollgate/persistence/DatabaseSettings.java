package dev.tollgate.persistence;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where tokens are stored: a JDBC URL for H2 or PostgreSQL, with optional credentials.
 *
 * @param maxConnections the size of the connection pool
 */
public record DatabaseSettings(String jdbcUrl, Optional<String> user, Optional<String> password,
    int maxConnections) {

  public DatabaseSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("database URL " + redact(jdbcUrl) + " is not supported;"
          + " expected jdbc:postgresql://HOST[:PORT]/DATABASE or jdbc:h2:...");
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("the pool needs at least one connection, not " + maxConnections);
    }
  }

  /**
   * The embedded default: an H2 file database in the data directory. Every commit is written to
   * the file before it returns ({@code WRITE_DELAY=0}), so an acknowledged change survives a
   * killed process.
   */
  public static DatabaseSettings h2In(Path dataDirectory) {
    Path file = dataDirectory.toAbsolutePath().resolve("tollgate");
    return new DatabaseSettings("jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
        Optional.empty(), Optional.empty(), 8);
  }

  /** Tells whether this is a PostgreSQL database. */
  public boolean isPostgres() {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  /** The URL with any password parameter blanked out, for log lines. */
  public String describe() {
    return redact(jdbcUrl);
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  @Override
  public String toString() {
    return "DatabaseSettings[" + describe() + ", user=" + user.orElse("") + ", password="
        + (password.isPresent() ? "***" : "") + ", maxConnections=" + maxConnections + "]";
  }
}
