package dev.tollgate.domain.live;

import dev.tollgate.domain.model.FeedFollowing;
import dev.tollgate.domain.model.FeedFollowing.Trigger;
import dev.tollgate.domain.model.UnavailableException;
import dev.tollgate.domain.port.out.ChangeNotifications;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.TokenEvents;
import dev.tollgate.domain.port.out.TokenRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a replica's {@link LiveTokenIndex} in step with the change feed. Work happens in rounds,
 * one at a time: a round reads what is new in the feed (and what was missing before) and applies
 * it. A round runs when a lookup missed ({@link #awaitRound()}), when the store signals a change,
 * or when the poll interval has passed ({@link #tick()}). Lookups that miss while a round is under
 * way wait for the next one, and rounds that find nothing for the misses back off, so a flood of
 * unknown tokens costs at most one read in flight and a few reads a second. Time comes from the
 * {@link Clock} only: whoever drives it calls {@link #tick()} often.
 */
public final class ChangeFollower implements ChangeNotifications.Listener {

  private final TokenRepository repository;
  private final TokenEvents feed;
  private final LiveTokenIndex index;
  private final Clock clock;
  private final FollowerSettings settings;
  private final FeedApplier applier;
  private final AtomicLong failedRounds = new AtomicLong();
  private final NotificationWatch notifications = new NotificationWatch();

  // guarded by this
  private boolean roundRunning;
  private boolean changeSignalled;
  private List<CompletableFuture<Void>> waiting = new ArrayList<>();
  private Duration backoff = Duration.ZERO;
  private Instant nextMissRoundAt = Instant.MIN;
  private Instant lastRoundAt = Instant.MIN;

  private volatile Instant lastCaughtUpAt;
  private volatile String lastFailure;

  public ChangeFollower(TokenRepository repository, TokenEvents feed, LiveTokenIndex index,
      Clock clock, FollowerSettings settings) {
    this.repository = repository;
    this.feed = feed;
    this.index = index;
    this.clock = clock;
    this.settings = settings;
    this.applier = new FeedApplier(feed, index, settings);
  }

  /**
   * Loads every stored token, then catches up with what changed meanwhile; lookups are answered
   * from then on. Throws if the store cannot be read.
   */
  public void load() {
    synchronized (this) {
      if (roundRunning) {
        throw new IllegalStateException("the index is already being loaded or followed");
      }
      roundRunning = true;
    }
    try {
      long latest = feed.latestSeq();
      index.setBootstrapAdmin(repository.bootstrapAdmin());
      repository.forEachAccess(index::apply);
      applier.startAt(latest);
    } catch (RuntimeException e) {
      synchronized (this) {
        roundRunning = false;
        notifyAll();
      }
      throw e;
    }
    runClaimedRound(Trigger.LOAD, true);
    index.markLoaded();
  }

  /**
   * A round that starts after this call, for a lookup that missed: completes when the round has
   * applied what it read, or exceptionally with {@link UnavailableException} when the feed
   * cannot be read or too many lookups are waiting. Starts the round on
   * {@link FollowerSettings#missRounds()} when none is under way and no back-off applies; never reads the
   * store on the calling thread unless that executor is a direct one.
   */
  public CompletionStage<Void> awaitRound() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    boolean runHere;
    synchronized (this) {
      if (waiting.size() >= settings.maxWaiting()) {
        return CompletableFuture.failedFuture(new UnavailableException(settings.maxWaiting()
            + " lookups of unknown tokens are already waiting for the token store; retry"));
      }
      waiting.add(done);
      Instant now = clock.now();
      if (now.isAfter(nextMissRoundAt.plus(settings.maxBackoff()))) {
        backoff = Duration.ZERO;
      }
      runHere = !roundRunning && !now.isBefore(nextMissRoundAt);
      roundRunning |= runHere;
    }
    if (runHere) {
      startMissRound();
    }
    return done;
  }

  private void startMissRound() {
    try {
      settings.missRounds().execute(() -> runClaimedRound(Trigger.MISS, false));
    } catch (RejectedExecutionException e) {
      List<CompletableFuture<Void>> served;
      synchronized (this) {
        served = waiting;
        waiting = new ArrayList<>();
        roundRunning = false;
        notifyAll();
      }
      complete(served, new UnavailableException("this replica is shutting down; retry on another"));
    }
  }

  /**
   * Runs a round right after the one under way, if any, whatever the back-off: for a
   * reconciliation, which must know that the feed has been read since it began.
   *
   * @throws RuntimeException when the feed cannot be read
   */
  public void catchUp() {
    synchronized (this) {
      while (roundRunning) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new UnavailableException("interrupted while waiting to read the change feed");
        }
      }
      roundRunning = true;
    }
    runClaimedRound(Trigger.RECONCILE, true);
  }

  /** Runs a round if lookups are waiting and their back-off has passed, or a poll is due. */
  public void tick() {
    Trigger trigger;
    synchronized (this) {
      if (roundRunning || !index.isLoaded()) {
        return;
      }
      Instant now = clock.now();
      if (!waiting.isEmpty() && !now.isBefore(nextMissRoundAt)) {
        trigger = Trigger.MISS;
      } else if (changeSignalled) {
        trigger = Trigger.NOTIFY;
      } else if (!now.isBefore(lastRoundAt.plus(notifications.pollInterval(settings)))) {
        trigger = Trigger.POLL;
      } else {
        return;
      }
      roundRunning = true;
    }
    runClaimedRound(trigger, false);
  }

  /** The store says changes may be waiting: runs a round now, or right after the current one. */
  @Override
  public void changesSignalled() {
    notifications.announced(clock.now());
    synchronized (this) {
      changeSignalled = true;
    }
    tick();
  }

  /** Notifications flow: polls slow down to the safety interval; a read is due at once. */
  @Override
  public void notificationsListening() {
    notifications.listening(clock.now());
    synchronized (this) {
      changeSignalled = true;
    }
    tick();
  }

  /** Notifications stopped: polls speed up until they flow again. */
  @Override
  public void notificationsStopped(String why) {
    notifications.stopped(why, clock.now());
  }

  public FeedFollowing status() {
    int waitingNow;
    synchronized (this) {
      waitingNow = waiting.size();
    }
    return new FeedFollowing(index.isLoaded(), index.size(), applier.appliedSeq(),
        applier.missingSeqs(), Optional.ofNullable(lastCaughtUpAt),
        Optional.ofNullable(lastFailure), waitingNow, applier.readCounts(),
        failedRounds.get(), notifications.state(), notifications.describe(settings));
  }

  private void runClaimedRound(Trigger trigger, boolean rethrow) {
    for (Trigger next = trigger; next != null; next = nextRoundRightAway()) {
      List<CompletableFuture<Void>> served;
      Instant startedAt = clock.now();
      synchronized (this) {
        served = waiting;
        waiting = new ArrayList<>();
        changeSignalled = false;
        lastRoundAt = startedAt;
      }
      RuntimeException failure = null;
      int applied = 0;
      try {
        applied = readAndApply(next, startedAt);
        lastCaughtUpAt = startedAt;
        lastFailure = null;
      } catch (RuntimeException e) {
        failure = e;
        failedRounds.incrementAndGet();
        lastFailure = String.valueOf(e.getMessage());
      }
      synchronized (this) {
        backoff = applied > 0 || served.isEmpty() ? Duration.ZERO
            : min(settings.maxBackoff(), max(Duration.ofMillis(1), backoff.multipliedBy(2)));
        nextMissRoundAt = clock.now().plus(backoff);
      }
      complete(served, failure);
      if (failure != null && rethrow) {
        synchronized (this) {
          roundRunning = false;
          notifyAll();
        }
        throw failure;
      }
    }
  }

  /** Ends the round in progress, or keeps it going when lookups wait and may be served at once. */
  private synchronized Trigger nextRoundRightAway() {
    if (!waiting.isEmpty() && !clock.now().isBefore(nextMissRoundAt)) {
      return Trigger.MISS;
    }
    roundRunning = false;
    notifyAll();
    return null;
  }

  private int readAndApply(Trigger trigger, Instant startedAt) {
    FeedApplier.Round round = applier.readAndApply(trigger, startedAt);
    if (trigger == Trigger.POLL && round.found() > 0 && !signalledSince()) {
      notifications.unannounced(round.found(), startedAt);
    }
    return round.applied();
  }

  /** Whether a notification arrived while the round in progress ran. */
  private synchronized boolean signalledSince() {
    return changeSignalled;
  }

  private static void complete(List<CompletableFuture<Void>> served, RuntimeException failure) {
    if (failure == null) {
      served.forEach(done -> done.complete(null));
      return;
    }
    UnavailableException unavailable = failure instanceof UnavailableException u ? u
        : new UnavailableException("cannot check the token against the token store now ("
            + failure.getMessage() + "); retry");
    served.forEach(done -> done.completeExceptionally(unavailable));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
