package dev.tollgate.cli;

import dev.tollgate.options.Durations;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenResponse;
import dev.tollgate.proto.management.v1.DatabasePermissions;
import dev.tollgate.proto.management.v1.DatabaseToken;
import dev.tollgate.proto.management.v1.GetDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.ListDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.ListDatabaseTokensResponse;
import dev.tollgate.proto.management.v1.RevokeDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.RevokeResult;
import dev.tollgate.proto.management.v1.RotateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.RotateDatabaseTokenResponse;
import dev.tollgate.proto.management.v1.UpdateDatabaseTokenRequest;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tollgate token create|list|get|update|revoke}, as influxctl's database-token commands. */
@Command(name = "token", usageHelpAutoWidth = true,
    description = "Create, list, read, update and revoke database tokens.")
public final class TokenCommand {

  /** The subcommands, made only when the command line asks for them ({@link CommandTree}). */
  static final List<Class<?>> SUBCOMMANDS = List.of(Create.class, ListTokens.class, Get.class,
      Update.class, Revoke.class, Rotate.class);

  /** Base of the subcommands: the flag names that request fields come from, for messages. */
  abstract static class TokenSubcommand extends ClientCommand {

    Map<String, String> fieldFlags() {
      return Map.of("expires_at", "--expires-at", "description", "--description", "id", "TOKEN_ID");
    }

    <T> T call(Connection connection, Function<Connection, T> call) {
      try {
        return call.apply(connection);
      } catch (StatusRuntimeException e) {
        throw CallFailures.describe(e, connection, fieldFlags());
      }
    }

    void print(DatabaseToken token, FormatOption format) {
      out().println(format.json() ? Json.write(ProtoJson.of(token))
          : DatabaseTokenTables.keyValueTable(token));
      out().flush();
    }
  }

  /** {@code tollgate token create}. */
  @Command(name = "create", usageHelpAutoWidth = true, sortOptions = false,
      description = "Create a database token. The token string is printed this once.")
  static final class Create extends TokenSubcommand {

    @Mixin
    DatabaseFlags databases = new DatabaseFlags();

    @Mixin
    ExpiryOption expiry;

    @Mixin
    FormatOption format;

    @Parameters(paramLabel = "DESCRIPTION", description = "What the token is for.")
    String description;

    @Override
    Map<String, String> fieldFlags() {
      return Map.of("expires_at", "--expires-at", "description", "description");
    }

    @Override
    public Integer call() {
      CreateDatabaseTokenRequest.Builder request = CreateDatabaseTokenRequest.newBuilder()
          .setDescription(description).addAllPermissions(databases.permissions());
      expiresAt(expiry.expiresAt).ifPresent(request::setExpiresAt);
      try (Connection connection = connect()) {
        CreateDatabaseTokenResponse response =
            call(connection, c -> c.databaseTokens().createDatabaseToken(request.build()));
        DatabaseToken token = response.getToken();
        return printCreated(format, ProtoJson.of(token), DatabaseTokenTables.issued(token,
            List.of("revoked at", Tables.time(token.hasRevokedAt(), token.getRevokedAt()))),
            response.getAccessToken());
      }
    }
  }

  /** {@code tollgate token rotate}. */
  @Command(name = "rotate", usageHelpAutoWidth = true, sortOptions = false,
      description = {"Give a database token a new token string, printed this once; its id,"
          + " description, permissions and expiry stay.",
          "The previous string keeps working for --overlap, then stops."})
  static final class Rotate extends TokenSubcommand {

    @Mixin
    OverlapOption overlap;

    @Mixin
    FormatOption format;

    @Parameters(paramLabel = "TOKEN_ID", description = "Id of the token.")
    String id;

    @Override
    Map<String, String> fieldFlags() {
      return Map.of("overlap", "--overlap", "id", "TOKEN_ID");
    }

    @Override
    public Integer call() {
      RotateDatabaseTokenRequest request = RotateDatabaseTokenRequest.newBuilder().setId(id)
          .setOverlap(overlap.duration()).build();
      try (Connection connection = connect()) {
        RotateDatabaseTokenResponse response =
            call(connection, c -> c.databaseTokens().rotateDatabaseToken(request));
        DatabaseToken token = response.getToken();
        return printCreated(format, ProtoJson.of(token), DatabaseTokenTables.issued(token,
            List.of("previous string until", Tables.time(token.hasPreviousValidUntil(),
                token.getPreviousValidUntil()))), response.getAccessToken());
      }
    }
  }

  /** {@code tollgate token list}. */
  @Command(name = "list", usageHelpAutoWidth = true, sortOptions = false,
      description = "List database tokens.")
  static final class ListTokens extends TokenSubcommand {

    /** The columns {@code --sort} accepts. */
    enum Sort {
      created, id, description
    }

    @Option(names = "--include-revoked", description = "List revoked tokens too.")
    boolean includeRevoked;

    @Option(names = "--sort", paramLabel = "COLUMN", defaultValue = "created",
        description = "Sort by: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Sort sort;

    @Option(names = "--expiring-within", paramLabel = "DURATION",
        converter = Durations.Positive.class,
        description = "Only tokens in use now that expire within this, e.g. 7d or 72h.")
    Duration expiringWithin;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
      Instant now = Instant.now();
      Optional<Duration> within = Optional.ofNullable(expiringWithin);
      ListOutput<DatabaseToken> output = new ListOutput<>(out(), format.json(), List.of("ID",
          "DESCRIPTION", "PERMISSIONS", "CREATED AT", "EXPIRES AT", "LAST USED", "STATUS"),
          ProtoJson::of, token -> List.of(token.getId(), token.getDescription(),
              DatabaseTokenTables.permissions(token),
              Tables.time(token.hasCreatedAt(), token.getCreatedAt()),
              Tables.time(token.hasExpiresAt(), token.getExpiresAt()),
              Tables.time(token.hasLastUsedAt(), token.getLastUsedAt()),
              Expiry.status(TokenTimes.of(token), now)));
      try (Connection connection = connect()) {
        // the server's order is the default one: then every page is printed as it arrives
        output.printEveryPage(pageToken -> call(connection, c -> c.databaseTokens()
                .listDatabaseTokens(ListDatabaseTokensRequest.newBuilder()
                    .setIncludeRevoked(includeRevoked).setPageToken(pageToken).build())),
            page -> within.isEmpty() ? page.getTokensList() : page.getTokensList().stream()
                .filter(token -> Expiry.expiringWithin(TokenTimes.of(token), now, within.get()))
                .toList(),
            ListDatabaseTokensResponse::getNextPageToken,
            sort == Sort.created ? Optional.empty()
                : Optional.of(sort == Sort.id ? Comparator.comparing(DatabaseToken::getId)
                    : Comparator.comparing(DatabaseToken::getDescription)
                        .thenComparing(DatabaseToken::getId)));
      }
      return 0;
    }
  }

  /** {@code tollgate token get}. */
  @Command(name = "get", usageHelpAutoWidth = true, sortOptions = false,
      description = "Show one database token.")
  static final class Get extends TokenSubcommand {

    @Option(names = "--include-revoked", description = "Show the token even if it is revoked.")
    boolean includeRevoked;

    @Mixin
    FormatOption format;

    @Parameters(paramLabel = "TOKEN_ID", description = "Id of the token.")
    String id;

    /** One call, revoked tokens included: a revoked one is then refused here, saying why. */
    @Override
    public Integer call() {
      try (Connection connection = connect()) {
        DatabaseToken token;
        try {
          token = connection.databaseTokens().getDatabaseToken(GetDatabaseTokenRequest
              .newBuilder().setId(id).setIncludeRevoked(true).build()).getToken();
        } catch (StatusRuntimeException e) {
          throw CallFailures.describe(e, connection, fieldFlags());
        }
        if (token.hasRevokedAt() && !includeRevoked) {
          throw new CliException("database token " + id + " was revoked at "
              + Tables.time(true, token.getRevokedAt()) + "; add --include-revoked to show it");
        }
        print(token, format);
      }
      return 0;
    }
  }

  /** {@code tollgate token update}. */
  @Command(name = "update", usageHelpAutoWidth = true, sortOptions = false,
      description = "Change a database token's description and/or replace its permissions."
          + " Permission flags replace all permissions; without them the permissions stay.")
  static final class Update extends TokenSubcommand {

    @Mixin
    DatabaseFlags databases = new DatabaseFlags();

    @Option(names = "--description", paramLabel = "TEXT", description = "New description.")
    String description;

    @Mixin
    FormatOption format;

    @Parameters(paramLabel = "TOKEN_ID", description = "Id of the token.")
    String id;

    @Override
    public Integer call() {
      if (description == null && !databases.given()) {
        throw new CliException("nothing to update; give --read-database, --write-database"
            + " and/or --description");
      }
      UpdateDatabaseTokenRequest.Builder request = UpdateDatabaseTokenRequest.newBuilder().setId(id);
      if (description != null) {
        request.setDescription(description);
      }
      if (databases.given()) {
        request.setPermissions(DatabasePermissions.newBuilder()
            .addAllPermissions(databases.permissions()));
      }
      try (Connection connection = connect()) {
        print(call(connection, c -> c.databaseTokens().updateDatabaseToken(request.build()))
            .getToken(), format);
      }
      return 0;
    }
  }

  /** {@code tollgate token revoke}, alias {@code delete}. */
  @Command(name = "revoke", aliases = "delete", usageHelpAutoWidth = true, sortOptions = false,
      description = "Revoke database tokens. This cannot be undone.")
  static final class Revoke extends RevokeCommand {

    @Override
    String kind() {
      return "database token";
    }

    @Override
    List<RevokeResult> revoke(Connection connection, List<String> ids) {
      return connection.databaseTokens().revokeDatabaseTokens(
          RevokeDatabaseTokensRequest.newBuilder().addAllIds(ids).build()).getResultsList();
    }
  }
}
