package dev.tollgate.persistence;

import dev.tollgate.domain.model.UnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;

/**
 * Tells a database that cannot be reached (down, restarting, network cut, pool exhausted) from
 * one that refused a statement: the first is {@link UnavailableException}, which callers may
 * retry; anything else passes through unchanged.
 */
final class Unreachable {

  private Unreachable() {}

  /** Runs the work, turning a failure to reach the database into {@link UnavailableException}. */
  static <T> T translate(DatabaseSettings settings, Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      if (isConnectionFailure(e)) {
        throw new UnavailableException("the token database " + settings.describe()
            + " cannot be reached (" + rootMessage(e) + "); retry once it is back");
      }
      throw e;
    }
  }

  static boolean isConnectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
