package dev.tollgate.domain.live.sim;

import dev.tollgate.domain.inmemory.ControllableClock;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.inmemory.SequentialIdGenerator;
import dev.tollgate.domain.model.AuthorizationDecision;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.UnavailableException;
import dev.tollgate.domain.port.in.AuthorizeUseCase;
import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one schedule against three replicas over one simulated store, single-threaded, with the
 * test's clock, and checks the invariants after every step. Nothing here reads the wall clock,
 * starts a thread or draws a random number the schedule did not carry: a schedule runs the same
 * way every time.
 */
final class Simulation {

  /** The first step after which an invariant did not hold, and which. */
  record Failure(int step, String invariant) {}

  /** Thrown to stop the run at the first broken invariant. */
  static final class Broken extends RuntimeException {
    Broken(String message) {
      super(message, null, false, false);
    }
  }

  static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  final ControllableClock clock = new ControllableClock(T0);
  final SimStore store = new SimStore(clock);
  final Oracle oracle = new Oracle(store);
  final List<SimReplica> replicas = new ArrayList<>();
  final Universe universe = new Universe();
  private final DeterministicRandomSource random = new DeterministicRandomSource(7);
  private final SequentialIdGenerator ids = new SequentialIdGenerator();
  private final Writes writes = new Writes(this);
  private int fate;

  Simulation() {
    store.onCommit(this::notifyReplicas);
    DeterministicRandomSource never = new DeterministicRandomSource(13);
    for (int i = 0; i < 2; i++) {
      TokenFormat format = i == 0 ? TokenFormat.DATABASE : TokenFormat.MANAGEMENT;
      universe.add(new Oracle.Str(format.generate(never).value(), Oracle.Owner.NEVER_ISSUED,
          Optional.empty(), "N" + (i + 1)));
    }
    for (int i = 0; i < ScheduleGenerator.REPLICAS; i++) {
      SimReplica replica = new SimReplica(i);
      replicas.add(replica);
      start(replica, List.of());
    }
  }

  /** Runs the schedule; empty when every invariant held after every step. */
  static Optional<Failure> run(List<Step> schedule) {
    Simulation simulation = new Simulation();
    for (int i = 0; i < schedule.size(); i++) {
      try {
        simulation.execute(schedule.get(i));
        simulation.check();
      } catch (Broken e) {
        return Optional.of(new Failure(i, e.getMessage()));
      } catch (RuntimeException | AssertionError e) {
        return Optional.of(new Failure(i, "step threw " + e));
      }
    }
    return Optional.empty();
  }

  void execute(Step step) {
    int outer = fate;
    fate = fateOf(step);
    try {
      dispatch(step);
    } finally {
      fate = outer;
    }
  }

  private void dispatch(Step step) {
    if (step instanceof Step.Create s) {
      writes.create(s);
    } else if (step instanceof Step.Update s) {
      writes.update(s);
    } else if (step instanceof Step.Rotate s) {
      writes.rotate(s);
    } else if (step instanceof Step.Revoke s) {
      writes.revoke(s);
    } else if (step instanceof Step.Purge s) {
      writes.purge(s);
    } else if (step instanceof Step.Bootstrap s) {
      writes.bootstrap(s);
    } else if (step instanceof Step.BeginLate s) {
      writes.begin(s);
    } else if (step instanceof Step.CommitLate s) {
      writes.commit(s.pick());
    } else if (step instanceof Step.RollbackLate s) {
      writes.rollback(s.pick());
    } else if (step instanceof Step.Advance s) {
      clock.advance(Duration.ofMillis(s.millis()));
    } else if (step instanceof Step.Pause s) {
      replicas.get(s.replica()).paused = true;
    } else if (step instanceof Step.Resume s) {
      replicas.get(s.replica()).paused = false;
    } else if (step instanceof Step.Restart s) {
      start(replicas.get(s.replica()), s.duringLoad());
    } else {
      process(step);
    }
  }

  /** Steps that a stopped process does not take. */
  private void process(Step step) {
    if (step instanceof Step.Tick s) {
      running(s.replica()).ifPresent(r -> r.useCases.follower().tick());
    } else if (step instanceof Step.Deliver s) {
      running(s.replica()).filter(r -> r.notifications > 0).ifPresent(r -> {
        r.notifications--;
        r.useCases.follower().changesSignalled();
      });
    } else if (step instanceof Step.RunQueued s) {
      running(s.replica()).ifPresent(SimReplica::runMissRounds);
    } else if (step instanceof Step.Authorize s) {
      running(s.replica()).ifPresent(r -> authorize(r, s.string()));
    } else if (step instanceof Step.Reconcile s) {
      running(s.replica()).ifPresent(r -> reconcile(r, s));
    } else if (step instanceof Step.ListenLost s) {
      running(s.replica()).filter(r -> r.connected).ifPresent(r -> {
        r.connected = false;
        r.useCases.follower().notificationsStopped("the listening connection was reset");
      });
    } else if (step instanceof Step.ListenBack s) {
      running(s.replica()).filter(r -> !r.connected).ifPresent(r -> {
        r.connected = true;
        if (r.subscribed) {
          r.useCases.follower().notificationsListening();
        }
      });
    } else {
      throw new IllegalArgumentException("unknown step " + step);
    }
  }

  /** The replica, unless its process is stopped. */
  Optional<SimReplica> running(int number) {
    SimReplica replica = replicas.get(number);
    return replica.paused ? Optional.empty() : Optional.of(replica);
  }

  /** Starts the process as the server does: provision the bootstrap admin, load, subscribe. */
  private void start(SimReplica replica, List<Step> duringLoad) {
    replica.start(store, clock, random, ids);
    long before = store.commits();
    replica.useCases.provisionBootstrapAdmin(replica.file).provision(
        new ProvisionBootstrapAdminUseCase.Command(true));
    writes.noteOwn(replica, before);
    universe.noteBootstrapFile(replica);
    replica.view.mark();
    replica.view.duringNextScan = () -> runInner(duringLoad, replica, false);
    replica.useCases.follower().load();
    replica.scannedAt = replica.view.scanAt();
    replica.registrationReadAt = replica.view.bootstrapReadAt();
    replica.subscribed = true;
    if (replica.connected) {
      replica.useCases.follower().notificationsListening();
    }
  }

  private void reconcile(SimReplica replica, Step.Reconcile step) {
    replica.runMissRounds();
    replica.view.mark();
    replica.view.afterNextBootstrapRead =
        () -> runInner(step.afterRegistrationRead(), replica, true);
    replica.view.duringNextScan = () -> runInner(step.duringScan(), replica, true);
    replica.useCases.reconciler().reconcile();
    replica.scannedAt = Math.max(replica.scannedAt, replica.view.scanAt());
    replica.registrationReadAt =
        Math.max(replica.registrationReadAt, replica.view.bootstrapReadAt());
  }

  /**
   * Steps that happen while {@code busy} reads the whole store; checked after each. A lookup on
   * a reconciling replica is left out: it would wait for a thread the simulation is using.
   */
  private void runInner(List<Step> steps, SimReplica busy, boolean reconciling) {
    for (Step step : steps) {
      boolean waitsForBusy = reconciling && step instanceof Step.Authorize a
          && a.replica() == busy.number;
      if (!waitsForBusy) {
        execute(step);
        check();
      }
    }
  }

  private void authorize(SimReplica replica, int pick) {
    Oracle.Str s = universe.pick(pick);
    int incarnation = replica.incarnation;
    replica.useCases.authorize().decide(new AuthorizeUseCase.Request(s.utf8(), Oracle.ASKED))
        .whenComplete((decision, failure) -> {
          if (replica.incarnation == incarnation && decision != null) {
            checkAnswer(replica, s, new Oracle.Answer(decision.valid(), decision.granted()),
                "an Authorize that waited for a round");
          }
        });
  }

  private void notifyReplicas(SimStore.Commit commit) {
    for (SimReplica replica : replicas) {
      if (replica.subscribed && replica.connected) {
        int bits = (fate >> (2 * replica.number)) & 3;
        replica.notifications += bits == 2 ? 0 : bits == 3 ? 2 : 1;
      }
    }
  }

  private static int fateOf(Step step) {
    if (step instanceof Step.Create s) {
      return s.fate();
    } else if (step instanceof Step.Update s) {
      return s.fate();
    } else if (step instanceof Step.Rotate s) {
      return s.fate();
    } else if (step instanceof Step.Revoke s) {
      return s.fate();
    } else if (step instanceof Step.Purge s) {
      return s.fate();
    } else if (step instanceof Step.Bootstrap s) {
      return s.fate();
    } else if (step instanceof Step.BeginLate s) {
      return fateOf(s.write());
    }
    return 0;
  }

  /** Runs {@code write} with the notification fate of {@code step}, as a late commit does. */
  void withFateOf(Step step, Runnable write) {
    int outer = fate;
    fate = fateOf(step);
    try {
      write.run();
    } finally {
      fate = outer;
    }
  }

  /** The invariants, for every replica whose process runs, and every string the test knows. */
  void check() {
    Instant now = clock.now();
    for (SimReplica replica : replicas) {
      if (replica.paused) {
        continue;
      }
      boolean caughtUp = oracle.caughtUp(replica);
      for (Oracle.Str s : universe.all()) {
        Optional<Oracle.Answer> answer = answerFromMemory(replica, s);
        if (answer.isEmpty()) {
          if (caughtUp && oracle.truth(s, now).valid()) {
            throw new Broken("3: " + replica + " has caught up but does not hold " + s
                + ", which the store accepts");
          }
          continue;
        }
        checkAnswer(replica, s, answer.get(), "from memory");
        if (caughtUp && !answer.get().equals(oracle.truth(s, now))) {
          throw new Broken("3: " + replica + " has caught up but answers " + answer.get()
              + " for " + s + "; the store answers " + oracle.truth(s, now));
        }
      }
    }
  }

  private void checkAnswer(SimReplica replica, Oracle.Str s, Oracle.Answer answer, String how) {
    if (!answer.valid()) {
      return;
    }
    if (s.owner() == Oracle.Owner.NEVER_ISSUED) {
      throw new Broken("1: " + replica + " accepts " + s + ", which was never issued (" + how
          + ")");
    }
    if (oracle.mustRefuse(replica, s, clock.now())) {
      throw new Broken("2: " + replica + " accepts " + s + " (" + how + ") although it has"
          + " read the change after which the store refuses it");
    }
  }

  /**
   * The replica's answer from memory, through the real Authorize: empty when it holds nothing
   * for the string and would read the feed first (not asked, so that checking changes nothing).
   * Until it has loaded and caught up, every well-formed token must be unavailable (invariant 4).
   */
  private Optional<Oracle.Answer> answerFromMemory(SimReplica replica, Oracle.Str s) {
    boolean loaded = replica.useCases.index().isLoaded();
    if (loaded && replica.useCases.index().get(s.digest()) == null) {
      return Optional.empty();
    }
    CompletableFuture<AuthorizationDecision> decided = replica.useCases.authorize()
        .decide(new AuthorizeUseCase.Request(s.utf8(), Oracle.ASKED)).toCompletableFuture();
    if (!decided.isDone()) {
      throw new Broken("a lookup of " + s + " held in memory waits for " + replica);
    }
    if (decided.isCompletedExceptionally()) {
      Throwable cause = decided.handle((ok, failure) -> failure).join();
      if (!(cause instanceof UnavailableException)) {
        throw new Broken(replica + " failed " + s + " with " + cause);
      }
      return Optional.of(Oracle.Answer.REFUSED);
    }
    AuthorizationDecision decision = decided.join();
    if (!loaded) {
      throw new Broken("4: " + replica + " answers " + s + " before it has loaded: valid="
          + decision.valid());
    }
    return Optional.of(new Oracle.Answer(decision.valid(), decision.granted()));
  }
}
