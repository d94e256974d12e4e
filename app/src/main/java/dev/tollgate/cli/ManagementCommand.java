package dev.tollgate.cli;

import dev.tollgate.options.Durations;
import dev.tollgate.proto.management.v1.CreateManagementTokenRequest;
import dev.tollgate.proto.management.v1.CreateManagementTokenResponse;
import dev.tollgate.proto.management.v1.ListManagementTokensRequest;
import dev.tollgate.proto.management.v1.ListManagementTokensResponse;
import dev.tollgate.proto.management.v1.ManagementToken;
import dev.tollgate.proto.management.v1.RevokeManagementTokensRequest;
import dev.tollgate.proto.management.v1.RotateManagementTokenRequest;
import dev.tollgate.proto.management.v1.RotateManagementTokenResponse;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tollgate management create|list|revoke}, as influxctl's management commands. */
@Command(name = "management", usageHelpAutoWidth = true,
    description = "Create, list and revoke management tokens.")
public final class ManagementCommand {

  /** The subcommands, made only when the command line asks for them ({@link CommandTree}). */
  static final List<Class<?>> SUBCOMMANDS = List.of(Create.class, ListTokens.class, Revoke.class,
      Rotate.class);

  private static final Map<String, String> FLAGS =
      Map.of("expires_at", "--expires-at", "description", "--description");

  /** What a create or a rotation prints above the token string, then {@code last}. */
  static List<List<String>> issued(ManagementToken token, List<String> last) {
    return List.of(
        List.of("id", token.getId()),
        List.of("description", token.getDescription()),
        List.of("expires at", Tables.time(token.hasExpiresAt(), token.getExpiresAt())),
        last);
  }

  /** {@code tollgate management rotate}. */
  @Command(name = "rotate", usageHelpAutoWidth = true, sortOptions = false,
      description = {"Give a management token a new token string, printed this once; its id,"
          + " description and expiry stay. Only an Admin user or the bootstrap admin may.",
          "The previous string keeps working for --overlap, then stops."})
  static final class Rotate extends ClientCommand {

    @Mixin
    OverlapOption overlap;

    @Mixin
    FormatOption format;

    @Parameters(paramLabel = "TOKEN_ID", description = "Id of the token.")
    String id;

    @Override
    public Integer call() {
      RotateManagementTokenRequest request = RotateManagementTokenRequest.newBuilder().setId(id)
          .setOverlap(overlap.duration()).build();
      try (Connection connection = connect()) {
        RotateManagementTokenResponse response;
        try {
          response = connection.managementTokens().rotateManagementToken(request);
        } catch (StatusRuntimeException e) {
          throw CallFailures.describe(e, connection, Map.of("overlap", "--overlap", "id",
              "TOKEN_ID"));
        }
        ManagementToken token = response.getToken();
        return printCreated(format, ProtoJson.of(token), issued(token, List.of("previous string until",
            Tables.time(token.hasPreviousValidUntil(), token.getPreviousValidUntil()))),
            response.getAccessToken());
      }
    }
  }

  /** {@code tollgate management create}. */
  @Command(name = "create", usageHelpAutoWidth = true, sortOptions = false,
      description = "Create a management token. Only an Admin user or the bootstrap admin may."
          + " The token string is printed this once.")
  static final class Create extends ClientCommand {

    @Option(names = "--description", paramLabel = "TEXT", description = "What the token is for.")
    String description = "";

    @Mixin
    ExpiryOption expiry;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
      CreateManagementTokenRequest.Builder request =
          CreateManagementTokenRequest.newBuilder().setDescription(description);
      expiresAt(expiry.expiresAt).ifPresent(request::setExpiresAt);
      try (Connection connection = connect()) {
        CreateManagementTokenResponse response;
        try {
          response = connection.managementTokens().createManagementToken(request.build());
        } catch (StatusRuntimeException e) {
          throw CallFailures.describe(e, connection, FLAGS);
        }
        ManagementToken token = response.getToken();
        return printCreated(format, ProtoJson.of(token), issued(token, List.of("revoked at",
            Tables.time(token.hasRevokedAt(), token.getRevokedAt()))), response.getAccessToken());
      }
    }
  }

  /** {@code tollgate management list}. */
  @Command(name = "list", usageHelpAutoWidth = true, sortOptions = false,
      description = "List management tokens, revoked ones included.")
  static final class ListTokens extends ClientCommand {

    /** The columns {@code --sort} accepts. */
    enum Sort {
      created, id, description, prefix, expires, revoked
    }

    @Mixin
    FormatOption format;

    @Option(names = "--sort", paramLabel = "COLUMN", defaultValue = "created",
        description = "Sort by: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Sort sort;

    @Option(names = "--expiring-within", paramLabel = "DURATION",
        converter = Durations.Positive.class,
        description = "Only tokens in use now that expire within this, e.g. 7d or 72h.")
    Duration expiringWithin;

    @Override
    public Integer call() {
      Instant now = Instant.now();
      Optional<Duration> within = Optional.ofNullable(expiringWithin);
      ListOutput<ManagementToken> output = new ListOutput<>(out(), format.json(), HEADERS,
          ProtoJson::of, token -> row(token, now));
      try (Connection connection = connect()) {
        try {
          // the server's order is the default one: then every page is printed as it arrives
          output.printEveryPage(pageToken -> connection.managementTokens().listManagementTokens(
                  ListManagementTokensRequest.newBuilder().setPageToken(pageToken).build()),
              page -> within.isEmpty() ? page.getTokensList() : page.getTokensList().stream()
                  .filter(token -> Expiry.expiringWithin(TokenTimes.of(token), now,
                      within.get())).toList(),
              ListManagementTokensResponse::getNextPageToken,
              sort == Sort.created ? Optional.empty() : Optional.of(order(sort)));
        } catch (StatusRuntimeException e) {
          throw CallFailures.describe(e, connection, FLAGS);
        }
      }
      return 0;
    }

    private static final List<String> HEADERS = List.of("ID", "DESCRIPTION", "PREFIX",
        "CREATED AT", "EXPIRES AT", "LAST USED", "REVOKED AT", "STATUS");

    private static List<String> row(ManagementToken token, Instant now) {
      return List.of(token.getId(), token.getDescription(), token.getTokenPrefix(),
          Tables.time(token.hasCreatedAt(), token.getCreatedAt()),
          Tables.time(token.hasExpiresAt(), token.getExpiresAt()),
          Tables.time(token.hasLastUsedAt(), token.getLastUsedAt()),
          Tables.time(token.hasRevokedAt(), token.getRevokedAt()),
          Expiry.status(TokenTimes.of(token), now));
    }

    private static Comparator<ManagementToken> order(Sort sort) {
      Comparator<ManagementToken> byCreated = Comparator.comparing(
          (ManagementToken t) -> Protos.instant(t.getCreatedAt())).thenComparing(ManagementToken::getId);
      return switch (sort) {
        case created -> byCreated;
        case id -> Comparator.comparing(ManagementToken::getId);
        case description -> Comparator.comparing(ManagementToken::getDescription).thenComparing(byCreated);
        case prefix -> Comparator.comparing(ManagementToken::getTokenPrefix).thenComparing(byCreated);
        case expires -> Protos.<ManagementToken>unsetLast(ManagementToken::hasExpiresAt,
            ManagementToken::getExpiresAt).thenComparing(byCreated);
        case revoked -> Protos.<ManagementToken>unsetLast(ManagementToken::hasRevokedAt,
            ManagementToken::getRevokedAt).thenComparing(byCreated);
      };
    }
  }

  /** {@code tollgate management revoke}. */
  @Command(name = "revoke", usageHelpAutoWidth = true, sortOptions = false,
      description = "Revoke management tokens. This cannot be undone.")
  static final class Revoke extends RevokeCommand {

    @Override
    String kind() {
      return "management token";
    }

    @Override
    List<dev.tollgate.proto.management.v1.RevokeResult> revoke(Connection connection,
        List<String> ids) {
      return connection.managementTokens().revokeManagementTokens(
          RevokeManagementTokensRequest.newBuilder().addAllIds(ids).build()).getResultsList();
    }
  }
}
