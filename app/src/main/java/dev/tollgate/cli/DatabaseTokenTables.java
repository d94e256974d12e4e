package dev.tollgate.cli;

import dev.tollgate.proto.management.v1.DatabaseToken;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a database token looks in the {@code token} commands' tables, apart from the commands that
 * fetch it: the output shape changes with influxctl's, the commands with the API.
 */
final class DatabaseTokenTables {

  private DatabaseTokenTables() {}

  /** What a create or a rotation prints above the token string, then {@code last}. */
  static List<List<String>> issued(DatabaseToken token, List<String> last) {
    return List.of(
        List.of("id", token.getId()),
        List.of("description", token.getDescription()),
        List.of("permissions", permissions(token)),
        List.of("expires at", Tables.time(token.hasExpiresAt(), token.getExpiresAt())),
        last);
  }

  /** The permissions on one line: {@code read:db1, write:*}. */
  static String permissions(DatabaseToken token) {
    return token.getPermissionsList().stream().map(p -> p.getAction() + ":" + p.getResource())
        .collect(Collectors.joining(", "));
  }

  /** What get and update print: the token's fields, one per line. */
  static String keyValueTable(DatabaseToken token) {
    return Tables.keyValue(List.of(
        List.of("id", token.getId()),
        List.of("description", token.getDescription()),
        List.of("permissions", permissions(token)),
        List.of("created at", Tables.time(token.hasCreatedAt(), token.getCreatedAt())),
        List.of("expires at", Tables.time(token.hasExpiresAt(), token.getExpiresAt())),
        List.of("revoked at", Tables.time(token.hasRevokedAt(), token.getRevokedAt())),
        List.of("last used", Tables.time(token.hasLastUsedAt(), token.getLastUsedAt())),
        List.of("status", Expiry.status(TokenTimes.of(token), Instant.now()))));
  }
}
