package dev.tollgate.cli;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.HdrHistogram.Recorder;

/**
 * A closed loop of asynchronous operations, as {@link LoadRun} is of unary gRPC calls: calls that
 * take more than one message (an HTTP exchange, a list read page by page). {@code inFlight}
 * operations at once, each replaced as soon as it completes, until the time is up; each is timed,
 * one that fails or answers {@code false} counts as a failure, and a run stops early once
 * {@value LoadRun#FAILURES_IN_A_ROW} in a row have failed, and says why.
 */
final class FutureLoad {

  private static final com.sun.management.OperatingSystemMXBean SYSTEM =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final String name;
  private final LongFunction<CompletableFuture<Boolean>> operation;
  private final Recorder recorder = new Recorder(3);
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong failingInARow = new AtomicLong();
  private volatile String stoppedBecause;

  /**
   * @param name what the operation is, for messages
   * @param operation starts operation {@code n} and completes with whether its answer was right
   */
  FutureLoad(String name, LongFunction<CompletableFuture<Boolean>> operation) {
    this.name = name;
    this.operation = operation;
  }

  /** Operations completed so far, for progress reports. */
  long callsSoFar() {
    return calls.get();
  }

  /** Runs {@code inFlight} operations at a time for {@code duration}. */
  LoadRun.Result run(int inFlight, Duration duration) throws InterruptedException {
    long cpuAtStart = SYSTEM.getProcessCpuTime();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    CountDownLatch finished = new CountDownLatch(inFlight);
    for (int slot = 0; slot < inFlight; slot++) {
      issue(deadline, finished);
    }
    if (!finished.await(duration.toMillis() + 60_000, TimeUnit.MILLISECONDS)) {
      throw new CliException(name + " did not complete within a minute after the run");
    }
    return new LoadRun.Result(calls.get(), failures.get(),
        Duration.ofNanos(System.nanoTime() - start), recorder.getIntervalHistogram(),
        Duration.ofNanos(SYSTEM.getProcessCpuTime() - cpuAtStart),
        Optional.ofNullable(stoppedBecause));
  }

  private void issue(long deadline, CountDownLatch finished) {
    if (stoppedBecause != null) {
      finished.countDown();
      return;
    }
    long sent = System.nanoTime();
    CompletableFuture<Boolean> answer;
    try {
      answer = operation.apply(sequence.getAndIncrement());
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    answer.whenComplete((good, error) -> {
      long now = System.nanoTime();
      recorder.recordValue(Math.max(1, now - sent));
      calls.incrementAndGet();
      boolean ok = error == null && Boolean.TRUE.equals(good);
      if (ok) {
        failingInARow.set(0);
      } else {
        failures.incrementAndGet();
        if (failingInARow.incrementAndGet() >= LoadRun.FAILURES_IN_A_ROW
            && stoppedBecause == null) {
          stoppedBecause = String.format("%,d calls in a row failed, the last with %s",
              LoadRun.FAILURES_IN_A_ROW, error == null ? "an answer other than the one expected"
                  : describe(error));
        }
      }
      if (now >= deadline || stoppedBecause != null) {
        finished.countDown();
      } else {
        // never recurse on the thread that completed the operation: it may be the caller's
        ForkJoinPool.commonPool().execute(() -> issue(deadline, finished));
      }
    });
  }

  private static String describe(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    return cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }
}
