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
import dev.tollgate.domain.port.out.TokenEvents;
import dev.tollgate.domain.port.out.TokenRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One replica's connection to the shared {@link SimStore}. It notes how far the replica has read
 * (the commit count at each read of the feed, of the whole store and of the bootstrap admin's
 * registration), which is what the oracle needs to know what the replica must know; and it can
 * run other steps in the middle of a long read, as other threads and replicas would.
 */
final class SimReplicaStore implements TokenRepository, TokenEvents {

  private final SimStore store;
  /** The commit count at this replica's last read of the feed. */
  private long feedReadAt;
  /** The commit count at the first full read, and registration read, since {@link #mark()}. */
  private long scanAt = -1;
  private long bootstrapReadAt = -1;
  /** Run once, after the next full read has handed out its first token (or found none). */
  Runnable duringNextScan;
  /** Run once, right after the next read of the bootstrap admin registration. */
  Runnable afterNextBootstrapRead;

  SimReplicaStore(SimStore store) {
    this.store = store;
  }

  long feedReadAt() {
    return feedReadAt;
  }

  /** Forgets the reads noted so far, before a load or a reconciliation. */
  void mark() {
    scanAt = -1;
    bootstrapReadAt = -1;
  }

  long scanAt() {
    return scanAt;
  }

  long bootstrapReadAt() {
    return bootstrapReadAt;
  }

  @Override
  public Changes changesAfter(long after, Collection<Long> missing, int limit) {
    feedReadAt = store.commits();
    return store.changesAfter(after, missing, limit);
  }

  @Override
  public void forEachAccess(Consumer<Token.Access> action) {
    if (scanAt < 0) {
      scanAt = store.commits();
    }
    List<Token.Access> snapshot = store.snapshot();
    boolean first = true;
    for (Token.Access token : snapshot) {
      action.accept(token);
      if (first) {
        runOnce(duringNextScan, () -> duringNextScan = null);
        first = false;
      }
    }
    if (first) {
      runOnce(duringNextScan, () -> duringNextScan = null);
    }
  }

  @Override
  public BootstrapAdmin bootstrapAdmin() {
    BootstrapAdmin read = store.bootstrapAdmin();
    if (bootstrapReadAt < 0) {
      bootstrapReadAt = store.commits();
    }
    runOnce(afterNextBootstrapRead, () -> afterNextBootstrapRead = null);
    return read;
  }

  private static void runOnce(Runnable concurrent, Runnable clear) {
    if (concurrent != null) {
      clear.run();
      concurrent.run();
    }
  }

  @Override
  public long latestSeq() {
    return store.latestSeq();
  }

  @Override
  public List<RecordedTokenEvent> after(long seq, int limit) {
    return store.after(seq, limit);
  }

  @Override
  public List<RecordedTokenEvent> find(EventQuery query) {
    return store.find(query);
  }

  @Override
  public void add(Token token, TokenEvent event) {
    store.add(token, event);
  }

  @Override
  public Optional<Token> update(Token token, TokenEvent event) {
    return store.update(token, event);
  }

  @Override
  public Optional<Token> findById(TokenId id) {
    return store.findById(id);
  }

  @Override
  public List<Token> findByKind(TokenKind kind, boolean includeRevoked,
      Optional<PageCursor> after, int limit) {
    return store.findByKind(kind, includeRevoked, after, limit);
  }

  @Override
  public void recordLastUsed(Map<TokenId, Instant> lastUsed) {
    store.recordLastUsed(lastUsed);
  }

  @Override
  public List<TokenId> purgeRevoked(Instant revokedBefore, Instant at, int limit) {
    return store.purgeRevoked(revokedBefore, at, limit);
  }

  @Override
  public boolean registerBootstrapAdmin(TokenHash hash, String keptAt, Instant at) {
    return store.registerBootstrapAdmin(hash, keptAt, at);
  }

  @Override
  public BootstrapAdmin replaceBootstrapAdmin(Optional<TokenHash> hash, String keptAt,
      Instant at) {
    return store.replaceBootstrapAdmin(hash, keptAt, at);
  }

  @Override
  public Optional<Instant> bootstrapAdminRetiredAt(TokenHash hash) {
    return store.bootstrapAdminRetiredAt(hash);
  }
}
