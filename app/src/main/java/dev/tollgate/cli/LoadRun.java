package dev.tollgate.cli;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed loop of unary gRPC calls: {@code concurrency} calls in flight over the given channels,
 * each replaced as soon as it completes, until the time is up or a number of calls has been made.
 * Every call is timed; an answer that fails or that {@code expected} rejects counts as a failure.
 * A run stops early once {@value #FAILURES_IN_A_ROW} calls in a row have failed (a server that
 * stopped answering fails calls far faster than it ever answered them), and says why.
 */
final class LoadRun<Q, R> {

  /**
   * What one run measured; latencies in nanoseconds.
   *
   * @param clientCpu CPU time this process spent meanwhile (all its threads: the load, the
   *     network, the JIT and the collector)
   */
  record Result(long calls, long failures, Duration elapsed, Histogram latencies,
      Duration clientCpu, Optional<String> stoppedBecause) {

    double perSecond() {
      return calls / (elapsed.toNanos() / 1e9);
    }

    /** The share of {@code cores} this process kept busy during the run. */
    double clientShare(int cores) {
      return clientCpu.toNanos() / (double) elapsed.toNanos() / cores;
    }

    /** This run and {@code later} as one: their calls, times and latencies added together. */
    Result and(Result later) {
      Histogram both = latencies.copy();
      both.add(later.latencies);
      return new Result(calls + later.calls, failures + later.failures,
          elapsed.plus(later.elapsed), both, clientCpu.plus(later.clientCpu),
          stoppedBecause.or(later::stoppedBecause));
    }
  }

  private static final com.sun.management.OperatingSystemMXBean SYSTEM =
      (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  private final MethodDescriptor<Q, R> method;
  private final CallOptions options;
  private final LongFunction<Q> request;
  private final Predicate<R> expected;
  private final Recorder recorder = new Recorder(3);
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong failingInARow = new AtomicLong();
  private volatile String stoppedBecause;
  private volatile long limit = Long.MAX_VALUE;

  /** Failed calls in a row, with no good answer between them, after which a run stops. */
  static final int FAILURES_IN_A_ROW = 1_000;

  LoadRun(MethodDescriptor<Q, R> method, CallOptions options, LongFunction<Q> request,
      Predicate<R> expected) {
    this.method = method;
    this.options = options;
    this.request = request;
    this.expected = expected;
  }

  /** Calls completed so far, for progress reports. */
  long callsSoFar() {
    return calls.get();
  }

  /** Calls for {@code duration}. */
  Result run(List<? extends Channel> channels, int concurrency, Duration duration)
      throws InterruptedException {
    return run(channels, concurrency, duration, Long.MAX_VALUE);
  }

  /** Makes {@code count} calls (requests 0 to count - 1), however long they take. */
  Result runCalls(List<? extends Channel> channels, int concurrency, long count)
      throws InterruptedException {
    return run(channels, concurrency, Duration.ofDays(1), count);
  }

  private Result run(List<? extends Channel> channels, int concurrency, Duration duration,
      long count) throws InterruptedException {
    limit = count;
    long cpuAtStart = SYSTEM.getProcessCpuTime();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    CountDownLatch finished = new CountDownLatch(concurrency);
    for (int slot = 0; slot < concurrency; slot++) {
      issue(channels.get(slot % channels.size()), deadline, finished);
    }
    if (!finished.await(duration.toMillis() + 60_000, TimeUnit.MILLISECONDS)) {
      throw new CliException("calls to " + method.getFullMethodName()
          + " did not complete within a minute after the run");
    }
    return new Result(calls.get(), failures.get(), Duration.ofNanos(System.nanoTime() - start),
        recorder.getIntervalHistogram(),
        Duration.ofNanos(SYSTEM.getProcessCpuTime() - cpuAtStart),
        Optional.ofNullable(stoppedBecause));
  }

  private void issue(Channel channel, long deadline, CountDownLatch finished) {
    long n = sequence.getAndIncrement();
    if (n >= limit || stoppedBecause != null) {
      finished.countDown();
      return;
    }
    long sent = System.nanoTime();
    ClientCalls.asyncUnaryCall(channel.newCall(method, options), request.apply(n),
        new StreamObserver<>() {
          private boolean good;

          @Override
          public void onNext(R response) {
            good = expected.test(response);
          }

          @Override
          public void onError(Throwable error) {
            Status status = Status.fromThrowable(error);
            done(false, status.getCode() + (status.getDescription() == null ? ""
                : ": " + status.getDescription()));
          }

          @Override
          public void onCompleted() {
            done(good, "an answer other than the one expected");
          }

          private void done(boolean ok, String failure) {
            long now = System.nanoTime();
            recorder.recordValue(Math.max(1, now - sent));
            calls.incrementAndGet();
            if (ok) {
              failingInARow.set(0);
            } else {
              failures.incrementAndGet();
              if (failingInARow.incrementAndGet() >= FAILURES_IN_A_ROW && stoppedBecause == null) {
                stoppedBecause = String.format("%,d calls in a row failed, the last with %s",
                    FAILURES_IN_A_ROW, failure);
              }
            }
            if (now >= deadline || stoppedBecause != null) {
              finished.countDown();
            } else if (ok) {
              issue(channel, deadline, finished);
            } else {
              // a call can fail before it leaves this thread: no recursion on failures
              ForkJoinPool.commonPool().execute(() -> issue(channel, deadline, finished));
            }
          }
        });
  }
}
