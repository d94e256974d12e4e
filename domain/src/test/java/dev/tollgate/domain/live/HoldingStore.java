package dev.tollgate.domain.live;

import dev.tollgate.domain.inmemory.InMemoryTokenRepository;
import dev.tollgate.domain.model.BootstrapAdmin;
import dev.tollgate.domain.model.RecordedTokenEvent;
import dev.tollgate.domain.model.PageCursor;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A replica's view of a shared in-memory store in which a change can be held back as an open
 * transaction would: its event and the token's new state stay invisible until released, while
 * later changes are seen. It can also fail every read, as a store out of reach does, and counts
 * the reads of the feed.
 */
final class HoldingStore implements TokenRepository, TokenEvents {

  private final java.util.concurrent.atomic.AtomicLong bootstrapReads =
      new java.util.concurrent.atomic.AtomicLong();

  private final InMemoryTokenRepository shared;
  private final Set<Long> heldSeqs = new HashSet<>();
  private final Map<TokenId, Optional<Token.Access>> visibleState = new HashMap<>();
  final AtomicInteger feedReads = new AtomicInteger();
  volatile RuntimeException failure;
  private volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);

  HoldingStore(InMemoryTokenRepository shared) {
    this.shared = shared;
  }

  /** The next event written stays invisible until released, as if its transaction were open. */
  synchronized void holdNextEvent() {
    heldSeqs.add(shared.latestSeq() + 1);
  }

  /** Until released, the token looks as given (empty: not there), as its open transaction would. */
  synchronized void showAs(TokenId id, Optional<Token> state) {
    visibleState.put(id, state.map(Token::access));
  }

  /** Makes the next feed read wait at the gate. */
  void closeGate() {
    gate = new java.util.concurrent.CountDownLatch(1);
  }

  void openGate() {
    gate.countDown();
  }

  synchronized void release() {
    heldSeqs.clear();
    visibleState.clear();
  }

  private synchronized Optional<Token.Access> visible(Token.Access token) {
    return visibleState.getOrDefault(token.id(), Optional.of(token));
  }

  private void failIfOutOfReach() {
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public Changes changesAfter(long after, Collection<Long> missing, int limit) {
    failIfOutOfReach();
    feedReads.incrementAndGet();
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return visibleChanges(after, missing, limit);
  }

  private synchronized Changes visibleChanges(long after, Collection<Long> missing, int limit) {
    Changes all = shared.changesAfter(after, missing, Integer.MAX_VALUE);
    List<Long> seqs = new ArrayList<>();
    for (long seq : all.seqs()) {
      if (!heldSeqs.contains(seq) && (seq <= after || seqs.stream().filter(s -> s > after).count() < limit)) {
        seqs.add(seq);
      }
    }
    // only what the visible events name, as the store's join would give
    Map<TokenId, Token.Access> tokens = new java.util.LinkedHashMap<>();
    Set<TokenId> gone = new java.util.LinkedHashSet<>();
    Optional<BootstrapAdmin> bootstrap = Optional.empty();
    for (long seq : seqs) {
      TokenId id = shared.after(seq - 1, 1).get(0).event().tokenId();
      Optional<Token> stored = shared.findById(id);
      if (id.equals(TokenId.BOOTSTRAP_ADMIN)) {
        bootstrap = Optional.of(shared.bootstrapAdmin());
      } else if (stored.isPresent()) {
        visible(stored.get().access()).ifPresent(token -> tokens.put(id, token));
      } else {
        gone.add(id);
      }
    }
    return new Changes(seqs, List.copyOf(tokens.values()), List.copyOf(gone), bootstrap);
  }

  @Override
  public long latestSeq() {
    failIfOutOfReach();
    return shared.latestSeq();
  }

  @Override
  public List<RecordedTokenEvent> find(dev.tollgate.domain.model.EventQuery query) {
    return shared.find(query);
  }

  @Override
  public List<RecordedTokenEvent> after(long seq, int limit) {
    return shared.after(seq, limit);
  }

  /** Runs once, after the next full read has handed out its first token: a concurrent step. */
  volatile Runnable duringNextFullRead;
  /** Runs once, after the next read of the bootstrap admin registration, before it returns. */
  volatile Runnable afterNextBootstrapRead;

  @Override
  public void forEachAccess(Consumer<Token.Access> action) {
    failIfOutOfReach();
    boolean[] first = {true};
    shared.forEachAccess(token -> {
      visible(token).ifPresent(action);
      Runnable concurrent = duringNextFullRead;
      if (first[0] && concurrent != null) {
        duringNextFullRead = null;
        concurrent.run();
      }
      first[0] = false;
    });
  }

  @Override
  public void add(Token token, TokenEvent event) {
    failIfOutOfReach();
    shared.add(token, event);
  }

  @Override
  public Optional<Token> update(Token token, TokenEvent event) {
    failIfOutOfReach();
    return shared.update(token, event);
  }

  @Override
  public Optional<Token> findById(TokenId id) {
    failIfOutOfReach();
    return shared.findById(id);
  }

  @Override
  public List<Token> findByKind(TokenKind kind, boolean includeRevoked,
      Optional<PageCursor> after, int limit) {
    failIfOutOfReach();
    return shared.findByKind(kind, includeRevoked, after, limit);
  }

  @Override
  public void recordLastUsed(Map<TokenId, Instant> lastUsed) {
    failIfOutOfReach();
    shared.recordLastUsed(lastUsed);
  }

  @Override
  public BootstrapAdmin bootstrapAdmin() {
    failIfOutOfReach();
    bootstrapReads.incrementAndGet();
    BootstrapAdmin read = shared.bootstrapAdmin();
    Runnable concurrent = afterNextBootstrapRead;
    if (concurrent != null) {
      afterNextBootstrapRead = null;
      concurrent.run();
    }
    return read;
  }

  /** How often the bootstrap admin registration was read through this view. */
  long bootstrapReads() {
    return bootstrapReads.get();
  }

  @Override
  public List<TokenId> purgeRevoked(Instant revokedBefore, Instant at, int limit) {
    failIfOutOfReach();
    return shared.purgeRevoked(revokedBefore, at, limit);
  }

  @Override
  public BootstrapAdmin replaceBootstrapAdmin(Optional<TokenHash> hash, String keptAt,
      Instant at) {
    failIfOutOfReach();
    return shared.replaceBootstrapAdmin(hash, keptAt, at);
  }

  @Override
  public boolean registerBootstrapAdmin(TokenHash hash, String keptAt, Instant at) {
    failIfOutOfReach();
    return shared.registerBootstrapAdmin(hash, keptAt, at);
  }

  @Override
  public Optional<Instant> bootstrapAdminRetiredAt(TokenHash hash) {
    failIfOutOfReach();
    return shared.bootstrapAdminRetiredAt(hash);
  }
}
