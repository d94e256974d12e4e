package dev.tollgate.persistence;

import dev.tollgate.persistence.CopiedTables.Column;
import dev.tollgate.persistence.CopiedTables.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Streams one table from a source connection into a target one, a batch at a time, and counts
 * and digests the rows as they pass; memory holds one fetch and one batch, whatever the size.
 */
final class TableCopy {

  static final int BATCH = 1_000;
  /** Progress lines per table at most, beside the first and the last. */
  private static final int STEPS = 10;
  /** Tables smaller than this get no lines in between. */
  private static final long STEPPED_FROM = 10_000;

  private TableCopy() {}

  /** Copies every row of {@code table} as stored and returns the source rows' count and digest. */
  static RowDigest copy(Connection source, Connection target, Table table,
      Consumer<String> progress) throws SQLException {
    long total = count(source, table, "");
    progress.accept(String.format(Locale.ROOT, "%s: copying %,d rows", table.name(), total));
    RowDigest digest = new RowDigest();
    long nextStep = 1;
    try (Statement select = source.createStatement();
        PreparedStatement insert = target.prepareStatement(table.insert())) {
      select.setFetchSize(BATCH);
      int batched = 0;
      try (ResultSet rows = select.executeQuery(table.select())) {
        while (rows.next()) {
          List<Object> values = read(rows, table);
          digest.add(values);
          for (int i = 0; i < values.size(); i++) {
            table.columns().get(i).kind().write(insert, i + 1, values.get(i));
          }
          insert.addBatch();
          if (++batched == BATCH) {
            insert.executeBatch();
            batched = 0;
          }
          if (total >= STEPPED_FROM && digest.rows() * STEPS >= nextStep * total
              && digest.rows() < total) {
            progress.accept(String.format(Locale.ROOT, "%s: %,d of %,d rows (%d%%)",
                table.name(), digest.rows(), total, digest.rows() * 100 / total));
            nextStep = digest.rows() * STEPS / total + 1;
          }
        }
      }
      if (batched > 0) {
        insert.executeBatch();
      }
    }
    progress.accept(String.format(Locale.ROOT, "%s: %,d rows copied", table.name(),
        digest.rows()));
    return digest;
  }

  /** Counts and digests the rows of {@code table} that match {@code where} (or all: ""). */
  static RowDigest digest(Connection connection, Table table, String where) throws SQLException {
    RowDigest digest = new RowDigest();
    try (Statement select = connection.createStatement()) {
      select.setFetchSize(BATCH);
      try (ResultSet rows = select.executeQuery(table.select() + where)) {
        while (rows.next()) {
          digest.add(read(rows, table));
        }
      }
    }
    return digest;
  }

  static long count(Connection connection, Table table, String where) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from " + table.name() + where)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<Object> read(ResultSet rows, Table table) throws SQLException {
    List<Column> columns = table.columns();
    List<Object> values = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      values.add(columns.get(i).kind().read(rows, i + 1));
    }
    return values;
  }
}
