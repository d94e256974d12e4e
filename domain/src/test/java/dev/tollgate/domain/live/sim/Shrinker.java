package dev.tollgate.domain.live.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Makes a failing schedule as short as it can while it still fails: removes runs of steps, long
 * ones first, then the steps that happen inside loads and reconciliations, until nothing more can
 * go (as delta debugging does), within a budget of runs.
 */
final class Shrinker {

  private final Predicate<List<Step>> fails;
  private int budget;

  Shrinker(Predicate<List<Step>> fails, int budget) {
    this.fails = fails;
    this.budget = budget;
  }

  List<Step> shrink(List<Step> failing) {
    List<Step> best = failing;
    boolean smaller = true;
    while (smaller && budget > 0) {
      int before = size(best);
      best = removeRuns(best);
      best = shrinkInner(best);
      smaller = size(best) < before;
    }
    return best;
  }

  private List<Step> removeRuns(List<Step> schedule) {
    List<Step> best = schedule;
    for (int run = Math.max(1, best.size() / 2); run >= 1; run /= 2) {
      for (int start = 0; start + run <= best.size() && budget > 0; ) {
        List<Step> candidate = new ArrayList<>(best.subList(0, start));
        candidate.addAll(best.subList(start + run, best.size()));
        if (tryRun(candidate)) {
          best = candidate;
        } else {
          start += run;
        }
      }
    }
    return best;
  }

  private List<Step> shrinkInner(List<Step> schedule) {
    List<Step> best = schedule;
    for (int i = 0; i < best.size() && budget > 0; i++) {
      for (Step simpler : simpler(best.get(i))) {
        List<Step> candidate = new ArrayList<>(best);
        candidate.set(i, simpler);
        if (tryRun(candidate)) {
          best = candidate;
          break;
        }
      }
    }
    return best;
  }

  /** The step with one inner step fewer, each way there is. */
  private static List<Step> simpler(Step step) {
    List<Step> simpler = new ArrayList<>();
    if (step instanceof Step.Restart restart) {
      for (int j = 0; j < restart.duringLoad().size(); j++) {
        simpler.add(new Step.Restart(restart.replica(), without(restart.duringLoad(), j)));
      }
    } else if (step instanceof Step.Reconcile reconcile) {
      for (int j = 0; j < reconcile.afterRegistrationRead().size(); j++) {
        simpler.add(new Step.Reconcile(reconcile.replica(),
            without(reconcile.afterRegistrationRead(), j), reconcile.duringScan()));
      }
      for (int j = 0; j < reconcile.duringScan().size(); j++) {
        simpler.add(new Step.Reconcile(reconcile.replica(), reconcile.afterRegistrationRead(),
            without(reconcile.duringScan(), j)));
      }
    }
    return simpler;
  }

  private static List<Step> without(List<Step> steps, int index) {
    List<Step> rest = new ArrayList<>(steps);
    rest.remove(index);
    return rest;
  }

  private boolean tryRun(List<Step> candidate) {
    budget--;
    return fails.test(candidate);
  }

  /** Steps counted with those inside loads and reconciliations. */
  static int size(List<Step> schedule) {
    int size = 0;
    for (Step step : schedule) {
      size++;
      if (step instanceof Step.Restart restart) {
        size += restart.duringLoad().size();
      } else if (step instanceof Step.Reconcile reconcile) {
        size += reconcile.afterRegistrationRead().size() + reconcile.duringScan().size();
      }
    }
    return size;
  }
}
