package dev.tollgate.domain.live.sim;

import dev.tollgate.domain.model.BootstrapAdmin;
import dev.tollgate.domain.model.EventQuery;
import dev.tollgate.domain.model.PageCursor;
import dev.tollgate.domain.model.RecordedTokenEvent;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenHash;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.TokenEvents;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The database the simulated replicas share, as PostgreSQL behaves for Tollgate: a transaction
 * takes its event's sequence number when it writes it and becomes visible when it commits, so a
 * transaction held open (a "late" commit) makes its lower number appear after higher ones, and
 * one that rolls back leaves its number unused for good. Every commit is recorded for the oracle.
 */
final class SimStore {

  /**
   * One committed transaction.
   *
   * @param counter its place in commit order, from 1
   * @param reservedAt when it took its sequence number
   * @param tokens the tokens it changed, as they are after it (absent: purged)
   * @param bootstrap the bootstrap admin registration after it, when it changed that
   */
  record Commit(long counter, List<Long> seqs, Instant reservedAt, Instant committedAt,
      Map<TokenId, Optional<Token>> tokens, Optional<BootstrapAdmin> bootstrap) {}

  private final Clock clock;
  private final Map<TokenId, Token> rows = new LinkedHashMap<>();
  private final Map<TokenHash, TokenId> idByHash = new HashMap<>();
  private final TreeMap<Long, RecordedTokenEvent> events = new TreeMap<>();
  private final Map<TokenHash, Instant> retired = new HashMap<>();
  private final List<Commit> history = new ArrayList<>();
  private final Map<TokenId, List<Commit>> commitsOf = new HashMap<>();
  private final List<Commit> bootstrapCommits = new ArrayList<>();
  private BootstrapAdmin bootstrap = BootstrapAdmin.NEVER_REGISTERED;
  private long nextSeq = 1;
  private Long lateSeq;
  private Instant lateReservedAt;
  private Consumer<Commit> onCommit = commit -> { };

  SimStore(Clock clock) {
    this.clock = clock;
  }

  void onCommit(Consumer<Commit> listener) {
    this.onCommit = listener;
  }

  /** Takes a sequence number for a transaction that will write its event later, or never. */
  long reserve() {
    return nextSeq++;
  }

  /** Runs {@code write} as the transaction that reserved {@code seq} at {@code reservedAt}. */
  void commitLate(long seq, Instant reservedAt, Runnable write) {
    lateSeq = seq;
    lateReservedAt = reservedAt;
    try {
      write.run();
    } finally {
      lateSeq = null;
      lateReservedAt = null;
    }
  }

  List<Commit> history() {
    return history;
  }

  /** The commits that changed this token, in commit order. */
  List<Commit> commitsOf(TokenId id) {
    return commitsOf.getOrDefault(id, List.of());
  }

  /** The commits that changed the bootstrap admin registration, in commit order. */
  List<Commit> bootstrapCommits() {
    return bootstrapCommits;
  }

  long commits() {
    return history.size();
  }

  Optional<Token> row(TokenId id) {
    return Optional.ofNullable(rows.get(id));
  }

  BootstrapAdmin bootstrapAdmin() {
    return bootstrap;
  }

  // writes: each is one transaction

  void add(Token token, TokenEvent event) {
    if (rows.containsKey(token.id()) || idByHash.containsKey(token.hash())) {
      throw new IllegalStateException("a token with id " + token.id() + " or its hash exists");
    }
    Token stored = token.atVersion(1);
    rows.put(token.id(), stored);
    idByHash.put(stored.hash(), stored.id());
    commit(List.of(event), Map.of(token.id(), Optional.of(stored)), Optional.empty());
  }

  Optional<Token> update(Token token, TokenEvent event) {
    Token stored = rows.get(token.id());
    if (stored == null || stored.version() != token.version()) {
      return Optional.empty();
    }
    Token updated = token.atVersion(token.version() + 1);
    updated = stored.lastUsedAt().map(updated::usedAt).orElse(updated);
    idByHash.remove(stored.hash());
    idByHash.put(updated.hash(), updated.id());
    rows.put(token.id(), updated);
    commit(List.of(event), Map.of(token.id(), Optional.of(updated)), Optional.empty());
    return Optional.of(updated);
  }

  List<TokenId> purgeRevoked(Instant revokedBefore, Instant at, int limit) {
    List<Token> old = rows.values().stream()
        .filter(t -> t.revokedAt().filter(r -> r.isBefore(revokedBefore)).isPresent())
        .sorted(Comparator.comparing((Token t) -> t.revokedAt().orElseThrow()))
        .limit(limit).toList();
    if (old.isEmpty()) {
      return List.of();
    }
    List<TokenEvent> written = new ArrayList<>();
    Map<TokenId, Optional<Token>> changed = new LinkedHashMap<>();
    for (Token token : old) {
      rows.remove(token.id());
      idByHash.remove(token.hash());
      written.add(TokenEvent.purged(token.id(), at, revokedBefore));
      changed.put(token.id(), Optional.empty());
    }
    commit(written, changed, Optional.empty());
    return List.copyOf(changed.keySet());
  }

  boolean registerBootstrapAdmin(TokenHash hash, String keptAt, Instant at) {
    if (bootstrap.generation() > 0) {
      return false;
    }
    bootstrap = BootstrapAdmin.registered(1, hash, keptAt, at);
    commit(List.of(TokenEvent.bootstrapAdmin(bootstrap, "registered")), Map.of(),
        Optional.of(bootstrap));
    return true;
  }

  BootstrapAdmin replaceBootstrapAdmin(Optional<TokenHash> hash, String keptAt, Instant at) {
    bootstrap.hash().ifPresent(old -> retired.putIfAbsent(old, at));
    long generation = bootstrap.generation() + 1;
    bootstrap = hash.map(h -> BootstrapAdmin.registered(generation, h, keptAt, at))
        .orElse(new BootstrapAdmin(generation, Optional.empty(), Optional.empty(),
            Optional.of(at)));
    commit(List.of(TokenEvent.bootstrapAdmin(bootstrap, hash.isPresent() ? "rotated"
        : "disabled")), Map.of(), Optional.of(bootstrap));
    return bootstrap;
  }

  Optional<Instant> bootstrapAdminRetiredAt(TokenHash hash) {
    return Optional.ofNullable(retired.get(hash));
  }

  void recordLastUsed(Map<TokenId, Instant> lastUsed) {
    lastUsed.forEach((id, at) -> rows.computeIfPresent(id, (key, token) -> token.usedAt(at)));
  }

  private void commit(List<TokenEvent> written, Map<TokenId, Optional<Token>> tokens,
      Optional<BootstrapAdmin> registration) {
    Instant now = clock.now();
    Instant reservedAt = lateSeq != null ? lateReservedAt : now;
    List<Long> seqs = new ArrayList<>();
    for (TokenEvent event : written) {
      long seq;
      if (lateSeq != null) {
        seq = lateSeq;
        lateSeq = null;
      } else {
        seq = nextSeq++;
      }
      events.put(seq, new RecordedTokenEvent(seq, event));
      seqs.add(seq);
    }
    Commit commit = new Commit(history.size() + 1L, seqs, reservedAt, now, tokens, registration);
    history.add(commit);
    tokens.keySet().forEach(id -> commitsOf.computeIfAbsent(id, key -> new ArrayList<>())
        .add(commit));
    registration.ifPresent(changed -> bootstrapCommits.add(commit));
    onCommit.accept(commit);
  }

  // reads

  Optional<Token> findById(TokenId id) {
    return row(id);
  }

  List<Token> findByKind(TokenKind kind, boolean includeRevoked, Optional<PageCursor> after,
      int limit) {
    return rows.values().stream().filter(t -> t.kind() == kind)
        .filter(t -> includeRevoked || !t.isRevoked())
        .filter(t -> after.map(cursor -> cursor.precedes(t)).orElse(true))
        .sorted(Comparator.comparing(Token::createdAt).thenComparing(Token::id))
        .limit(limit).toList();
  }

  /** Every stored token as of now: a snapshot, as one repeatable-read transaction sees. */
  List<Token.Access> snapshot() {
    return rows.values().stream().map(Token::access).toList();
  }

  long latestSeq() {
    return events.isEmpty() ? 0 : events.lastKey();
  }

  List<RecordedTokenEvent> after(long seq, int limit) {
    return events.tailMap(seq, false).values().stream().limit(limit).toList();
  }

  List<RecordedTokenEvent> find(EventQuery query) {
    return events.tailMap(query.afterSeq(), false).values().stream()
        .filter(e -> query.matches(e.event())).limit(query.limit()).toList();
  }

  TokenEvents.Changes changesAfter(long after, Collection<Long> missing, int limit) {
    List<Long> seqs = new ArrayList<>();
    for (long seq : new TreeSet<>(missing)) {
      if (seq <= after && events.containsKey(seq)) {
        seqs.add(seq);
      }
    }
    events.tailMap(after, false).keySet().stream().limit(limit).forEach(seqs::add);
    Map<TokenId, Token.Access> tokens = new LinkedHashMap<>();
    Set<TokenId> gone = new LinkedHashSet<>();
    boolean bootstrapChanged = false;
    for (long seq : seqs) {
      TokenId id = events.get(seq).event().tokenId();
      if (id.equals(TokenId.BOOTSTRAP_ADMIN)) {
        bootstrapChanged = true;
      } else if (rows.containsKey(id)) {
        tokens.put(id, rows.get(id).access());
      } else {
        gone.add(id);
      }
    }
    return new TokenEvents.Changes(seqs, List.copyOf(tokens.values()), List.copyOf(gone),
        bootstrapChanged ? Optional.of(bootstrap) : Optional.empty());
  }
}
