package dev.tollgate.domain.inmemory;

import dev.tollgate.domain.model.BootstrapAdmin;
import dev.tollgate.domain.model.EventQuery;
import dev.tollgate.domain.model.PageCursor;
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
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A thread-safe token store in memory, for tests and for projects that embed Tollgate; it keeps
 * the same promises as the database-backed store. Its events become visible in sequence order.
 */
public final class InMemoryTokenRepository implements TokenRepository, TokenEvents {

  private static final Comparator<Token> OLDEST_FIRST =
      Comparator.comparing(Token::createdAt).thenComparing(Token::id);

  private final Map<TokenId, Token> byId = new HashMap<>();
  private final Map<TokenHash, TokenId> idByHash = new HashMap<>();
  private final List<RecordedTokenEvent> events = new ArrayList<>();
  private BootstrapAdmin bootstrapAdmin = BootstrapAdmin.NEVER_REGISTERED;
  private final Map<TokenHash, Instant> retiredBootstrapAdmins = new HashMap<>();

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
    byId.put(token.id(), stored.lastUsedAt().map(updated::usedAt).orElse(updated));
    append(event);
    return Optional.of(byId.get(token.id()));
  }

  @Override
  public synchronized Optional<Token> findById(TokenId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized List<Token> findByKind(TokenKind kind, boolean includeRevoked,
      Optional<PageCursor> after, int limit) {
    return byId.values().stream().filter(t -> t.kind() == kind)
        .filter(t -> includeRevoked || !t.isRevoked())
        .filter(t -> after.map(cursor -> cursor.precedes(t)).orElse(true))
        .sorted(OLDEST_FIRST).limit(limit).toList();
  }

  @Override
  public void forEachAccess(Consumer<Token.Access> action) {
    List<Token> all;
    synchronized (this) {
      all = List.copyOf(byId.values());
    }
    all.forEach(token -> action.accept(token.access()));
  }

  @Override
  public synchronized void recordLastUsed(Map<TokenId, Instant> lastUsed) {
    lastUsed.forEach((id, at) -> byId.computeIfPresent(id, (key, token) -> token.usedAt(at)));
  }

  @Override
  public synchronized BootstrapAdmin bootstrapAdmin() {
    return bootstrapAdmin;
  }

  @Override
  public synchronized List<TokenId> purgeRevoked(Instant revokedBefore, Instant at, int limit) {
    List<Token> old = byId.values().stream()
        .filter(t -> t.revokedAt().filter(r -> r.isBefore(revokedBefore)).isPresent())
        .sorted(Comparator.comparing((Token t) -> t.revokedAt().orElseThrow()))
        .limit(limit).toList();
    List<TokenId> purged = new ArrayList<>();
    for (Token token : old) {
      byId.remove(token.id());
      append(TokenEvent.purged(token.id(), at, revokedBefore));
      purged.add(token.id());
    }
    return purged;
  }

  @Override
  public synchronized BootstrapAdmin replaceBootstrapAdmin(Optional<TokenHash> hash,
      String keptAt, Instant at) {
    bootstrapAdmin.hash().ifPresent(retired -> retiredBootstrapAdmins.putIfAbsent(retired,
        at.truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
    long generation = bootstrapAdmin.generation() + 1;
    bootstrapAdmin = hash.map(h -> BootstrapAdmin.registered(generation, h, keptAt, at))
        .orElse(new BootstrapAdmin(generation, Optional.empty(), Optional.empty(),
            Optional.of(at)));
    append(TokenEvent.bootstrapAdmin(bootstrapAdmin, hash.isPresent() ? "rotated" : "disabled"));
    return bootstrapAdmin;
  }

  @Override
  public synchronized boolean registerBootstrapAdmin(TokenHash hash, String keptAt, Instant at) {
    if (bootstrapAdmin.generation() > 0) {
      return false;
    }
    bootstrapAdmin = BootstrapAdmin.registered(1, hash, keptAt, at);
    append(TokenEvent.bootstrapAdmin(bootstrapAdmin, "registered"));
    return true;
  }

  @Override
  public synchronized Optional<Instant> bootstrapAdminRetiredAt(TokenHash hash) {
    return Optional.ofNullable(retiredBootstrapAdmins.get(hash));
  }

  @Override
  public synchronized List<RecordedTokenEvent> after(long seq, int limit) {
    return events.stream().filter(e -> e.seq() > seq).limit(limit).toList();
  }

  @Override
  public synchronized List<RecordedTokenEvent> find(EventQuery query) {
    return events.stream().filter(e -> e.seq() > query.afterSeq() && query.matches(e.event()))
        .limit(query.limit()).toList();
  }

  @Override
  public synchronized long latestSeq() {
    return events.size();
  }

  @Override
  public synchronized Changes changesAfter(long after, Collection<Long> missing, int limit) {
    // event number n sits at index n - 1
    List<Long> seqs = new ArrayList<>(new TreeSet<>(missing).headSet(Math.min(after, events.size()) + 1));
    for (long seq = Math.max(after, 0) + 1; seq <= events.size() && seq <= after + limit; seq++) {
      seqs.add(seq);
    }
    Map<TokenId, Token.Access> tokens = new LinkedHashMap<>();
    Set<TokenId> gone = new LinkedHashSet<>();
    boolean bootstrapChanged = false;
    for (long seq : seqs) {
      TokenId id = events.get((int) seq - 1).event().tokenId();
      Token token = byId.get(id);
      if (id.equals(TokenId.BOOTSTRAP_ADMIN)) {
        bootstrapChanged = true;
      } else if (token != null) {
        tokens.put(token.id(), token.access());
      } else {
        gone.add(id);
      }
    }
    return new Changes(seqs, List.copyOf(tokens.values()), List.copyOf(gone),
        bootstrapChanged ? Optional.of(bootstrapAdmin) : Optional.empty());
  }

  private void append(TokenEvent event) {
    events.add(new RecordedTokenEvent(events.size() + 1L, event));
  }
}
