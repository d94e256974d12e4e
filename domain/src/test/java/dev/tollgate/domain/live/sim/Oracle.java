package dev.tollgate.domain.live.sim;

import dev.tollgate.domain.live.FollowerSettings;
import dev.tollgate.domain.live.TokenDigest;
import dev.tollgate.domain.model.BootstrapAdmin;
import dev.tollgate.domain.model.Grants;
import dev.tollgate.domain.model.RequestedPermission;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenHash;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.model.TokenStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the store says about each token string, and what a replica must therefore answer given
 * what it has read. A replica knows a commit when it made it, when a full read of the store
 * (load, reconciliation) began after it, or when it read the feed after it and the commit came
 * within the follower's retention of its sequence number (a commit later than that is only
 * promised to the next reconciliation).
 */
final class Oracle {

  /** Asked of every string: the grants the test compares. */
  static final List<RequestedPermission> ASKED = List.of(
      RequestedPermission.onDatabaseNamed("db1", RequestedPermission.DataAction.READ),
      RequestedPermission.onDatabaseNamed("db1", RequestedPermission.DataAction.WRITE),
      RequestedPermission.onDatabaseNamed("db2", RequestedPermission.DataAction.READ),
      RequestedPermission.onDatabaseNamed("db2", RequestedPermission.DataAction.WRITE));

  /** Whose a string is. */
  enum Owner {
    TOKEN,
    BOOTSTRAP,
    NEVER_ISSUED
  }

  /** A string known to the test, shown in reports by its label only, never its value. */
  static final class Str {
    private final String value;
    private final Owner owner;
    private final Optional<TokenId> token;
    private final String label;
    private final TokenHash hash;
    private final TokenDigest digest;
    private final byte[] utf8;

    Str(String value, Owner owner, Optional<TokenId> token, String label) {
      this.value = value;
      this.owner = owner;
      this.token = token;
      this.label = label;
      this.hash = TokenHash.sha512(value);
      this.utf8 = value.getBytes(StandardCharsets.UTF_8);
      this.digest = TokenDigest.ofUtf8(utf8);
    }

    String value() {
      return value;
    }

    Owner owner() {
      return owner;
    }

    Optional<TokenId> token() {
      return token;
    }

    TokenHash hash() {
      return hash;
    }

    TokenDigest digest() {
      return digest;
    }

    /** The UTF-8 bytes, as the data plane sends them; callers must not change them. */
    byte[] utf8() {
      return utf8;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** An answer: valid with these grants, or not valid. */
  record Answer(boolean valid, List<RequestedPermission> granted) {
    static final Answer REFUSED = new Answer(false, List.of());
  }

  private final SimStore store;
  private final Duration retention = FollowerSettings.defaults().missingRetention();

  Oracle(SimStore store) {
    this.store = store;
  }

  /** What the store answers for the string now. */
  Answer truth(Str s, Instant now) {
    return switch (s.owner()) {
      case NEVER_ISSUED -> Answer.REFUSED;
      case BOOTSTRAP -> bootstrapAnswer(store.bootstrapAdmin(), s);
      case TOKEN -> tokenAnswer(store.row(s.token().orElseThrow()), s, now);
    };
  }

  /**
   * Whether every version of the string's owner from the newest one the replica knows on refuses
   * it now: then the replica must refuse it too.
   */
  boolean mustRefuse(SimReplica replica, Str s, Instant now) {
    if (s.owner() == Owner.NEVER_ISSUED) {
      return true;
    }
    List<Optional<Object>> versions = new ArrayList<>();
    int known = 0;
    if (s.owner() == Owner.BOOTSTRAP) {
      versions.add(Optional.of(BootstrapAdmin.NEVER_REGISTERED));
    }
    List<SimStore.Commit> commits = s.owner() == Owner.BOOTSTRAP ? store.bootstrapCommits()
        : store.commitsOf(s.token().orElseThrow());
    for (SimStore.Commit commit : commits) {
      versions.add(versionAfter(commit, s));
      if (knows(replica, commit)) {
        known = versions.size() - 1;
      }
    }
    for (Optional<Object> version : versions.subList(known, versions.size())) {
      if (answer(version, s, now).valid()) {
        return false;
      }
    }
    return true;
  }

  /** Whether the replica knows every commit so far: then it must answer exactly as the store. */
  boolean caughtUp(SimReplica replica) {
    return store.history().stream().allMatch(commit -> knows(replica, commit));
  }

  boolean knows(SimReplica replica, SimStore.Commit commit) {
    if (replica.own.contains(commit.counter())) {
      return true;
    }
    long fullRead = commit.bootstrap().isPresent() ? replica.registrationReadAt
        : replica.scannedAt;
    if (commit.counter() <= fullRead) {
      return true;
    }
    boolean timely = Duration.between(commit.reservedAt(), commit.committedAt())
        .compareTo(retention) <= 0;
    return timely && commit.counter() <= replica.view.feedReadAt();
  }

  /** The owner's version after a commit that changed it (empty: purged). */
  private static Optional<Object> versionAfter(SimStore.Commit commit, Str s) {
    if (s.owner() == Owner.BOOTSTRAP) {
      return Optional.of(commit.bootstrap().orElseThrow());
    }
    return commit.tokens().get(s.token().orElseThrow()).map(Object.class::cast);
  }

  private static Answer answer(Optional<Object> version, Str s, Instant now) {
    if (version.isPresent() && version.get() instanceof BootstrapAdmin registration) {
      return bootstrapAnswer(registration, s);
    }
    return tokenAnswer(version.map(Token.class::cast), s, now);
  }

  private static Answer bootstrapAnswer(BootstrapAdmin registration, Str s) {
    return registration.hash().filter(s.hash()::equals).isPresent()
        ? new Answer(true, List.of()) : Answer.REFUSED;
  }

  /** The store's rule: the current string until expiry, the previous one until its overlap ends. */
  private static Answer tokenAnswer(Optional<Token> stored, Str s, Instant now) {
    if (stored.isEmpty()) {
      return Answer.REFUSED;
    }
    Token token = stored.get();
    boolean current = token.hash().equals(s.hash())
        && token.statusAt(now) == TokenStatus.ACTIVE;
    boolean previous = token.previous().filter(p -> p.hash().equals(s.hash())).isPresent()
        && token.statusAt(now) == TokenStatus.ACTIVE
        && now.isBefore(token.previous().get().validUntil());
    if (!current && !previous) {
      return Answer.REFUSED;
    }
    if (token.kind() == TokenKind.MANAGEMENT) {
      return new Answer(true, List.of());
    }
    Grants grants = Grants.of(token.permissions());
    return new Answer(true, ASKED.stream().filter(grants::covers).toList());
  }
}
