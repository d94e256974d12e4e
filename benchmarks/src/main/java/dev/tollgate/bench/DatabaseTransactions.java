package dev.tollgate.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Counts the transactions PostgreSQL committed or rolled back in one database, as
 * {@code pg_stat_database} reports them, through a connection to another database so that the
 * counting adds nothing to the count.
 *
 * <p>PostgreSQL (14, zonky's binaries) collects these counters lazily: a session sends its
 * counts when it goes idle, at most every 500 ms, so a session that ran two transactions within
 * 500 ms holds the second until its next idle moment. Windows are therefore taken while the load
 * is steady, where as much is held back at the start as at the end, and long enough (20 s) that
 * the few transactions left held back weigh little.
 */
final class DatabaseTransactions implements AutoCloseable {

  /** What one window counted. */
  record Window(long transactions, double seconds) {

    double perSecond() {
      return transactions / seconds;
    }
  }

  private final Connection connection;
  private final String database;

  /**
   * Opens the counting connection.
   *
   * @param otherDatabaseUrl a JDBC URL of a database other than the one counted
   */
  DatabaseTransactions(String otherDatabaseUrl, String user, String database) throws SQLException {
    if (otherDatabaseUrl.endsWith("/" + database)) {
      throw new IllegalArgumentException("count " + database + " from another database, not from"
          + " itself: its own queries would be counted");
    }
    this.connection = DriverManager.getConnection(otherDatabaseUrl, user, null);
    this.connection.setAutoCommit(true);
    this.database = database;
  }

  /** Transactions committed plus rolled back so far, as the statistics know them now. */
  long count() throws SQLException {
    // auto-commit: every query is a transaction of its own, which reads fresh statistics
    return query("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = ?");
  }

  /** Counts over a window of wall time during which the caller's load stays as it is. */
  Window over(Duration window) throws SQLException, InterruptedException {
    long before = count();
    long started = System.nanoTime();
    Thread.sleep(window.toMillis());
    long after = count();
    return new Window(after - before, (System.nanoTime() - started) / 1e9);
  }

  private long query(String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, database);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("pg_stat_database has no row for database " + database
              + "; was it created?");
        }
        return row.getLong(1);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
