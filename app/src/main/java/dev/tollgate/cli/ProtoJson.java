package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.Timestamp;
import dev.tollgate.proto.management.v1.DatabasePermission;
import dev.tollgate.proto.management.v1.DatabaseToken;
import dev.tollgate.proto.management.v1.FieldChange;
import dev.tollgate.proto.management.v1.GetReplicaStatusResponse;
import dev.tollgate.proto.management.v1.ManagementToken;
import dev.tollgate.proto.management.v1.TokenEvent;
import dev.tollgate.proto.management.v1.WhoAmIResponse;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one mapping of the management API's messages to the command line's JSON, as influxctl
 * prints its own: every field under its name in the .proto file, in the order declared there.
 * Text is left out when empty, and a timestamp or {@code optional} field when unset; numbers
 * and flags are written even when zero; lists and maps are written even when empty, as
 * {@code []} and {@code {}} (a map sorted by key); a timestamp is {@code {"seconds": N,
 * "nanos": N}} with {@code nanos} left out when zero. {@code ProtoJsonTest} holds every message
 * here to that rule, field by field, through the messages' descriptors (which this class does
 * not use: building them costs a command a seventh of a second).
 */
final class ProtoJson {

  private ProtoJson() {}

  static ObjectNode of(ManagementToken token) {
    ObjectNode node = object();
    text(node, "id", token.getId());
    text(node, "description", token.getDescription());
    text(node, "token_prefix", token.getTokenPrefix());
    time(node, "created_at", token.hasCreatedAt(), token.getCreatedAt());
    time(node, "expires_at", token.hasExpiresAt(), token.getExpiresAt());
    time(node, "revoked_at", token.hasRevokedAt(), token.getRevokedAt());
    text(node, "created_by", token.getCreatedBy());
    text(node, "revoked_by", token.getRevokedBy());
    time(node, "last_used_at", token.hasLastUsedAt(), token.getLastUsedAt());
    time(node, "previous_valid_until", token.hasPreviousValidUntil(),
        token.getPreviousValidUntil());
    return node;
  }

  static ObjectNode of(DatabaseToken token) {
    ObjectNode node = object();
    text(node, "id", token.getId());
    text(node, "description", token.getDescription());
    list(node, "permissions", token.getPermissionsList(), ProtoJson::of);
    time(node, "created_at", token.hasCreatedAt(), token.getCreatedAt());
    time(node, "expires_at", token.hasExpiresAt(), token.getExpiresAt());
    time(node, "revoked_at", token.hasRevokedAt(), token.getRevokedAt());
    text(node, "created_by", token.getCreatedBy());
    text(node, "revoked_by", token.getRevokedBy());
    text(node, "token_prefix", token.getTokenPrefix());
    time(node, "updated_at", token.hasUpdatedAt(), token.getUpdatedAt());
    time(node, "last_used_at", token.hasLastUsedAt(), token.getLastUsedAt());
    time(node, "previous_valid_until", token.hasPreviousValidUntil(),
        token.getPreviousValidUntil());
    return node;
  }

  static ObjectNode of(DatabasePermission permission) {
    ObjectNode node = object();
    text(node, "action", permission.getAction());
    text(node, "resource", permission.getResource());
    return node;
  }

  static ObjectNode of(WhoAmIResponse me) {
    ObjectNode node = object();
    text(node, "kind", me.getKind());
    text(node, "subject", me.getSubject());
    text(node, "user_id", me.getUserId());
    list(node, "groups", me.getGroupsList(), TextNode::valueOf);
    text(node, "token_id", me.getTokenId());
    time(node, "expires_at", me.hasExpiresAt(), me.getExpiresAt());
    return node;
  }

  static ObjectNode of(GetReplicaStatusResponse status) {
    ObjectNode node = object().put("loaded", status.getLoaded())
        .put("live_tokens", status.getLiveTokens()).put("applied_seq", status.getAppliedSeq());
    if (status.hasLatestSeq()) {
      node.put("latest_seq", status.getLatestSeq());
    }
    time(node, "last_caught_up_at", status.hasLastCaughtUpAt(), status.getLastCaughtUpAt());
    text(node, "last_failure", status.getLastFailure());
    node.put("missing_seqs", status.getMissingSeqs())
        .put("waiting_lookups", status.getWaitingLookups());
    ObjectNode reads = node.putObject("feed_reads");
    new TreeMap<>(status.getFeedReadsMap()).forEach(reads::put);
    node.put("failed_reads", status.getFailedReads());
    text(node, "notifications", status.getNotifications());
    return node;
  }

  static ObjectNode of(TokenEvent event) {
    ObjectNode node = object().put("seq", event.getSeq());
    time(node, "at", event.hasAt(), event.getAt());
    text(node, "token_id", event.getTokenId());
    text(node, "event", event.getEvent());
    text(node, "actor", event.getActor());
    text(node, "detail", event.getDetail());
    list(node, "changes", event.getChangesList(), ProtoJson::of);
    return node;
  }

  static ObjectNode of(FieldChange change) {
    ObjectNode node = object();
    text(node, "field", change.getField());
    text(node, "before", change.getBefore());
    text(node, "after", change.getAfter());
    return node;
  }

  private static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  private static void text(ObjectNode node, String key, String value) {
    if (!value.isEmpty()) {
      node.put(key, value);
    }
  }

  private static void time(ObjectNode node, String key, boolean isSet, Timestamp timestamp) {
    if (isSet) {
      ObjectNode value = node.putObject(key).put("seconds", timestamp.getSeconds());
      if (timestamp.getNanos() != 0) {
        value.put("nanos", timestamp.getNanos());
      }
    }
  }

  private static <T> void list(ObjectNode node, String key, List<T> items,
      Function<T, JsonNode> element) {
    ArrayNode array = node.putArray(key);
    items.forEach(item -> array.add(element.apply(item)));
  }
}
