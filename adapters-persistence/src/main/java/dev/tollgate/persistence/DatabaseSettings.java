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
    if (!jdbcUrl.startsWith("jdbc:h2:file:") && !jdbcUrl.startsWith("jdbc:h2:mem:")
        && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("database URL " + redact(jdbcUrl) + " is not supported;"
          + " expected jdbc:postgresql://HOST[:PORT]/DATABASE, jdbc:h2:file:PATH or jdbc:h2:mem:NAME");
    }
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      H2UrlSettings.check(jdbcUrl, redact(jdbcUrl));
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("the pool needs at least one connection, not " + maxConnections);
    }
  }

  /**
   * The embedded default: an H2 file database in the data directory. The store is synced after
   * every write (JdbiTokenRepository), so an acknowledged change survives a killed process; H2's
   * background writer stays on and old file space is reused at once ({@code RETENTION_TIME=0}),
   * which keeps the file compact. With {@code WRITE_DELAY=0} instead, every commit left a chunk
   * behind that was never compacted: 30,000 tokens took 1.8 GB, with these settings 36 MB.
   */
  public static DatabaseSettings h2In(Path dataDirectory) {
    Path file = dataDirectory.toAbsolutePath().resolve("tollgate");
    return new DatabaseSettings("jdbc:h2:file:" + file + ";RETENTION_TIME=0;DB_CLOSE_ON_EXIT=FALSE",
        Optional.empty(), Optional.empty(), 8);
  }

  /** The file an H2 file database lives in, if this is one. */
  public Optional<Path> h2File() {
    if (!jdbcUrl.startsWith("jdbc:h2:file:")) {
      return Optional.empty();
    }
    String path = jdbcUrl.substring("jdbc:h2:file:".length());
    int settings = path.indexOf(';');
    return Optional.of(Path.of((settings < 0 ? path : path.substring(0, settings)) + ".mv.db"));
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
