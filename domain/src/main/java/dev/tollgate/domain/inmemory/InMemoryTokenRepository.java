package dev.tollgate.domain.inmemory;

import dev.tollgate.domain.model.RecordedTokenEvent;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenHash;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.out.TokenEvents;
import dev.tollgate.domain.port.out.TokenRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A thread-safe token store in memory, for tests and for projects that embed Tollgate; it keeps
 * the same promises as the database-backed store.
 */
public final class InMemoryTokenRepository implements TokenRepository, TokenEvents {

  private static final Comparator<Token> OLDEST_FIRST =
      Comparator.comparing(Token::createdAt).thenComparing(Token::id);

  private final Map<TokenId, Token> byId = new HashMap<>();
  private final Map<TokenHash, TokenId> idByHash = new HashMap<>();
  private final List<RecordedTokenEvent> events = new ArrayList<>();
  private TokenHash bootstrapAdmin;

  @Override
  public synchronized void add(Token token, TokenEvent event) {
    if (byId.containsKey(token.id()) || idByHash.containsKey(token.hash())) {
      throw new IllegalStateException("a token with id " + token.id() + " or its hash exists");
    }
    byId.put(token.id(), token.atVersion(1));
    idByHash.put(token.hash(), token.id());
    append(event);
  }

  @Override
  public synchronized Optional<Token> update(Token token, TokenEvent event) {
    Token stored = byId.get(token.id());
    if (stored == null || stored.version() != token.version()) {
      return Optional.empty();
    }
    Token updated = token.atVersion(token.version() + 1);
    byId.put(token.id(), updated);
    append(event);
    return Optional.of(updated);
  }

  @Override
  public synchronized Optional<Token> findById(TokenId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Optional<Token> findByHash(TokenHash hash) {
    return Optional.ofNullable(idByHash.get(hash)).map(byId::get);
  }

  @Override
  public synchronized List<Token> findByKind(TokenKind kind) {
    return byId.values().stream().filter(t -> t.kind() == kind).sorted(OLDEST_FIRST).toList();
  }

  @Override
  public synchronized Optional<TokenHash> bootstrapAdminHash() {
    return Optional.ofNullable(bootstrapAdmin);
  }

  @Override
  public synchronized boolean registerBootstrapAdmin(TokenHash hash, Instant at) {
    if (bootstrapAdmin != null) {
      return false;
    }
    bootstrapAdmin = hash;
    return true;
  }

  @Override
  public synchronized List<RecordedTokenEvent> after(long seq, int limit) {
    return events.stream().filter(e -> e.seq() > seq).limit(limit).toList();
  }

  private void append(TokenEvent event) {
    events.add(new RecordedTokenEvent(events.size() + 1L, event));
  }
}
