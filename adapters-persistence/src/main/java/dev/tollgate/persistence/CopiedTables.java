package dev.tollgate.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every table a store holds, column by column, as {@code tollgate migrate} copies them: in an
 * order that inserts a token before its permissions. A test holds this list to the migrated
 * schema, so that a new column cannot be left behind.
 */
final class CopiedTables {

  /** How a column's values are read, written and written down for the digest. */
  enum Kind {
    TEXT, ID, TIME, NUMBER;

    Object read(ResultSet rs, int column) throws SQLException {
      switch (this) {
        case TEXT:
          return rs.getString(column);
        case ID:
          return rs.getObject(column, UUID.class);
        case TIME:
          OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
          return time == null ? null : time.toInstant();
        default:
          long number = rs.getLong(column);
          return rs.wasNull() ? null : number;
      }
    }

    void write(PreparedStatement statement, int column, Object value) throws SQLException {
      if (value == null) {
        statement.setNull(column, switch (this) {
          case TEXT -> Types.VARCHAR;
          case ID -> Types.OTHER;
          case TIME -> Types.TIMESTAMP_WITH_TIMEZONE;
          case NUMBER -> Types.BIGINT;
        });
      } else if (this == TIME) {
        statement.setObject(column, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
      } else if (this == NUMBER) {
        statement.setLong(column, (Long) value);
      } else {
        statement.setObject(column, value);
      }
    }
  }

  /** A column and how to treat it. */
  record Column(String name, Kind kind) {}

  /** A table and its columns, each named once. */
  record Table(String name, List<Column> columns) {

    String select() {
      return "select " + names() + " from " + name;
    }

    String insert() {
      return "insert into " + name + " (" + names() + ") values ("
          + columns.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
    }

    private String names() {
      return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }
  }

  static final Table TOKENS = new Table("tokens", List.of(id("id"),
      text("kind"), text("description"), text("token_prefix"), text("hash_algorithm"),
      text("hash"), time("created_at"), text("created_by"), time("updated_at"),
      time("expires_at"), time("revoked_at"), text("revoked_by"), time("last_used_at"),
      number("version"), text("previous_hash_algorithm"), text("previous_hash"),
      time("previous_valid_until")));
  static final Table PERMISSIONS = new Table("token_permissions", List.of(
      id("token_id"), text("action"), text("resource")));
  static final Table EVENTS = new Table("token_events", List.of(number("seq"), time("at"),
      id("token_id"), text("event"), text("actor"), text("detail"), text("changes")));
  static final Table BOOTSTRAP_ADMIN = new Table("bootstrap_admin", List.of(number("id"),
      text("hash_algorithm"), text("hash"), time("created_at"), number("generation"),
      text("kept_at")));
  static final Table RETIRED = new Table("bootstrap_admin_retired", List.of(
      text("hash_algorithm"), text("hash"), time("retired_at")));

  /** In the order they are filled; emptied in the reverse order. */
  static final List<Table> ALL = List.of(TOKENS, PERMISSIONS, EVENTS, BOOTSTRAP_ADMIN, RETIRED);

  private CopiedTables() {}

  private static Column text(String name) {
    return new Column(name, Kind.TEXT);
  }

  private static Column id(String name) {
    return new Column(name, Kind.ID);
  }

  private static Column time(String name) {
    return new Column(name, Kind.TIME);
  }

  private static Column number(String name) {
    return new Column(name, Kind.NUMBER);
  }
}
