package dev.tollgate.persistence;

import dev.tollgate.bench.TokenMix;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Fills a migrated token store fast with JDBC batches, in the benchmarks' mix: 80% database
 * tokens with read and write on one of 1,000 databases, 20% management tokens (or none), half
 * expiring, each created a microsecond after the one before (lists page in creation order, and a
 * million equal times would make each page a scan);
 * random hashes instead of hashes of real token strings, one CREATED event per token.
 */
final class Seeder {

  /** Tokens per transaction: about 9,000 rows with their permissions and events. */
  private static final int TOKENS_PER_COMMIT = 2_500;
  private static final String INSERT_TOKEN = "insert into tokens (id, kind, description,"
      + " token_prefix, hash_algorithm, hash, created_at, created_by, updated_at, expires_at,"
      + " version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
  private static final String INSERT_PERMISSION =
      "insert into token_permissions (token_id, action, resource) values (?, ?, ?)";
  private static final String INSERT_EVENT =
      "insert into token_events (at, token_id, event, actor, detail) values (?, ?, 'CREATED', ?, ?)";

  private final SplittableRandom random = new SplittableRandom(42);
  private final byte[] hash = new byte[64];
  private final OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
  private final OffsetDateTime expiry = now.plus(Duration.ofDays(365));

  private final boolean databaseOnly;
  private long seeded;

  private Seeder(boolean databaseOnly) {
    this.databaseOnly = databaseOnly;
  }

  /** Writes {@code tokens} tokens; on PostgreSQL also vacuums and analyzes, as autovacuum would. */
  static void seed(DataSource pool, boolean postgres, int tokens) throws SQLException {
    seed(pool, postgres, tokens, false);
  }

  /** The same, every token a database token when {@code databaseOnly}. */
  static void seed(DataSource pool, boolean postgres, int tokens, boolean databaseOnly)
      throws SQLException {
    Seeder seeder = new Seeder(databaseOnly);
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      for (int done = 0; done < tokens; done += TOKENS_PER_COMMIT) {
        seeder.batch(connection, Math.min(TOKENS_PER_COMMIT, tokens - done));
        connection.commit();
      }
      connection.setAutoCommit(true);
      if (postgres) {
        try (Statement vacuum = connection.createStatement()) {
          vacuum.execute("vacuum analyze");
        }
      }
    }
  }

  private void batch(Connection connection, int count) throws SQLException {
    try (PreparedStatement tokens = connection.prepareStatement(INSERT_TOKEN);
        PreparedStatement permissions = connection.prepareStatement(INSERT_PERMISSION);
        PreparedStatement events = connection.prepareStatement(INSERT_EVENT)) {
      for (int i = 0; i < count; i++) {
        UUID id = randomUuid();
        boolean database = random.nextInt(10) < 8 || databaseOnly;
        random.nextBytes(hash);
        tokens.setObject(1, id);
        tokens.setString(2, database ? "DATABASE" : "MANAGEMENT");
        tokens.setString(3, "seeded token");
        tokens.setString(4, database ? "apiv1_xxx" : "M.V1.xxxx");
        tokens.setString(5, "sha512");
        tokens.setString(6, HexFormat.of().formatHex(hash));
        tokens.setObject(7, now.plusNanos(1_000 * seeded++));
        tokens.setString(8, "bootstrap-admin");
        tokens.setObject(9, now);
        if (random.nextBoolean()) {
          tokens.setObject(10, expiry);
        } else {
          tokens.setNull(10, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        tokens.addBatch();
        if (database) {
          String name = TokenMix.databaseName(random.nextInt(TokenMix.DATABASES));
          for (String action : new String[] {"read", "write"}) {
            permissions.setObject(1, id);
            permissions.setString(2, action);
            permissions.setString(3, name);
            permissions.addBatch();
          }
        }
        events.setObject(1, now);
        events.setObject(2, id);
        events.setString(3, "bootstrap-admin");
        events.setString(4, database ? "database token" : "management token");
        events.addBatch();
      }
      tokens.executeBatch();
      permissions.executeBatch();
      events.executeBatch();
    }
  }

  /** A version 4 UUID from the seeded generator, as {@link UUID#randomUUID()} makes them. */
  private UUID randomUuid() {
    return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
        (random.nextLong() & ~(3L << 62)) | (1L << 63));
  }
}
