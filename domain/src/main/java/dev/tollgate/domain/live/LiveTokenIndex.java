package dev.tollgate.domain.live;

import dev.tollgate.domain.model.Grants;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenHash;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.model.TokenStatus;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every stored token of this replica, in memory, keyed by digest: the hot path's only source.
 * Each entry is its own key, so a token costs one map node and one entry. Lookups take no lock; changes are applied one at a time and never move a token back to an
 * older version, so a late or repeated change is harmless.
 */
public final class LiveTokenIndex {

  /** Distinct permission sets shared between tokens before the sharing table starts afresh. */
  private static final int MAX_SHARED_GRANTS = 100_000;

  private final ConcurrentHashMap<TokenDigest, LiveToken> entries = new ConcurrentHashMap<>(1024);
  private final Map<Set<Permission>, Grants> sharedGrants = new HashMap<>();
  private volatile boolean loaded;
  /** The bootstrap admin's entry, or null while none is known. */
  private volatile LiveToken bootstrapAdmin;

  /** The entry of this digest, or null; never touches the store. */
  public LiveToken get(TokenDigest digest) {
    return entries.get(digest);
  }

  /**
   * Takes in a stored token unless this index holds the same or a newer version of it.
   *
   * @return whether the index changed
   */
  public synchronized boolean apply(Token.Access token) {
    long expires = token.expiresAt().isPresent() ? TokenStatus.micros(token.expiresAt().get())
        : TokenStatus.NEVER;
    long revoked = token.revokedAt().isPresent() ? TokenStatus.micros(token.revokedAt().get())
        : LiveToken.State.NOT_REVOKED;
    Grants grants = grants(token.permissions());
    boolean changed = apply(TokenDigest.of(token.hash()), token,
        new LiveToken.State(token.version(), expires, revoked, grants));
    if (token.previous().isPresent()) {
      // the string a rotation replaced: the same token, until the overlap ends
      long until = Math.min(expires, TokenStatus.micros(token.previous().get().validUntil()));
      changed |= apply(TokenDigest.of(token.previous().get().hash()), token,
          new LiveToken.State(token.version(), until, revoked, grants));
    }
    return changed;
  }

  private boolean apply(TokenDigest digest, Token.Access token, LiveToken.State next) {
    LiveToken current = entries.get(digest);
    if (current == null) {
      LiveToken.Holder holder = token.kind() == TokenKind.MANAGEMENT
          ? LiveToken.Holder.MANAGEMENT_TOKEN : LiveToken.Holder.DATABASE_TOKEN;
      LiveToken added = new LiveToken(digest, holder, token.id(), next);
      entries.put(added, added);
      return true;
    }
    if (current.version() >= token.version()) {
      return false;
    }
    current.replace(next);
    return true;
  }

  /**
   * Takes in the bootstrap admin credential's hash.
   *
   * @return whether the index changed
   */
  public boolean applyBootstrapAdmin(TokenHash hash) {
    return setBootstrapAdmin(Optional.of(hash));
  }

  /**
   * Makes {@code hash} the bootstrap admin credential, replacing the one held (rotation), or holds
   * none when it is empty (disabled).
   *
   * @return whether the index changed
   */
  public synchronized boolean setBootstrapAdmin(Optional<TokenHash> hash) {
    TokenDigest next = hash.map(TokenDigest::of).orElse(null);
    LiveToken current = bootstrapAdmin;
    if (current == null ? next == null : current.equals(next)) {
      return false;
    }
    if (current != null) {
      entries.remove(current);
    }
    LiveToken added = null;
    if (next != null) {
      added = new LiveToken(next, LiveToken.Holder.BOOTSTRAP_ADMIN, null,
          new LiveToken.State(1, TokenStatus.NEVER, LiveToken.State.NOT_REVOKED, Grants.NONE));
      entries.put(added, added);
    }
    bootstrapAdmin = added;
    return true;
  }

  /**
   * Drops the tokens of these ids (purged from the store); one pass over the index.
   *
   * @return how many entries were dropped
   */
  public synchronized int removeAll(Collection<TokenId> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    Set<TokenId> gone = Set.copyOf(ids);
    int before = entries.size();
    entries.values().removeIf(entry -> entry.id().filter(gone::contains).isPresent());
    return before - entries.size();
  }

  /** Tells whether a bootstrap admin credential is in the index. */
  public boolean knowsBootstrapAdmin() {
    return bootstrapAdmin != null;
  }

  /** Tells whether every stored token has been loaded once, so that a miss means "not stored yet". */
  public boolean isLoaded() {
    return loaded;
  }

  void markLoaded() {
    loaded = true;
  }

  /** How many credentials the index holds, the bootstrap admin included. */
  public int size() {
    return entries.size();
  }

  /** Compiles each distinct permission set once; tokens with equal sets share the result. */
  private Grants grants(Set<Permission> permissions) {
    if (permissions.isEmpty()) {
      return Grants.NONE;
    }
    if (sharedGrants.size() >= MAX_SHARED_GRANTS) {
      sharedGrants.clear();
    }
    return sharedGrants.computeIfAbsent(permissions, Grants::of);
  }
}
