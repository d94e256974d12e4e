package dev.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.port.out.ChangeNotifications;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.UnavailableException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL going away and coming back, and its change notifications. */
class PostgresOutageTest {

  @TempDir
  Path dataDirectory;

  private final DeterministicRandomSource random = new DeterministicRandomSource(5);

  private Token newToken() {
    return Token.issue(new TokenId(UUID.randomUUID()), TokenFormat.MANAGEMENT.generate(random),
        new Description("outage"), Set.of(), Optional.empty(), "test", Instant.now());
  }

  private EmbeddedPostgres start(int port) throws Exception {
    return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false).start();
  }

  @Test
  void databaseStopped_readsAndWritesAreUnavailable_andWorkAgainOnceItIsBack() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    EmbeddedPostgres postgres = start(port);
    DatabaseSettings settings = new DatabaseSettings(postgres.getJdbcUrl("postgres", "postgres"),
        Optional.of("postgres"), Optional.empty(), 2);
    try (HikariDataSource pool = Databases.openAndMigrate(settings)) {
      JdbiTokenRepository repository = new JdbiTokenRepository(Databases.jdbi(pool), settings);
      Token kept = newToken();
      repository.add(kept, TokenEvent.created(kept));

      postgres.close();
      Token attempted = newToken();

      assertThatThrownBy(repository::latestSeq).isInstanceOf(UnavailableException.class)
          .hasMessageContaining("cannot be reached").hasMessageContaining("retry");
      assertThatThrownBy(() -> repository.add(attempted, TokenEvent.created(attempted)))
          .isInstanceOf(UnavailableException.class);

      postgres = start(port);
      assertThat(repository.latestSeq()).isEqualTo(1);
      assertThat(repository.findById(kept.id())).isPresent();
      assertThat(repository.findById(attempted.id())).isEmpty();
    } finally {
      postgres.close();
    }
  }

  @Test
  void committedChange_notifiesEveryListener() throws Exception {
    DatabaseSettings settings = TestDatabases.freshPostgres();
    Semaphore signals = new Semaphore(0);
    Semaphore listeningSignals = new Semaphore(0);
    ChangeNotifications.Listener listener = new ChangeNotifications.Listener() {
      @Override
      public void changesSignalled() {
        signals.release();
      }

      @Override
      public void notificationsListening() {
        listeningSignals.release();
      }

      @Override
      public void notificationsStopped(String why) {}
    };
    try (HikariDataSource pool = Databases.openAndMigrate(settings);
        AutoCloseable listening = new PostgresChangeNotifications(settings).subscribe(listener)) {
      JdbiTokenRepository repository = new JdbiTokenRepository(Databases.jdbi(pool), settings);
      assertThat(listeningSignals.tryAcquire(30, TimeUnit.SECONDS)).as("listening").isTrue();

      Token token = newToken();
      repository.add(token, TokenEvent.created(token));

      assertThat(signals.tryAcquire(30, TimeUnit.SECONDS)).as("signal after the commit").isTrue();
    }
  }
}
