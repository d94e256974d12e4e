package dev.tollgate.domain.live;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Grants;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What a replica keeps in memory of one stored token: whose it is, until when it is valid and
 * what it grants. Found by its digest; its state is replaced whole when the token changes, so a
 * reader always sees one consistent version.
 */
public final class LiveToken extends TokenDigest {

  /** Whose credential this is. */
  public enum Holder {
    MANAGEMENT_TOKEN,
    DATABASE_TOKEN,
    BOOTSTRAP_ADMIN
  }

  /**
   * One stored version of the token's changeable parts, times in microseconds since the epoch so
   * that a lookup follows no further reference than the grants.
   *
   * @param expiresAtMicros {@link TokenStatus#NEVER} when the token never expires
   * @param revokedAtMicros {@link #NOT_REVOKED} unless the token was revoked
   */
  public record State(long version, long expiresAtMicros, long revokedAtMicros, Grants grants) {

    /** Stands for "not revoked". */
    public static final long NOT_REVOKED = Long.MIN_VALUE;

    public TokenStatus statusAt(Instant now) {
      return TokenStatus.atMicros(TokenStatus.micros(now), revokedAtMicros != NOT_REVOKED,
          expiresAtMicros);
    }

    public Optional<Instant> expiresAt() {
      return expiresAtMicros == TokenStatus.NEVER ? Optional.empty()
          : Optional.of(instant(expiresAtMicros));
    }

    public Optional<Instant> revokedAt() {
      return revokedAtMicros == NOT_REVOKED ? Optional.empty() : Optional.of(instant(revokedAtMicros));
    }

    private static Instant instant(long micros) {
      return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
          Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
  }

  private final Holder holder;
  private final long idHigh;
  private final long idLow;
  private volatile State state;
  /** When a use was last handed to {@link LastUsedLog}, in epoch milliseconds. */
  volatile long lastUseNotedMillis = Long.MIN_VALUE / 2;
  /**
   * On the entry of a token's current string: the entry of the string a rotation replaced, if
   * the index holds one. Read and written under the index's lock only.
   */
  LiveToken previousString;
  /** The last reconciliation that found this token in the store; under the index's lock only. */
  int reconciliation;

  LiveToken(TokenDigest digest, Holder holder, TokenId id, State state) {
    super(digest);
    this.holder = holder;
    this.idHigh = id == null ? 0 : id.value().getMostSignificantBits();
    this.idLow = id == null ? 0 : id.value().getLeastSignificantBits();
    this.state = state;
  }

  public Holder holder() {
    return holder;
  }

  long idHigh() {
    return idHigh;
  }

  long idLow() {
    return idLow;
  }

  boolean hasId(long high, long low) {
    return idHigh == high && idLow == low;
  }

  /** The token's id; empty for the bootstrap admin, which is not a stored token. */
  public Optional<TokenId> id() {
    return holder == Holder.BOOTSTRAP_ADMIN ? Optional.empty()
        : Optional.of(new TokenId(new UUID(idHigh, idLow)));
  }

  /** The name the data plane may log for this credential: the token id, or "bootstrap-admin". */
  public String subject() {
    // made anew each time: cheaper than keeping a string per token, and it stays in the cache
    return holder == Holder.BOOTSTRAP_ADMIN ? "bootstrap-admin"
        : new UUID(idHigh, idLow).toString();
  }

  /** The management-API caller this credential stands for. */
  public Caller caller() {
    switch (holder) {
      case BOOTSTRAP_ADMIN:
        return Caller.bootstrapAdmin();
      case MANAGEMENT_TOKEN:
        return new Caller.ManagementTokenHolder(id().orElseThrow());
      default:
        return new Caller.DatabaseTokenHolder(id().orElseThrow());
    }
  }

  /** The current version, read once so that status and grants belong together. */
  public State state() {
    return state;
  }

  /** The stored version this entry reflects. */
  public long version() {
    return state.version();
  }

  void replace(State next) {
    state = next;
  }

  @Override
  public String toString() {
    return "LiveToken[" + holder + " " + subject() + ", version " + state.version() + "]";
  }
}
