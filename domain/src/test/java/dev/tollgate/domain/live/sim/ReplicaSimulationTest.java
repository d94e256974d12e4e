package dev.tollgate.domain.live.sim;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Searches schedules of three replicas over one store for one that breaks a promise: creates,
 * updates, rotations with and without overlap, revocations, expiry, purges, bootstrap admin
 * rotations and disabling, processes stopped and resumed, restarts, transactions that commit out
 * of sequence order or roll back, notifications delayed, lost or doubled, listening connections
 * lost, and reconciliations, with other steps in the middle of loads and reconciliations. After
 * every step, for every running replica and every token string:
 *
 * <ol>
 *   <li>no replica ever accepts a string the store never issued;
 *   <li>a string the store refuses is refused by every replica that has read past the change
 *       after which the store refuses it;
 *   <li>a replica that has read every change answers every string exactly as the store does;
 *   <li>a replica that has not loaded and caught up answers every well-formed token UNAVAILABLE.
 * </ol>
 *
 * <p>A failure prints its seed and the shortest schedule found that still fails. Properties:
 * {@code tollgate.sim.schedules} (default 10,000), {@code tollgate.sim.firstSeed} (default 1),
 * {@code tollgate.sim.seed} to re-run one seed.
 */
class ReplicaSimulationTest {

  @Test
  void randomSchedules_keepEveryInvariantAfterEveryStep() {
    Long one = Long.getLong("tollgate.sim.seed");
    long first = one != null ? one : Long.getLong("tollgate.sim.firstSeed", 1L);
    long count = one != null ? 1 : Long.getLong("tollgate.sim.schedules", 10_000L);
    long steps = 0;
    long started = System.nanoTime();
    for (long seed = first; seed < first + count; seed++) {
      List<Step> schedule = new ScheduleGenerator(seed).schedule();
      steps += Shrinker.size(schedule);
      Optional<Simulation.Failure> failure = Simulation.run(schedule);
      if (failure.isPresent()) {
        fail(report(seed, schedule, failure.get()));
      }
    }
    System.out.printf("replica simulation: %,d schedules, %,d steps, seeds %d to %d, %.1f s%n",
        count, steps, first, first + count - 1, (System.nanoTime() - started) / 1e9);
  }

  private static String report(long seed, List<Step> schedule, Simulation.Failure failure) {
    List<Step> shortest = new Shrinker(candidate -> Simulation.run(candidate).isPresent(), 3_000)
        .shrink(schedule);
    Simulation.Failure last = Simulation.run(shortest).orElse(failure);
    StringBuilder report = new StringBuilder("seed ").append(seed).append(": invariant ")
        .append(failure.invariant()).append(" (after step ").append(failure.step() + 1)
        .append(" of ").append(schedule.size()).append(")\nshortest failing schedule found, ")
        .append(Shrinker.size(shortest)).append(" steps, failing with invariant ")
        .append(last.invariant()).append(" after step ").append(last.step() + 1).append(":\n");
    for (int i = 0; i < shortest.size(); i++) {
      report.append(String.format("%4d. %s%n", i + 1, shortest.get(i)));
    }
    return report.append("re-run: mvn -B -pl domain test -Dtest=ReplicaSimulationTest")
        .append(" -Dtollgate.sim.seed=").append(seed).toString();
  }
}
