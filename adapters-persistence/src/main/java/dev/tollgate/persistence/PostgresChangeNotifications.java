package dev.tollgate.persistence;

import dev.tollgate.domain.port.out.ChangeNotifications;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's LISTEN/NOTIFY as the "changes may be waiting" signal: every committed change
 * notifies {@code tollgate_token_events} (JdbiTokenRepository), and a thread with a connection of
 * its own, outside the pool, listens for it. After every (re)connection it signals once, since
 * notifications sent while it was away are lost.
 */
final class PostgresChangeNotifications implements ChangeNotifications {

  static final String CHANNEL = "tollgate_token_events";

  private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeNotifications.class);
  private static final int WAIT_MILLIS = 1_000;
  private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(10);

  private final DatabaseSettings settings;

  PostgresChangeNotifications(DatabaseSettings settings) {
    this.settings = settings;
  }

  @Override
  public AutoCloseable subscribe(Listener listener) {
    Listening listening = new Listening(listener);
    Thread thread = new Thread(listening, "tollgate-listen");
    thread.setDaemon(true);
    thread.start();
    return () -> {
      listening.running = false;
      thread.interrupt();
      thread.join(WAIT_MILLIS * 2L);
    };
  }

  private final class Listening implements Runnable {

    private final Listener listener;
    private volatile boolean running = true;

    Listening(Listener listener) {
      this.listener = listener;
    }

    @Override
    public void run() {
      long delay = 100;
      boolean reported = false;
      while (running) {
        try (Connection connection = connect()) {
          try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
          }
          if (reported) {
            LOG.info("listening for token changes in {} again", settings.describe());
          }
          reported = false;
          delay = 100;
          listener.notificationsListening();
          PGConnection postgres = connection.unwrap(PGConnection.class);
          while (running) {
            PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
              listener.changesSignalled();
            }
          }
        } catch (SQLException | RuntimeException e) {
          if (!running) {
            return;
          }
          listener.notificationsStopped("cannot listen for token changes in "
              + settings.describe() + ": " + e.getMessage());
          if (!reported) {
            LOG.warn("cannot listen for token changes in {}: {}; polling only until it is back",
                settings.describe(), e.getMessage());
            reported = true;
          }
          try {
            Thread.sleep(delay);
          } catch (InterruptedException interrupted) {
            return;
          }
          delay = Math.min(MAX_RECONNECT_DELAY.toMillis(), delay * 2);
        }
      }
    }

    private Connection connect() throws SQLException {
      Properties properties = new Properties();
      settings.user().ifPresent(user -> properties.setProperty("user", user));
      settings.password().ifPresent(password -> properties.setProperty("password", password));
      properties.setProperty("connectTimeout", "5");
      properties.setProperty("tcpKeepAlive", "true");
      return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }
  }
}
