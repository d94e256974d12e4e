package dev.tollgate.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the connection pool, brings the schema up to date and sets Jdbi up for the token tables. */
final class Databases {

  private static final Logger LOG = LoggerFactory.getLogger(Databases.class);
  private static final java.time.Duration CONNECTION_TIMEOUT = java.time.Duration.ofSeconds(3);
  /**
   * Hikari checks a connection idle longer than this before lending it, with a statement that
   * PostgreSQL counts as a transaction; its default, 500 ms, made every 2-second safety poll of
   * an idle replica two transactions. A connection that died meanwhile fails its read instead,
   * which the follower retries, and Hikari replaces it.
   */
  static final String ALIVE_BYPASS_WINDOW = "com.zaxxer.hikari.aliveBypassWindowMs";

  private Databases() {}

  /** A pool over the configured database, whose schema has been migrated to the newest version. */
  static HikariDataSource openAndMigrate(DatabaseSettings settings) {
    // read once, when Hikari's pool class loads; an operator's own setting wins
    if (System.getProperty(ALIVE_BYPASS_WINDOW) == null) {
      System.setProperty(ALIVE_BYPASS_WINDOW, "10000");
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("tollgate");
    config.setJdbcUrl(settings.jdbcUrl());
    settings.user().ifPresent(config::setUsername);
    settings.password().ifPresent(config::setPassword);
    config.setMaximumPoolSize(settings.maxConnections());
    config.setMinimumIdle(1);
    // a database out of reach answers UNAVAILABLE within seconds, not after Hikari's 30
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    config.setValidationTimeout(Math.min(1_000, CONNECTION_TIMEOUT.toMillis() / 2));
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      throw new IllegalStateException("cannot open the database " + settings.describe() + ": "
          + root.getMessage(), e);
    }
    try {
      var result = Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      LOG.info("database {} at schema version {} ({} migration(s) applied)", settings.describe(),
          result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
          result.migrationsExecuted);
      settings.h2File().ifPresent(Databases::ownerOnly);
      return dataSource;
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /** Makes the H2 file readable and writable by its owner only: it holds every token's hash. */
  static void ownerOnly(Path file) {
    try {
      if (Files.exists(file)) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its own access rules apply
    } catch (IOException e) {
      LOG.warn("cannot make {} readable by its owner only: {}", file, e.getMessage());
    }
  }

  /** Jdbi over the pool, binding and reading instants as {@code timestamp with time zone}. */
  static Jdbi jdbi(HikariDataSource dataSource) {
    Jdbi jdbi = Jdbi.create(dataSource);
    jdbi.installPlugin(new SqlObjectPlugin());
    jdbi.registerArgument(new InstantArgumentFactory());
    jdbi.registerRowMapper(Rows.JoinedRow.class, (rs, ctx) -> Rows.joinedRow(rs));
    jdbi.registerRowMapper(dev.tollgate.domain.model.RecordedTokenEvent.class,
        (rs, ctx) -> Rows.recordedEvent(rs));
    jdbi.registerRowMapper(dev.tollgate.domain.model.TokenHash.class, (rs, ctx) -> Rows.hash(rs));
    jdbi.registerRowMapper(dev.tollgate.domain.model.BootstrapAdmin.class,
        (rs, ctx) -> Rows.bootstrapAdmin(rs));
    jdbi.registerRowMapper(Rows.EventRow.Joined.class, (rs, ctx) -> Rows.eventWithToken(rs));
    jdbi.registerRowMapper(Rows.AccessRow.class, (rs, ctx) -> Rows.accessRow(rs));
    jdbi.registerRowMapper(Rows.PermissionRow.class, (rs, ctx) -> Rows.permissionRow(rs));
    return jdbi;
  }

  /** Binds an {@link Instant} as a UTC {@link OffsetDateTime}, which both drivers store exactly. */
  private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {

    InstantArgumentFactory() {
      super(Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
      OffsetDateTime utc = OffsetDateTime.ofInstant(value, ZoneOffset.UTC);
      return (position, statement, context) -> statement.setObject(position, utc);
    }
  }
}
