package dev.tollgate.domain.live.sim;

import dev.tollgate.domain.inmemory.ControllableClock;
import dev.tollgate.domain.inmemory.InMemoryBootstrapTokenStore;
import dev.tollgate.domain.live.FollowerSettings;
import dev.tollgate.domain.port.out.IdGenerator;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.domain.port.out.RandomSource;
import dev.tollgate.domain.service.UseCases;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * One simulated replica process: its use cases over its own connection to the store, the thread
 * that runs rounds for missed lookups (a queue the schedule drains), the notifications waiting for
 * it, its data directory's bootstrap admin file, and what the oracle knows it must know.
 */
final class SimReplica {

  final int number;
  /** The data directory's admin-token.json: it outlives restarts. */
  final InMemoryBootstrapTokenStore file = new InMemoryBootstrapTokenStore() {
    @Override
    public String location() {
      return "replica " + number;
    }
  };
  final ArrayDeque<Runnable> missRounds = new ArrayDeque<>();
  SimReplicaStore view;
  UseCases useCases;
  int incarnation;
  boolean paused;
  /** Whether its listening connection works; notifications reach it only while subscribed too. */
  boolean connected = true;
  boolean subscribed;
  int notifications;
  /** Commits made through this incarnation: applied to its memory as they returned. */
  final Set<Long> own = new HashSet<>();
  /** The commit count at the last full read (load or reconciliation) that completed. */
  long scannedAt;
  /** The commit count at the last read of the bootstrap registration by a load or reconciliation. */
  long registrationReadAt;

  SimReplica(int number) {
    this.number = number;
  }

  /** A new process on the same data directory: nothing in memory, nothing known. */
  void start(SimStore store, ControllableClock clock, RandomSource random, IdGenerator ids) {
    incarnation++;
    view = new SimReplicaStore(store);
    missRounds.clear();
    notifications = 0;
    subscribed = false;
    paused = false;
    own.clear();
    scannedAt = 0;
    registrationReadAt = 0;
    useCases = new UseCases(view, view, clock, random, ids, IdentityProvider.NONE,
        FollowerSettings.defaults().withMissRounds(missRounds::add));
  }

  void runMissRounds() {
    while (!missRounds.isEmpty()) {
      missRounds.poll().run();
    }
  }

  @Override
  public String toString() {
    return "replica " + number;
  }
}
