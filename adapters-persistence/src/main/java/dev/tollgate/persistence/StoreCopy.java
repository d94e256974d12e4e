package dev.tollgate.persistence;

import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.persistence.CopiedTables.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Copies a whole store, every table's rows as stored (hashes, never token strings), from one
 * database into another, H2 or PostgreSQL either way, then compares both sides. The copy is one
 * transaction on the target, so a copy interrupted at any point leaves the target as it was
 * (empty, or with {@code replace} its old rows), and running it again simply starts over.
 */
public final class StoreCopy {

  /** One table compared after the copy: rows and digest on each side. */
  public record TableCheck(String table, long sourceRows, long targetRows, String sourceDigest,
      String targetDigest) {

    public boolean matches() {
      return sourceRows == targetRows && sourceDigest.equals(targetDigest);
    }
  }

  /** What was copied and how it compared; {@code migratedSeq} numbers the MIGRATED event. */
  public record Result(List<TableCheck> tables, long migratedSeq) {

    public boolean matches() {
      return tables.stream().allMatch(TableCheck::matches);
    }
  }

  private StoreCopy() {}

  /**
   * Copies {@code from} into {@code to} and records one MIGRATED event at {@code at} after the
   * copied events; every refusal comes before anything is written.
   *
   * @param fromLabel the source as messages and the MIGRATED event name it: "--from URL", or
   *     "backup FILE (…)" for a restore
   * @param replace empty a target that holds rows first, instead of refusing it
   * @param progress receives a bounded number of lines for people
   * @throws IllegalArgumentException or IllegalStateException, naming the database, when refused
   */
  public static Result run(DatabaseSettings from, String fromLabel, DatabaseSettings to,
      boolean replace, Instant at, Consumer<String> progress) {
    refuseSameDatabase(from, to);
    try (Connection probe = StoreConnections.source(from)) {
      // refuses a missing file, or one another process holds, before Flyway reads it
    } catch (SQLException e) {
      throw new IllegalStateException(fromLabel + ": " + e.getMessage(), e);
    }
    checkSourceSchema(from, fromLabel, progress);
    // opened after Flyway's connections, as the target's below
    try (Connection source = StoreConnections.source(from)) {
      try (Connection target = StoreConnections.target(to)) {
        Schemas.Version targetSchema = Schemas.of(to);
        if (targetSchema.newer()) {
          throw new IllegalStateException("--to " + to.describe() + ": its schema ("
              + targetSchema.shown() + ") is newer than this Tollgate's (version "
              + targetSchema.newestKnown() + "); use the Tollgate that wrote it, or a later one");
        }
        if (!targetSchema.isEmpty()) {
          refuseOccupied(target, to, replace);
        }
      }
      Schemas.migrate(to);
      // a connection of its own after Flyway's: an H2 session opened before Flyway's closed
      // found its database closed under it
      try (Connection target = StoreConnections.target(to)) {
        return copy(source, target, fromLabel, from, to, replace, at, progress);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the copy from " + fromLabel + " to " + to.describe()
          + " failed: " + e.getMessage() + "; the target keeps what it held before (the copy is"
          + " one transaction), so run the same command again", e);
    }
  }

  private static void refuseSameDatabase(DatabaseSettings from, DatabaseSettings to) {
    boolean same = from.h2File().isPresent() && to.h2File().isPresent()
        ? from.h2File().get().toAbsolutePath().normalize()
            .equals(to.h2File().get().toAbsolutePath().normalize())
        : from.jdbcUrl().equals(to.jdbcUrl());
    if (same) {
      throw new IllegalArgumentException("--from and --to both name " + to.describe()
          + "; expected two different databases");
    }
  }

  private static void checkSourceSchema(DatabaseSettings from, String fromLabel,
      Consumer<String> progress) {
    Schemas.Version schema = Schemas.of(from);
    if (schema.newer()) {
      throw new IllegalStateException(fromLabel + ": its schema ("
          + schema.shown() + ") is newer than this Tollgate's (version " + schema.newestKnown()
          + "); migrate with the Tollgate that wrote it, or a later one");
    }
    if (schema.isEmpty()) {
      throw new IllegalArgumentException(fromLabel + " holds no Tollgate"
          + " store (no schema history); expected a database that tollgate serve has used");
    }
    if (schema.isOlder()) {
      progress.accept("source schema at " + schema.shown() + ": bringing it to version "
          + schema.newestKnown() + " first, as tollgate serve does at start");
      Schemas.migrate(from);
    }
  }

  private static void refuseOccupied(Connection target, DatabaseSettings to, boolean replace)
      throws SQLException {
    long tokens = TableCopy.count(target, CopiedTables.TOKENS, "");
    long others = 0;
    for (Table table : CopiedTables.ALL) {
      others += table == CopiedTables.TOKENS ? 0 : TableCopy.count(target, table, "");
    }
    if (tokens + others > 0 && !replace) {
      throw new IllegalStateException(String.format(Locale.ROOT, "--to %s already holds %,d"
          + " tokens (and %,d other rows: permissions, events, the bootstrap admin); give"
          + " --replace to replace them all with the source's, or choose an empty database",
          to.describe(), tokens, others));
    }
  }

  private static Result copy(Connection source, Connection target, String fromLabel,
      DatabaseSettings from, DatabaseSettings to, boolean replace, Instant at, Consumer<String> progress)
      throws SQLException {
    // one snapshot of the source; PostgreSQL streams through a cursor only inside a transaction,
    // H2 only with lazy execution
    source.setAutoCommit(false);
    source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    if (!from.isPostgres()) {
      execute(source, "SET LAZY_QUERY_EXECUTION TRUE");
    }
    long sourceSeq = maxSeq(source);
    long migratedSeq = sourceSeq + 1;
    // before the transaction: on H2 a schema change commits; harmless should the copy not finish
    execute(target, "alter table token_events alter column seq restart with "
        + (Math.max(migratedSeq, maxSeq(target)) + 1));
    target.setAutoCommit(false);
    Map<Table, RowDigest> copied = new LinkedHashMap<>();
    try {
      if (replace) {
        for (int i = CopiedTables.ALL.size() - 1; i >= 0; i--) {
          execute(target, "delete from " + CopiedTables.ALL.get(i).name());
        }
      }
      for (Table table : CopiedTables.ALL) {
        copied.put(table, TableCopy.copy(source, target, table, progress));
      }
      recordMigrated(target, migratedSeq, TokenEvent.migrated(at, String.format(Locale.ROOT,
          "copied from %s: %,d tokens, %,d events", shortened(fromLabel.replaceFirst("^--from ", "")),
          copied.get(CopiedTables.TOKENS).rows(), copied.get(CopiedTables.EVENTS).rows())));
      target.commit();
    } catch (SQLException | RuntimeException e) {
      target.rollback();
      throw e;
    }
    source.commit();
    progress.accept("committed; comparing source and target");
    try {
      if (!to.isPostgres()) {
        // it holds every token's hash, as the server's own H2 file does
        to.h2File().ifPresent(Databases::ownerOnly);
        target.setAutoCommit(true);
        execute(target, "CHECKPOINT SYNC");
        target.setAutoCommit(false);
      }
      // in a transaction, so that PostgreSQL streams the rows through a cursor; H2 keeps a large
      // result in a temporary file (a lazy read of a million rows just after the copy's commit
      // failed with "Chunk not found" while H2 compacted the file)
      List<TableCheck> checks = compare(target, copied, sourceSeq);
      target.commit();
      return new Result(checks, migratedSeq);
    } catch (SQLException e) {
      throw new IllegalStateException("the copy into " + to.describe() + " was committed, but"
          + " reading it back to compare with the source failed: " + e.getMessage()
          + "; run the same command again with --replace to copy and compare anew", e);
    }
  }

  private static List<TableCheck> compare(Connection target, Map<Table, RowDigest> copied,
      long sourceSeq) throws SQLException {
    List<TableCheck> checks = new ArrayList<>();
    for (Map.Entry<Table, RowDigest> entry : copied.entrySet()) {
      Table table = entry.getKey();
      RowDigest there = TableCopy.digest(target, table,
          table == CopiedTables.EVENTS ? " where seq <= " + sourceSeq : "");
      checks.add(new TableCheck(table.name(), entry.getValue().rows(), there.rows(),
          entry.getValue().hex(), there.hex()));
    }
    return checks;
  }

  private static void recordMigrated(Connection target, long seq, TokenEvent event)
      throws SQLException {
    try (PreparedStatement insert = target.prepareStatement("insert into token_events (seq, at,"
        + " token_id, event, actor, detail) values (?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, seq);
      insert.setObject(2, OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC));
      insert.setObject(3, event.tokenId().value());
      insert.setString(4, event.type().name());
      insert.setString(5, event.actor());
      insert.setString(6, event.detail());
      insert.executeUpdate();
    }
  }

  /** At most 800 characters of a name, so that the event's detail fits its column. */
  private static String shortened(String name) {
    return name.length() <= 800 ? name : name.substring(0, 799) + "…";
  }

  private static long maxSeq(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        var rows = statement.executeQuery("select coalesce(max(seq), 0) from token_events")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
