package dev.tollgate.domain.live;

import dev.tollgate.domain.model.BootstrapAdmin;
import dev.tollgate.domain.model.Grants;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.model.TokenStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every stored token of this replica, in memory, keyed by digest: the hot path's only source.
 * Lookups take no lock; changes are applied one at a time and never move a token back to an older
 * version, so a late or repeated change is harmless. A token is held under every string it
 * currently answers to (its current one and, after a rotation, the previous one) and under no
 * other: applying a newer version retires whatever digest the token no longer names, however many
 * versions this replica missed.
 */
public final class LiveTokenIndex {

  /** Distinct permission sets shared between tokens before the sharing table starts afresh. */
  private static final int MAX_SHARED_GRANTS = 100_000;

  private final ConcurrentHashMap<TokenDigest, LiveToken> entries = new ConcurrentHashMap<>(1024);
  /** Each token's entry under its current string, by id; read and written under this lock only. */
  private final TokensById byId = new TokensById();
  private final Map<Set<Permission>, Grants> sharedGrants = new HashMap<>();
  private volatile boolean loaded;
  /** The bootstrap admin's entry, or null while none is known. */
  private volatile LiveToken bootstrapAdmin;
  private long bootstrapGeneration;

  /** The entry of this digest, or null; never touches the store. */
  public LiveToken get(TokenDigest digest) {
    return entries.get(digest);
  }

  /**
   * Takes in a stored token unless this index holds the same or a newer version of it, and
   * retires every string of the token that the stored version no longer names.
   *
   * @return whether the index changed
   */
  public synchronized boolean apply(Token.Access token) {
    LiveToken held = held(token.id());
    if (held != null && held.version() >= token.version()) {
      return false;
    }
    replace(held, token);
    return true;
  }

  /**
   * Makes the index hold exactly what the store holds for this token, whatever version it holds
   * now: for a reconciliation that found them different.
   *
   * @return whether the index changed
   */
  synchronized boolean repair(Token.Access token) {
    LiveToken held = held(token.id());
    if (held != null && held.version() > token.version()) {
      return false;
    }
    if (held != null && agrees(held, token)) {
      return false;
    }
    replace(held, token);
    return true;
  }

  /**
   * Tells whether the index holds this version of the token under exactly its current strings;
   * {@code NEWER} when it holds a later version (the store was read before it changed).
   */
  synchronized Agreement compare(Token.Access token) {
    LiveToken held = held(token.id());
    if (held == null || held.version() < token.version()) {
      return Agreement.DIFFERENT;
    }
    if (held.version() > token.version()) {
      return Agreement.NEWER;
    }
    return agrees(held, token) ? Agreement.SAME : Agreement.DIFFERENT;
  }

  /** How an entry compares with a stored token. */
  enum Agreement {
    SAME,
    NEWER,
    DIFFERENT
  }

  private boolean agrees(LiveToken held, Token.Access token) {
    LiveToken previous = held.previousString;
    return held.equals(TokenDigest.of(token.hash()))
        && (previous == null ? token.previous().isEmpty() : token.previous()
            .filter(p -> previous.equals(TokenDigest.of(p.hash()))).isPresent())
        && held.state().equals(currentState(token))
        && (previous == null || previous.state().equals(previousState(token)));
  }

  private LiveToken held(TokenId id) {
    return byId.get(id.value().getMostSignificantBits(), id.value().getLeastSignificantBits());
  }

  private void replace(LiveToken held, Token.Access token) {
    TokenDigest current = TokenDigest.of(token.hash());
    TokenDigest previous = token.previous().map(p -> TokenDigest.of(p.hash())).orElse(null);
    LiveToken currentEntry = put(current, token, currentState(token));
    LiveToken previousEntry = previous == null ? null : put(previous, token, previousState(token));
    if (held != null) {
      retireUnless(held, current, previous);
      retireUnless(held.previousString, current, previous);
    }
    currentEntry.previousString = previousEntry;
    if (previousEntry != null) {
      previousEntry.previousString = null;
    }
    byId.put(currentEntry);
  }

  private LiveToken.State currentState(Token.Access token) {
    return new LiveToken.State(token.version(), expiresMicros(token), revokedMicros(token),
        grants(token.permissions()));
  }

  /** The string a rotation replaced: the same token, until the overlap ends. */
  private LiveToken.State previousState(Token.Access token) {
    long until = Math.min(expiresMicros(token),
        TokenStatus.micros(token.previous().orElseThrow().validUntil()));
    return new LiveToken.State(token.version(), until, revokedMicros(token),
        grants(token.permissions()));
  }

  private static long expiresMicros(Token.Access token) {
    return token.expiresAt().map(TokenStatus::micros).orElse(TokenStatus.NEVER);
  }

  private static long revokedMicros(Token.Access token) {
    return token.revokedAt().map(TokenStatus::micros).orElse(LiveToken.State.NOT_REVOKED);
  }

  private LiveToken put(TokenDigest digest, Token.Access token, LiveToken.State state) {
    LiveToken current = entries.get(digest);
    if (current == null) {
      LiveToken.Holder holder = token.kind() == TokenKind.MANAGEMENT
          ? LiveToken.Holder.MANAGEMENT_TOKEN : LiveToken.Holder.DATABASE_TOKEN;
      LiveToken added = new LiveToken(digest, holder, token.id(), state);
      entries.put(added, added);
      return added;
    }
    current.replace(state);
    return current;
  }

  private void retireUnless(LiveToken entry, TokenDigest current, TokenDigest previous) {
    if (entry != null && !entry.equals(current) && !entry.equals(previous)) {
      entries.remove(entry);
    }
  }

  /**
   * Makes the registration the bootstrap admin credential of this index (a rotation replaces the
   * one held, a disabled registration holds none) unless the index knows the same or a later
   * generation of it: a stale read can never bring back a credential rotated away or disabled.
   *
   * @return whether the index changed
   */
  public synchronized boolean setBootstrapAdmin(BootstrapAdmin registration) {
    if (registration.generation() <= bootstrapGeneration) {
      return false;
    }
    bootstrapGeneration = registration.generation();
    TokenDigest next = registration.hash().map(TokenDigest::of).orElse(null);
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
          new LiveToken.State(registration.generation(), TokenStatus.NEVER,
              LiveToken.State.NOT_REVOKED, Grants.NONE));
      entries.put(added, added);
    }
    bootstrapAdmin = added;
    return true;
  }

  /** The generation of the bootstrap admin registration this index reflects; 0 before any. */
  public synchronized long bootstrapGeneration() {
    return bootstrapGeneration;
  }

  /**
   * Drops the tokens of these ids (purged from the store), under every string they answered to.
   *
   * @return how many tokens were dropped
   */
  public synchronized int removeAll(Collection<TokenId> ids) {
    int removed = 0;
    for (TokenId id : ids) {
      LiveToken held = byId.remove(id.value().getMostSignificantBits(),
          id.value().getLeastSignificantBits());
      if (held != null) {
        entries.remove(held);
        if (held.previousString != null) {
          entries.remove(held.previousString);
        }
        removed++;
      }
    }
    return removed;
  }

  /**
   * Compares a stored token with what the index holds, and notes that reconciliation
   * {@code round} found the token in the store.
   */
  synchronized Agreement compareAndMark(Token.Access token, int round) {
    LiveToken held = held(token.id());
    if (held != null) {
      held.reconciliation = round;
    }
    return compare(token);
  }

  /**
   * Up to {@code limit} ids of tokens held here that reconciliation {@code round} did not find in
   * the store: purged, or stored after the store was read.
   */
  synchronized List<TokenId> unmarked(int round, int limit) {
    List<TokenId> found = new ArrayList<>();
    byId.forEach(entry -> {
      if (entry.reconciliation != round && found.size() < limit) {
        found.add(entry.id().orElseThrow());
      }
    });
    return found;
  }

  /** The number of stored tokens the index holds (not counting second strings or the bootstrap admin). */
  public synchronized int tokens() {
    return byId.size();
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
