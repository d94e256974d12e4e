package dev.tollgate.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The rows {@link JdbiTokenRepository#add} writes for a database token with read and write on one
 * database, written with plain JDBC and the same durability: one transaction (with the NOTIFY on
 * PostgreSQL), then {@code CHECKPOINT SYNC} on H2. Not thread-safe.
 */
final class RawTokenInsert {

  private static final String INSERT_TOKEN = "insert into tokens (id, kind, description,"
      + " token_prefix, hash_algorithm, hash, created_at, created_by, updated_at, expires_at,"
      + " revoked_at, revoked_by, last_used_at, version)"
      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_PERMISSION =
      "insert into token_permissions (token_id, action, resource) values (?, ?, ?)";
  private static final String INSERT_EVENT =
      "insert into token_events (at, token_id, event, actor, detail) values (?, ?, ?, ?, ?)";

  private final DataSource pool;
  private final boolean postgres;
  private final String database;
  // a cheap generator: the hash only has to be random and unique, not secret
  private final SplittableRandom random = new SplittableRandom(11);
  private final byte[] hash = new byte[64];

  RawTokenInsert(DataSource pool, boolean postgres, String database) {
    this.pool = pool;
    this.postgres = postgres;
    this.database = database;
  }

  /** Writes one token with its permissions and its CREATED event; returns its id. */
  UUID insert() throws SQLException {
    UUID id = UUID.randomUUID();
    random.nextBytes(hash);
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        insertRows(connection, id, HexFormat.of().formatHex(hash), now);
        if (postgres) {
          try (Statement notify = connection.createStatement()) {
            notify.execute("notify tollgate_token_events");
          }
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
      if (!postgres) {
        try (Statement sync = connection.createStatement()) {
          sync.execute("CHECKPOINT SYNC");
        }
      }
    }
    return id;
  }

  private void insertRows(Connection connection, UUID id, String hashHex, OffsetDateTime now)
      throws SQLException {
    try (PreparedStatement token = connection.prepareStatement(INSERT_TOKEN)) {
      token.setObject(1, id);
      token.setString(2, "DATABASE");
      token.setString(3, "benchmark token");
      token.setString(4, "apiv1_raw");
      token.setString(5, "sha512");
      token.setString(6, hashHex);
      token.setObject(7, now);
      token.setString(8, "bootstrap-admin");
      token.setObject(9, now);
      token.setNull(10, Types.TIMESTAMP_WITH_TIMEZONE);
      token.setNull(11, Types.TIMESTAMP_WITH_TIMEZONE);
      token.setNull(12, Types.VARCHAR);
      token.setNull(13, Types.TIMESTAMP_WITH_TIMEZONE);
      token.setLong(14, 1);
      token.executeUpdate();
    }
    try (PreparedStatement permission = connection.prepareStatement(INSERT_PERMISSION)) {
      for (String action : new String[] {"read", "write"}) {
        permission.setObject(1, id);
        permission.setString(2, action);
        permission.setString(3, database);
        permission.addBatch();
      }
      permission.executeBatch();
    }
    try (PreparedStatement event = connection.prepareStatement(INSERT_EVENT)) {
      event.setObject(1, now);
      event.setObject(2, id);
      event.setString(3, "CREATED");
      event.setString(4, "bootstrap-admin");
      event.setString(5, "database token");
      event.executeUpdate();
    }
  }
}
