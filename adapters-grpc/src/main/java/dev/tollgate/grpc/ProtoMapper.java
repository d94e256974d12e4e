package dev.tollgate.grpc;

import com.google.protobuf.Timestamp;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.DatabaseName;
import dev.tollgate.domain.model.FeedFollowing;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.PermissionAction;
import dev.tollgate.domain.model.RecordedTokenEvent;
import dev.tollgate.domain.model.RequestedPermission.DataAction;
import dev.tollgate.domain.model.RequestedPermission.ResourceType;
import dev.tollgate.domain.model.RequestedPermission;
import dev.tollgate.domain.model.Revocation;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.UserGroup;
import dev.tollgate.domain.port.in.GetReplicaStatusUseCase;
import dev.tollgate.proto.authz.v1.ResourceActionPermission;
import dev.tollgate.proto.management.v1.DatabasePermission;
import dev.tollgate.proto.management.v1.DatabaseToken;
import dev.tollgate.proto.management.v1.FieldChange;
import dev.tollgate.proto.management.v1.GetReplicaStatusResponse;
import dev.tollgate.proto.management.v1.ManagementToken;
import dev.tollgate.proto.management.v1.RevokeOutcome;
import dev.tollgate.proto.management.v1.RevokeResult;
import dev.tollgate.proto.management.v1.WhoAmIResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The proto ↔ domain seam: generated messages are the transport types, converted here only. */
final class ProtoMapper {

  private static final long MAX_SECONDS = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
  private static final long MIN_SECONDS = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();

  private ProtoMapper() {}

  static ManagementToken managementToken(Token token) {
    ManagementToken.Builder proto = ManagementToken.newBuilder()
        .setId(token.id().toString())
        .setDescription(token.description().value())
        .setTokenPrefix(token.tokenPrefix())
        .setCreatedAt(timestamp(token.createdAt()))
        .setCreatedBy(token.createdBy())
        .setRevokedBy(token.revokedBy().orElse(""));
    token.expiresAt().ifPresent(at -> proto.setExpiresAt(timestamp(at)));
    token.revokedAt().ifPresent(at -> proto.setRevokedAt(timestamp(at)));
    token.lastUsedAt().ifPresent(at -> proto.setLastUsedAt(timestamp(at)));
    token.previous().ifPresent(previous ->
        proto.setPreviousValidUntil(timestamp(previous.validUntil())));
    return proto.build();
  }

  static DatabaseToken databaseToken(Token token) {
    DatabaseToken.Builder proto = DatabaseToken.newBuilder()
        .setId(token.id().toString())
        .setDescription(token.description().value())
        .setTokenPrefix(token.tokenPrefix())
        .setCreatedAt(timestamp(token.createdAt()))
        .setUpdatedAt(timestamp(token.updatedAt()))
        .setCreatedBy(token.createdBy())
        .setRevokedBy(token.revokedBy().orElse(""));
    for (Permission permission : token.permissions()) {
      proto.addPermissions(DatabasePermission.newBuilder().setAction(permission.action().label())
          .setResource(permission.database().value()));
    }
    token.expiresAt().ifPresent(at -> proto.setExpiresAt(timestamp(at)));
    token.revokedAt().ifPresent(at -> proto.setRevokedAt(timestamp(at)));
    token.lastUsedAt().ifPresent(at -> proto.setLastUsedAt(timestamp(at)));
    token.previous().ifPresent(previous ->
        proto.setPreviousValidUntil(timestamp(previous.validUntil())));
    return proto.build();
  }

  /** An overlap as a request gives it; unset is none, a negative or malformed one is refused. */
  static java.time.Duration overlap(boolean isSet, com.google.protobuf.Duration overlap) {
    if (!isSet) {
      return java.time.Duration.ZERO;
    }
    if (overlap.getSeconds() < 0 || overlap.getNanos() < 0 || overlap.getNanos() > 999_999_999) {
      throw new InvalidRequestException("overlap", overlap.getSeconds() + "s is not an overlap;"
          + " expected from 0 (the previous string stops at once) to 7 days");
    }
    return java.time.Duration.ofSeconds(overlap.getSeconds(), overlap.getNanos());
  }

  /** Reads requested grants, naming the first bad one as {@code permissions[i]}. */
  static Set<Permission> permissions(List<DatabasePermission> permissions) {
    Set<Permission> result = new HashSet<>();
    for (int i = 0; i < permissions.size(); i++) {
      DatabasePermission permission = permissions.get(i);
      String field = "permissions[" + i + "]";
      try {
        result.add(new Permission(PermissionAction.parse(field + ".action", permission.getAction()),
            new DatabaseName(permission.getResource())));
      } catch (InvalidRequestException e) {
        throw new InvalidRequestException(field, e.reason());
      }
    }
    return result;
  }

  /** The data plane's permission as the domain sees it; unknown parts never match a grant. */
  static RequestedPermission requested(dev.tollgate.proto.authz.v1.Permission permission) {
    ResourceActionPermission ask = permission.getResourceAction();
    ResourceType type = ask.getResourceType() == ResourceActionPermission.ResourceType.RESOURCE_TYPE_DATABASE
        ? ResourceType.DATABASE : ResourceType.UNSPECIFIED;
    DataAction action = switch (ask.getAction()) {
      case ACTION_READ_SCHEMA -> DataAction.READ_SCHEMA;
      case ACTION_READ -> DataAction.READ;
      case ACTION_WRITE -> DataAction.WRITE;
      case ACTION_CREATE -> DataAction.CREATE;
      case ACTION_DELETE -> DataAction.DELETE;
      default -> DataAction.UNSPECIFIED;
    };
    return new RequestedPermission(type,
        ask.hasResourceName() ? Optional.of(ask.getResourceName()) : Optional.empty(),
        ask.hasResourceId() ? Optional.of(ask.getResourceId()) : Optional.empty(), action);
  }

  static List<RevokeResult> revokeResults(List<Revocation> revocations, String kindName) {
    List<RevokeResult> results = new ArrayList<>(revocations.size());
    revocations.forEach(revocation -> results.add(revokeResult(revocation, kindName)));
    return results;
  }

  /** "id OUTCOME, id OUTCOME" for one log line. */
  static String summary(List<Revocation> revocations) {
    StringBuilder line = new StringBuilder();
    for (Revocation revocation : revocations) {
      line.append(line.length() == 0 ? "" : ", ").append(revocation.id()).append(' ')
          .append(revocation.outcome());
    }
    return line.toString();
  }

  private static RevokeResult revokeResult(Revocation revocation, String kindName) {
    RevokeResult.Builder result = RevokeResult.newBuilder().setId(revocation.id().toString());
    revocation.token().flatMap(Token::revokedAt).ifPresent(at -> result.setRevokedAt(timestamp(at)));
    switch (revocation.outcome()) {
      case REVOKED:
        return result.setOutcome(RevokeOutcome.REVOKE_OUTCOME_REVOKED).build();
      case ALREADY_REVOKED:
        return result.setOutcome(RevokeOutcome.REVOKE_OUTCOME_ALREADY_REVOKED)
            .setMessage(kindName + " " + revocation.id() + " was already revoked").build();
      case OTHER_KIND:
        boolean management = kindName.startsWith("management");
        return result.setOutcome(RevokeOutcome.REVOKE_OUTCOME_NOT_FOUND)
            .setMessage("no " + kindName + " with id " + revocation.id() + ": it is a "
                + (management ? "database token's id; revoke it with `tollgate token revoke`"
                    : "management token's id; revoke it with `tollgate management revoke`"))
            .build();
      default:
        return result.setOutcome(RevokeOutcome.REVOKE_OUTCOME_NOT_FOUND)
            .setMessage("no " + kindName + " with id " + revocation.id()).build();
    }
  }

  /** Reads every id, failing on the first malformed one before anything is done. */
  static List<TokenId> tokenIds(String field, List<String> ids) {
    List<TokenId> parsed = new ArrayList<>(ids.size());
    for (String id : ids) {
      parsed.add(TokenId.parse(field, id.trim()));
    }
    return parsed;
  }

  static GetReplicaStatusResponse replicaStatus(GetReplicaStatusUseCase.ReplicaStatus status) {
    FeedFollowing following = status.following();
    GetReplicaStatusResponse.Builder proto = GetReplicaStatusResponse.newBuilder()
        .setLoaded(following.loaded())
        .setLiveTokens(following.liveTokens())
        .setAppliedSeq(following.appliedSeq())
        .setLastFailure(following.lastFailure().orElse(""))
        .setMissingSeqs(following.missingSeqs())
        .setWaitingLookups(following.waiting())
        .setFailedReads(following.failedRounds())
        .setNotifications(following.polling());
    status.latestSeq().ifPresent(proto::setLatestSeq);
    following.lastCaughtUpAt().ifPresent(at -> proto.setLastCaughtUpAt(timestamp(at)));
    following.reads().forEach((trigger, reads) ->
        proto.putFeedReads(trigger.name().toLowerCase(java.util.Locale.ROOT), reads));
    return proto.build();
  }

  /** Who the caller is, as {@code WhoAmI} tells it. */
  static WhoAmIResponse whoAmI(Caller caller, Optional<Instant> expiresAt) {
    WhoAmIResponse.Builder response = WhoAmIResponse.newBuilder().setSubject(caller.subject())
        .setKind(caller.kind());
    if (caller instanceof Caller.User user) {
      response.setUserId(user.id());
      user.groups().stream().map(UserGroup::label).sorted().forEach(response::addGroups);
    } else if (caller instanceof Caller.ManagementTokenHolder holder) {
      response.setTokenId(holder.tokenId().toString());
    } else if (caller instanceof Caller.DatabaseTokenHolder holder) {
      response.setTokenId(holder.tokenId().toString());
    }
    if (expiresAt != null) {
      expiresAt.ifPresent(at -> response.setExpiresAt(timestamp(at)));
    }
    return response.build();
  }

  /** An audit trail entry; {@code changes} only for updates. */
  static dev.tollgate.proto.management.v1.TokenEvent tokenEvent(RecordedTokenEvent recorded) {
    TokenEvent event = recorded.event();
    dev.tollgate.proto.management.v1.TokenEvent.Builder proto =
        dev.tollgate.proto.management.v1.TokenEvent.newBuilder().setSeq(recorded.seq())
            .setAt(timestamp(event.at())).setTokenId(event.tokenId().toString())
            .setEvent(event.type().name().toLowerCase(java.util.Locale.ROOT))
            .setActor(event.actor()).setDetail(event.detail());
    for (TokenEvent.Change change : event.changes()) {
      proto.addChanges(FieldChange.newBuilder().setField(change.field())
          .setBefore(change.before()).setAfter(change.after()));
    }
    return proto.build();
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano())
        .build();
  }

  /** An optional request timestamp; unset means empty, a malformed one is refused naming the field. */
  static Optional<Instant> instant(String field, boolean isSet, Timestamp timestamp) {
    if (!isSet) {
      return Optional.empty();
    }
    if (timestamp.getNanos() < 0 || timestamp.getNanos() > 999_999_999
        || timestamp.getSeconds() < MIN_SECONDS || timestamp.getSeconds() > MAX_SECONDS) {
      throw new InvalidRequestException(field, "{seconds: " + timestamp.getSeconds() + ", nanos: "
          + timestamp.getNanos() + "} is not a valid timestamp; expected a time between years 1"
          + " and 9999 with nanos in 0..999999999");
    }
    return Optional.of(Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()));
  }
}
