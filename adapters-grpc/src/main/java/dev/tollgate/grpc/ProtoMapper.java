package dev.tollgate.grpc;

import com.google.protobuf.Timestamp;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.Revocation;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.proto.management.v1.ManagementToken;
import dev.tollgate.proto.management.v1.RevokeOutcome;
import dev.tollgate.proto.management.v1.RevokeResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    return proto.build();
  }

  static RevokeResult revokeResult(Revocation revocation, String kindName) {
    RevokeResult.Builder result = RevokeResult.newBuilder().setId(revocation.id().toString());
    revocation.token().flatMap(Token::revokedAt).ifPresent(at -> result.setRevokedAt(timestamp(at)));
    switch (revocation.outcome()) {
      case REVOKED:
        return result.setOutcome(RevokeOutcome.REVOKE_OUTCOME_REVOKED).build();
      case ALREADY_REVOKED:
        return result.setOutcome(RevokeOutcome.REVOKE_OUTCOME_ALREADY_REVOKED)
            .setMessage(kindName + " " + revocation.id() + " was already revoked").build();
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
