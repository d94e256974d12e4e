package dev.tollgate.app;

import dev.tollgate.domain.live.ChangeFollower;
import dev.tollgate.domain.live.Reconciler;
import dev.tollgate.domain.model.FeedFollowing;
import dev.tollgate.domain.port.out.ChangeNotifications;
import dev.tollgate.domain.port.out.TokenEvents;
import dev.tollgate.domain.service.UseCases;
import dev.tollgate.net.DaemonThreads;
import dev.tollgate.text.GoDuration;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process as a replica: loads the live token index, then keeps it in step with the store
 * (ticks the follower, listens for change notifications, reconciles in full now and then) and
 * writes last-used times in batches. The domain decides what to do; this class only gives it
 * threads and time.
 */
@Singleton
final class Replica {

  private static final Logger LOG = LoggerFactory.getLogger(Replica.class);
  /** How often the follower is asked whether a round is due; cheap when none is. */
  private static final Duration TICK = Duration.ofMillis(5);
  private static final Duration LAST_USED_FLUSH = Duration.ofSeconds(10);
  /** How often long-revoked tokens are purged, when {@code --purge-revoked-after} is set. */
  private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

  private final UseCases useCases;
  private final TokenEvents feed;
  private final ChangeNotifications notifications;
  private final ServerConfig.Following following;
  private final ScheduledThreadPoolExecutor scheduler =
      new ScheduledThreadPoolExecutor(2, DaemonThreads.named("tollgate-follower"));
  private AutoCloseable listening = () -> { };
  private final AtomicLong reconciliationDifferences = new AtomicLong();
  private Optional<String> outage = Optional.empty();
  private FeedFollowing.Notifications notificationsHeard =
      FeedFollowing.Notifications.NOT_OFFERED;
  private boolean flushFailing;

  @Inject
  Replica(UseCases useCases, TokenEvents feed, ChangeNotifications notifications,
      ServerConfig config) {
    this.useCases = useCases;
    this.feed = feed;
    this.notifications = notifications;
    this.following = config.following();
  }

  /** Loads every stored token, then starts following; throws when the store cannot be read. */
  void start() {
    useCases.follower().load();
    ChangeFollower follower = useCases.follower();
    scheduler.scheduleWithFixedDelay(this::tick, TICK.toNanos(), TICK.toNanos(),
        TimeUnit.NANOSECONDS);
    scheduler.scheduleWithFixedDelay(this::reconcile, following.reconcileInterval().toMillis(),
        following.reconcileInterval().toMillis(), TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::flushLastUsed, LAST_USED_FLUSH.toMillis(),
        LAST_USED_FLUSH.toMillis(), TimeUnit.MILLISECONDS);
    following.purgeRevokedAfter().ifPresent(age -> scheduler.scheduleWithFixedDelay(
        () -> purge(age), 0, PURGE_EVERY.toMillis(), TimeUnit.MILLISECONDS));
    listening = notifications.subscribe(follower);
  }

  private void purge(Duration age) {
    try {
      int purged = useCases.purger().purgeRevokedBefore(age);
      if (purged > 0) {
        LOG.info("purged {} token(s) revoked more than {} ago; their events stay", purged,
            GoDuration.format(age));
      }
    } catch (RuntimeException e) {
      LOG.warn("purging revoked tokens failed, will retry in {}: {}",
          GoDuration.format(PURGE_EVERY), e.getMessage());
    }
  }

  /** How many credentials this replica holds in memory. */
  int liveTokens() {
    return useCases.index().size();
  }

  /** How the follower stands, for metrics. */
  FeedFollowing followerStatus() {
    return useCases.follower().status();
  }

  /** The store's latest event, for metrics; empty when the store cannot be read now. */
  OptionalLong latestSeq() {
    try {
      return OptionalLong.of(feed.latestSeq());
    } catch (RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** Tokens the reconciliations have found wrong in memory and repaired, since the start. */
  long reconciliationDifferences() {
    return reconciliationDifferences.get();
  }

  /** Stops following and writes the last-used times not written yet. */
  void stop() {
    try {
      listening.close();
    } catch (Exception e) {
      LOG.warn("stopping the change listener failed: {}", e.getMessage());
    }
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flushLastUsed();
  }

  private void tick() {
    try {
      useCases.follower().tick();
      FeedFollowing status = useCases.follower().status();
      reportOutage(status);
      reportNotifications(status);
    } catch (RuntimeException e) {
      LOG.error("following the change feed failed unexpectedly: {}", e.toString(), e);
    }
  }

  private void reportOutage(FeedFollowing status) {
    if (status.lastFailure().equals(outage)) {
      return;
    }
    if (status.lastFailure().isPresent()) {
      LOG.warn("cannot read the change feed: {}; answering the {} tokens in memory, unknown ones"
          + " with UNAVAILABLE", status.lastFailure().get(), status.liveTokens());
    } else {
      LOG.info("reading the change feed again; caught up to event {}", status.appliedSeq());
    }
    outage = status.lastFailure();
  }

  private void reportNotifications(FeedFollowing status) {
    if (status.notifications() == notificationsHeard) {
      return;
    }
    if (status.notifications() == FeedFollowing.Notifications.LOST) {
      LOG.warn("change notifications {}", status.polling());
    } else {
      LOG.info("change notifications {}", status.polling());
    }
    notificationsHeard = status.notifications();
  }

  private void reconcile() {
    try {
      Reconciler.Result result = useCases.reconciler().reconcile();
      reconciliationDifferences.addAndGet(result.differences());
      if (result.differences() > 0) {
        LOG.error("RECONCILIATION REPAIRED {} TOKEN(S) that the change feed had not delivered"
            + " (first: {}); {} tokens checked. The replicas were not coherent: report this.",
            result.differences(), result.examples(), result.checked());
      } else {
        LOG.debug("reconciled {} tokens: no differences", result.checked());
      }
    } catch (RuntimeException e) {
      LOG.warn("reconciliation failed, will retry in {}: {}", following.reconcileInterval(),
          e.getMessage());
    }
  }

  private void flushLastUsed() {
    try {
      useCases.lastUsed().flush();
      if (flushFailing) {
        LOG.info("writing last-used times again");
      }
      flushFailing = false;
    } catch (RuntimeException e) {
      if (!flushFailing) {
        LOG.warn("cannot write last-used times, keeping them for later: {}", e.getMessage());
      }
      flushFailing = true;
    }
  }
}
