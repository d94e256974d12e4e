package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Lets a revoked token be purged while its events stay as the audit trail: {@code token_events}
 * no longer references {@code tokens}, and an event may be PURGED. V1 left both constraints
 * unnamed, so their names differ between H2 and PostgreSQL; this finds them by what they are.
 */
public class V3__purgeable_tokens extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    List<String> drop = new ArrayList<>();
    DatabaseMetaData meta = connection.getMetaData();
    String table = meta.storesUpperCaseIdentifiers() ? "TOKEN_EVENTS" : "token_events";
    try (ResultSet keys = meta.getImportedKeys(null, null, table)) {
      while (keys.next()) {
        drop.add(keys.getString("FK_NAME"));
      }
    }
    try (PreparedStatement checks = connection.prepareStatement("select tc.constraint_name"
        + " from information_schema.table_constraints tc join information_schema.check_constraints"
        + " cc on cc.constraint_name = tc.constraint_name"
        + " where lower(tc.table_name) = 'token_events' and tc.constraint_type = 'CHECK'"
        + " and cc.check_clause like '%REVOKED%'")) {
      try (ResultSet rows = checks.executeQuery()) {
        while (rows.next()) {
          drop.add(rows.getString(1));
        }
      }
    }
    try (Statement statement = connection.createStatement()) {
      for (String constraint : drop) {
        statement.execute("alter table token_events drop constraint \"" + constraint + "\"");
      }
      statement.execute("alter table token_events add constraint token_events_event"
          + " check (event in ('CREATED', 'UPDATED', 'REVOKED', 'PURGED'))");
    }
  }
}
