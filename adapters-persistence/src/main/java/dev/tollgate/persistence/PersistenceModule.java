package dev.tollgate.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.tollgate.domain.port.out.ChangeNotifications;
import dev.tollgate.domain.port.out.StoreBackups;
import dev.tollgate.domain.port.out.TokenEvents;
import dev.tollgate.domain.port.out.TokenRepository;
import jakarta.inject.Singleton;
import org.jdbi.v3.core.Jdbi;

/**
 * Binds the token store to H2 or PostgreSQL as {@link DatabaseSettings} say; the schema is
 * migrated when the store is first needed. The pool joins the set of resources closed at shutdown.
 */
@Module
public abstract class PersistenceModule {

  private PersistenceModule() {}

  @Binds
  abstract TokenRepository tokenRepository(JdbiTokenRepository repository);

  @Binds
  abstract TokenEvents tokenEvents(JdbiTokenRepository repository);

  @Provides
  @Singleton
  static ChangeNotifications changeNotifications(DatabaseSettings settings) {
    return settings.isPostgres() ? new PostgresChangeNotifications(settings)
        : ChangeNotifications.NONE;
  }

  @Provides
  @Singleton
  static StoreBackups backups(DatabaseSettings settings, HikariDataSource dataSource) {
    return new DatabaseBackups(settings, dataSource);
  }

  @Provides
  @Singleton
  static HikariDataSource dataSource(DatabaseSettings settings) {
    return Databases.openAndMigrate(settings);
  }

  @Provides
  @Singleton
  static Jdbi jdbi(HikariDataSource dataSource) {
    return Databases.jdbi(dataSource);
  }

  @Provides
  @IntoSet
  static AutoCloseable closeDataSource(HikariDataSource dataSource) {
    return dataSource;
  }
}
