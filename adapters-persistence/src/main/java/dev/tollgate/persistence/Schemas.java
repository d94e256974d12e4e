package dev.tollgate.persistence;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The schema version of a store, read from Flyway's history, against the newest this Tollgate
 * knows: the one place {@code tollgate migrate} asks Flyway anything.
 */
final class Schemas {

  private Schemas() {}

  /** A store's schema: what it holds, and whether a later Tollgate than this one wrote it. */
  record Version(Optional<String> current, String newestKnown, boolean newer) {

    boolean isEmpty() {
      return current.isEmpty();
    }

    boolean isOlder() {
      return current.isPresent() && !newer && !current.get().equals(newestKnown);
    }

    String shown() {
      return current.map(version -> "version " + version).orElse("no schema");
    }
  }

  /** Reads the version of the store's schema; writes nothing. */
  static Version of(DatabaseSettings settings) {
    MigrationInfoService info = flyway(settings).info();
    boolean newer = Arrays.stream(info.all()).anyMatch(migration ->
        migration.getState() == MigrationState.FUTURE_SUCCESS
            || migration.getState() == MigrationState.FUTURE_FAILED);
    String newest = Arrays.stream(info.all())
        .filter(migration -> migration.getState() != MigrationState.FUTURE_SUCCESS
            && migration.getState() != MigrationState.FUTURE_FAILED)
        .map(MigrationInfo::getVersion)
        .max(Comparator.naturalOrder())
        .map(MigrationVersion::getVersion).orElse("0");
    MigrationInfo current = info.current();
    return new Version(Optional.ofNullable(current).map(c -> c.getVersion().getVersion()),
        newest, newer);
  }

  /**
   * The version of the schema of the store a server serves, e.g. "7", read on the connection
   * given (Flyway would take connections of its own from a pool the caller may have exhausted).
   */
  static String current(java.sql.Connection connection) throws java.sql.SQLException {
    MigrationVersion newest = MigrationVersion.fromVersion("0");
    try (java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet rows = statement.executeQuery("select \"version\" from"
            + " \"flyway_schema_history\" where \"success\" and \"version\" is not null")) {
      while (rows.next()) {
        MigrationVersion version = MigrationVersion.fromVersion(rows.getString(1));
        newest = version.compareTo(newest) > 0 ? version : newest;
      }
    }
    return newest.getVersion();
  }

  /** Brings the store's schema to the newest version, as {@code tollgate serve} does at start. */
  static void migrate(DatabaseSettings settings) {
    flyway(settings).migrate();
  }

  private static Flyway flyway(DatabaseSettings settings) {
    return Flyway.configure()
        .dataSource(settings.jdbcUrl(), settings.user().orElse(null),
            settings.password().orElse(null))
        .locations("classpath:db/migration")
        .load();
  }
}
