package dev.tollgate.domain.live;

import dev.tollgate.domain.model.BootstrapAdmin;
import dev.tollgate.domain.model.PageCursor;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenHash;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.out.TokenRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The store as this replica's services write to it: every change that was stored is applied to
 * the replica's own index at once, so a revocation answered OK here is refused here right away;
 * other replicas learn it from the change feed. Tokens read back carry the uses this replica has
 * noted but not written yet, so a use shows in {@code list} here at once.
 */
public final class IndexedTokenRepository implements TokenRepository {

  private final TokenRepository store;
  private final LiveTokenIndex index;
  private final LastUsedLog lastUsed;

  public IndexedTokenRepository(TokenRepository store, LiveTokenIndex index,
      LastUsedLog lastUsed) {
    this.store = store;
    this.index = index;
    this.lastUsed = lastUsed;
  }

  @Override
  public void add(Token token, TokenEvent event) {
    store.add(token, event);
    index.apply(token.atVersion(1).access());
  }

  @Override
  public Optional<Token> update(Token token, TokenEvent event) {
    Optional<Token> stored = store.update(token, event);
    stored.ifPresent(now -> index.apply(now.access()));
    return stored;
  }

  @Override
  public List<TokenId> purgeRevoked(Instant revokedBefore, Instant at, int limit) {
    List<TokenId> purged = store.purgeRevoked(revokedBefore, at, limit);
    index.removeAll(purged);
    return purged;
  }

  @Override
  public BootstrapAdmin replaceBootstrapAdmin(Optional<TokenHash> hash, String keptAt,
      Instant at) {
    BootstrapAdmin now = store.replaceBootstrapAdmin(hash, keptAt, at);
    index.setBootstrapAdmin(now);
    return now;
  }

  @Override
  public boolean registerBootstrapAdmin(TokenHash hash, String keptAt, Instant at) {
    boolean registered = store.registerBootstrapAdmin(hash, keptAt, at);
    if (registered) {
      index.setBootstrapAdmin(BootstrapAdmin.registered(1, hash, keptAt, at));
    }
    return registered;
  }

  @Override
  public Optional<Instant> bootstrapAdminRetiredAt(TokenHash hash) {
    return store.bootstrapAdminRetiredAt(hash);
  }

  @Override
  public Optional<Token> findById(TokenId id) {
    return store.findById(id).map(lastUsed::withUnwritten);
  }

  @Override
  public List<Token> findByKind(TokenKind kind, boolean includeRevoked, Optional<PageCursor> after,
      int limit) {
    return store.findByKind(kind, includeRevoked, after, limit).stream()
        .map(lastUsed::withUnwritten).toList();
  }

  @Override
  public void forEachAccess(Consumer<Token.Access> action) {
    store.forEachAccess(action);
  }

  @Override
  public void recordLastUsed(Map<TokenId, Instant> lastUsed) {
    store.recordLastUsed(lastUsed);
  }

  @Override
  public BootstrapAdmin bootstrapAdmin() {
    return store.bootstrapAdmin();
  }
}
