package dev.tollgate.domain.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the audit log and change feed, written in the same transaction as the change.
 *
 * @param detail a short note for people, e.g. the kind of a created token; never a secret
 * @param changes for an update, each field that changed with its value before and after
 */
public record TokenEvent(Instant at, TokenId tokenId, Type type, String actor, String detail,
    List<Change> changes) {

  /**
   * A field an update changed: {@code description}, or {@code permissions} written as
   * {@code read:db1, write:db2}; never a secret.
   */
  public record Change(String field, String before, String after) {
    public Change {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }
  }

  /** What happened to the token. */
  public enum Type {
    CREATED,
    UPDATED,
    REVOKED,
    /** Given a new token string; the previous one works until the overlap ends. */
    ROTATED,
    /** Deleted long after its revocation ({@code --purge-revoked-after}); its events remain. */
    PURGED,
    /**
     * The bootstrap admin credential was registered, rotated or disabled; recorded under
     * {@link TokenId#BOOTSTRAP_ADMIN}, so that every replica learns it from the feed.
     */
    BOOTSTRAP_ADMIN,
    /**
     * The whole store was copied here from another database ({@code tollgate migrate}); recorded
     * under {@link TokenId#STORE}, after the copied events, which keep their numbers.
     */
    MIGRATED
  }

  /** Who changes the bootstrap admin credential: the server, at its start, on the operator's flags. */
  public static final String OPERATOR = "tollgate:serve";

  /** Who copies a whole store into another database: the {@code tollgate migrate} command. */
  public static final String MIGRATOR = "tollgate:migrate";

  /** Who purges revoked tokens: the server itself. */
  public static final String PURGER = "tollgate:purge-revoked";

  public TokenEvent {
    at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(detail, "detail");
    changes = List.copyOf(changes);
  }

  /** An event that changed no field. */
  public TokenEvent(Instant at, TokenId tokenId, Type type, String actor, String detail) {
    this(at, tokenId, type, actor, detail, List.of());
  }

  public static TokenEvent created(Token token) {
    return new TokenEvent(token.createdAt(), token.id(), Type.CREATED, token.createdBy(),
        token.kind().name().toLowerCase(Locale.ROOT) + " token");
  }

  public static TokenEvent revoked(Token token) {
    return new TokenEvent(token.revokedAt().orElseThrow(), token.id(), Type.REVOKED,
        token.revokedBy().orElseThrow(), "");
  }

  public static TokenEvent rotated(Token token, String by) {
    Instant until = token.previous().orElseThrow().validUntil();
    return new TokenEvent(token.updatedAt(), token.id(), Type.ROTATED, by,
        until.isAfter(token.updatedAt()) ? "previous token string works until " + until
            : "previous token string stopped at once");
  }

  public static TokenEvent purged(TokenId id, Instant at, Instant revokedBefore) {
    return new TokenEvent(at, id, Type.PURGED, PURGER, "revoked before " + revokedBefore);
  }

  /** The copy of a whole store into this one, with a note for people on where it came from. */
  public static TokenEvent migrated(Instant at, String detail) {
    return new TokenEvent(at, TokenId.STORE, Type.MIGRATED, MIGRATOR, detail);
  }

  /** A change of the bootstrap admin registration into {@code now}, for people. */
  public static TokenEvent bootstrapAdmin(BootstrapAdmin now, String what) {
    String where = now.keptAt().map(at -> "; kept in " + at).orElse("");
    return new TokenEvent(now.changedAt().orElseThrow(), TokenId.BOOTSTRAP_ADMIN,
        Type.BOOTSTRAP_ADMIN, OPERATOR, "bootstrap admin " + what + where);
  }

  /** The update of {@code before} into {@code after}, with the fields that differ. */
  public static TokenEvent updated(Token before, Token after, String by) {
    List<Change> changes = new ArrayList<>();
    if (!before.description().equals(after.description())) {
      changes.add(new Change("description", before.description().value(),
          after.description().value()));
    }
    if (!before.permissions().equals(after.permissions())) {
      changes.add(new Change("permissions", Permission.describe(before.permissions()),
          Permission.describe(after.permissions())));
    }
    List<String> fields = new ArrayList<>();
    changes.forEach(change -> fields.add(change.field()));
    return new TokenEvent(after.updatedAt(), after.id(), Type.UPDATED, by,
        fields.isEmpty() ? "nothing changed" : String.join(", ", fields), changes);
  }
}
