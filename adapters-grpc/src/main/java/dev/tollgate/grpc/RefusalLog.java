package dev.tollgate.grpc;

import dev.tollgate.domain.port.out.Clock;
import java.util.function.Consumer;

/**
 * Log lines for refused calls, at most {@link #LINES_PER_SECOND} a second, so that a flood of bad
 * credentials cannot flood the log; the first line of a new second says how many were left out.
 */
final class RefusalLog {

  static final int LINES_PER_SECOND = 10;
  private static final long SECOND_MILLIS = 1_000;

  private final Clock clock;
  private final Consumer<String> lines;
  private long secondStartedAt = Long.MIN_VALUE;
  private int written;
  private long leftOut;

  RefusalLog(Clock clock, Consumer<String> lines) {
    this.clock = clock;
    this.lines = lines;
  }

  void refused(String method, String reason) {
    long now = clock.now().toEpochMilli();
    long leftOutBefore = 0;
    boolean write;
    synchronized (this) {
      if (secondStartedAt == Long.MIN_VALUE || now - secondStartedAt >= SECOND_MILLIS) {
        leftOutBefore = leftOut;
        leftOut = 0;
        written = 0;
        secondStartedAt = now;
      }
      write = written < LINES_PER_SECOND;
      if (write) {
        written++;
      } else {
        leftOut++;
      }
    }
    if (leftOutBefore > 0) {
      lines.accept(leftOutBefore + " more refused call(s) were not logged (at most "
          + LINES_PER_SECOND + " lines a second)");
    }
    if (write) {
      lines.accept("refused " + method + ": " + reason);
    }
  }
}
