package dev.tollgate.domain.live.sim;

import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random schedules from a seed: the same seed gives the same schedule on every machine. */
final class ScheduleGenerator {

  static final int REPLICAS = 3;

  private final SplittableRandom random;

  ScheduleGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A schedule of 20 to 120 steps. */
  List<Step> schedule() {
    int length = 20 + random.nextInt(101);
    List<Step> steps = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      steps.add(step(true));
    }
    return steps;
  }

  private Step step(boolean outer) {
    int roll = random.nextInt(1000);
    int replica = random.nextInt(REPLICAS);
    if (roll < 110) {
      return create(replica);
    }
    if (roll < 170) {
      return new Step.Update(replica, pick(), random.nextInt(32), fate());
    }
    if (roll < 250) {
      return new Step.Rotate(replica, pick(), overlap(), fate());
    }
    if (roll < 310) {
      return new Step.Revoke(replica, pick(), fate());
    }
    if (roll < 320) {
      return new Step.Purge(replica, new int[] {0, 1, 30}[random.nextInt(3)], fate());
    }
    if (roll < 335) {
      Change change = Change.values()[random.nextInt(Change.values().length)];
      return new Step.Bootstrap(replica, change, fate());
    }
    if (roll < 375) {
      return new Step.BeginLate(replica, lateWrite(replica));
    }
    if (roll < 410) {
      return new Step.CommitLate(pick());
    }
    if (roll < 420) {
      return new Step.RollbackLate(pick());
    }
    if (roll < 560) {
      return new Step.Tick(replica);
    }
    if (roll < 660) {
      return new Step.Advance(advance());
    }
    if (roll < 790) {
      return new Step.Deliver(replica);
    }
    if (roll < 830) {
      return new Step.RunQueued(replica);
    }
    if (roll < 920) {
      return new Step.Authorize(replica, pick());
    }
    if (roll < 940) {
      return new Step.ListenLost(replica);
    }
    if (roll < 955) {
      return new Step.ListenBack(replica);
    }
    if (!outer) {
      return new Step.Tick(replica);
    }
    if (roll < 968) {
      return new Step.Pause(replica);
    }
    if (roll < 980) {
      return new Step.Resume(replica);
    }
    if (roll < 990) {
      return new Step.Restart(replica, inner());
    }
    return new Step.Reconcile(replica, inner(), inner());
  }

  private Step create(int replica) {
    return new Step.Create(replica, random.nextInt(5) == 0, random.nextInt(32),
        random.nextInt(8), fate());
  }

  private Step lateWrite(int replica) {
    return switch (random.nextInt(4)) {
      case 0 -> create(replica);
      case 1 -> new Step.Update(replica, pick(), random.nextInt(32), fate());
      case 2 -> new Step.Rotate(replica, pick(), overlap(), fate());
      default -> new Step.Revoke(replica, pick(), fate());
    };
  }

  /** Steps that happen while a replica loads or reconciles: no restarts or pauses among them. */
  private List<Step> inner() {
    int count = random.nextInt(4);
    List<Step> steps = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      steps.add(step(false));
    }
    return steps;
  }

  private int pick() {
    return random.nextInt(1 << 20);
  }

  private int overlap() {
    return new int[] {0, 0, 1, 5, 30}[random.nextInt(5)];
  }

  private long advance() {
    long[] choices = {1, 10, 50, 200, 1_000, 2_000, 5_000, 30_000, 61_000};
    return choices[random.nextInt(choices.length)];
  }

  /** Mostly delivered; a notification is lost or doubled one time in ten each. */
  private int fate() {
    int fate = 0;
    for (int replica = 0; replica < REPLICAS; replica++) {
      int roll = random.nextInt(10);
      int bits = roll == 0 ? 2 : roll == 1 ? 3 : 0;
      fate |= bits << (2 * replica);
    }
    return fate;
  }
}
