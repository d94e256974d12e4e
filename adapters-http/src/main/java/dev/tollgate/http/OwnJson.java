package dev.tollgate.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.FeedFollowing;
import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.model.RecordedTokenEvent;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.model.UserGroup;
import dev.tollgate.domain.port.in.GetReplicaStatusUseCase;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tollgate's own resources in JSON, in the v0 contract's style (camelCase, RFC 3339 times in UTC,
 * absent rather than empty): management tokens, audit events, who am I and replica status.
 */
final class OwnJson {

  private OwnJson() {}

  /** A management token as stored, with {@code accessToken} only when just issued. */
  static void managementToken(JsonGenerator json, Token token, Optional<String> accessToken)
      throws IOException {
    token(json, token, accessToken);
  }

  /**
   * A database token as stored: the v0 object's fields and what Tollgate adds (the prefix, who
   * made and revoked it, when it was last used, until when its previous string works).
   */
  static void databaseToken(JsonGenerator json, Token token) throws IOException {
    token(json, token, Optional.empty());
  }

  private static void token(JsonGenerator json, Token token, Optional<String> accessToken)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("id", token.id().toString());
    json.writeStringField("description", token.description().value());
    if (token.kind() == TokenKind.DATABASE) {
      Json.permissions(json, token);
    }
    json.writeStringField("tokenPrefix", token.tokenPrefix());
    json.writeStringField("createdAt", token.createdAt().toString());
    json.writeStringField("createdBy", token.createdBy());
    time(json, "expiresAt", token.expiresAt());
    time(json, "revokedAt", token.revokedAt());
    if (token.revokedBy().isPresent()) {
      json.writeStringField("revokedBy", token.revokedBy().get());
    }
    time(json, "lastUsedAt", token.lastUsedAt());
    time(json, "previousValidUntil", token.previous().map(Token.PreviousSecret::validUntil));
    if (accessToken.isPresent()) {
      json.writeStringField("accessToken", accessToken.get());
    }
    json.writeEndObject();
  }

  /** One entry of the audit trail; {@code changes} only for updates. */
  static void event(JsonGenerator json, RecordedTokenEvent recorded) throws IOException {
    TokenEvent event = recorded.event();
    json.writeStartObject();
    json.writeNumberField("seq", recorded.seq());
    json.writeStringField("at", event.at().toString());
    json.writeStringField("tokenId", event.tokenId().toString());
    json.writeStringField("event", event.type().name().toLowerCase(Locale.ROOT));
    json.writeStringField("actor", event.actor());
    json.writeStringField("detail", event.detail());
    if (!event.changes().isEmpty()) {
      json.writeArrayFieldStart("changes");
      for (TokenEvent.Change change : event.changes()) {
        json.writeStartObject();
        json.writeStringField("field", change.field());
        json.writeStringField("before", change.before());
        json.writeStringField("after", change.after());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  /**
   * Who the caller is and, from the caller table, what it may do, so that a page offers only
   * that (the server still checks every call).
   */
  static void whoAmI(JsonGenerator json, Caller caller, Optional<Instant> expiresAt)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("kind", caller.kind());
    json.writeStringField("subject", caller.subject());
    if (caller instanceof Caller.User user) {
      json.writeStringField("userId", user.id());
      json.writeArrayFieldStart("groups");
      for (String group : user.groups().stream().map(UserGroup::label).sorted().toList()) {
        json.writeString(group);
      }
      json.writeEndArray();
    } else if (caller instanceof Caller.ManagementTokenHolder holder) {
      json.writeStringField("tokenId", holder.tokenId().toString());
    } else if (caller instanceof Caller.DatabaseTokenHolder holder) {
      json.writeStringField("tokenId", holder.tokenId().toString());
    }
    time(json, "expiresAt", expiresAt);
    json.writeArrayFieldStart("allowed");
    for (Operation operation : Operation.values()) {
      if (caller.may(operation)) {
        json.writeString(operationName(operation));
      }
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** An operation of the caller table as this API names it: {@code createManagementToken}. */
  static String operationName(Operation operation) {
    return ErrorMapping.camelCase(operation.name().toLowerCase(Locale.ROOT));
  }

  static void replicaStatus(JsonGenerator json, GetReplicaStatusUseCase.ReplicaStatus status)
      throws IOException {
    FeedFollowing following = status.following();
    json.writeStartObject();
    json.writeBooleanField("loaded", following.loaded());
    json.writeNumberField("liveTokens", following.liveTokens());
    json.writeNumberField("appliedSeq", following.appliedSeq());
    if (status.latestSeq().isPresent()) {
      json.writeNumberField("latestSeq", status.latestSeq().getAsLong());
      json.writeNumberField("behind", status.behind().getAsLong());
    }
    json.writeNumberField("missingSeqs", following.missingSeqs());
    time(json, "lastCaughtUpAt", following.lastCaughtUpAt());
    if (following.lastFailure().isPresent()) {
      json.writeStringField("lastFailure", following.lastFailure().get());
    }
    json.writeNumberField("waitingLookups", following.waiting());
    json.writeNumberField("failedReads", following.failedRounds());
    json.writeStringField("notifications", following.polling());
    json.writeObjectFieldStart("feedReads");
    for (Map.Entry<FeedFollowing.Trigger, Long> reads : following.reads().entrySet()) {
      json.writeNumberField(reads.getKey().name().toLowerCase(Locale.ROOT), reads.getValue());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void time(JsonGenerator json, String field, Optional<Instant> at)
      throws IOException {
    if (at.isPresent()) {
      json.writeStringField(field, at.get().toString());
    }
  }

  /** {@code {"oauth": {issuer, authorizationEndpoint, tokenEndpoint, clientId, scope}}}, or null. */
  static void signIn(JsonGenerator json, Optional<OAuthSignIn> signIn) throws IOException {
    json.writeStartObject();
    if (signIn.isEmpty()) {
      json.writeNullField("oauth");
    } else {
      OAuthSignIn oauth = signIn.get();
      json.writeObjectFieldStart("oauth");
      json.writeStringField("issuer", oauth.issuer());
      json.writeStringField("authorizationEndpoint", oauth.authorizationEndpoint().toString());
      json.writeStringField("tokenEndpoint", oauth.tokenEndpoint().toString());
      json.writeStringField("clientId", oauth.clientId());
      json.writeStringField("scope", oauth.scope());
      json.writeEndObject();
    }
    json.writeEndObject();
  }
}
