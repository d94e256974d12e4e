package dev.tollgate.grpc;

import dev.tollgate.domain.port.out.Clock;
import java.util.function.Consumer;

/**
 * How many log lines refused calls may write: at most {@link #LINES_PER_SECOND} a second, so that
 * a flood of bad credentials or idle streams cannot flood the log; the first line of a new second
 * is preceded by one that says how many were left out.
 */
final class RefusalLog {

  static final int LINES_PER_SECOND = 10;
  private static final long SECOND_MILLIS = 1_000;

  private final Clock clock;
  private final Consumer<String> notes;
  private long secondStartedAt = Long.MIN_VALUE;
  private int written;
  private long leftOut;

  /** @param notes where the line about left-out lines goes */
  RefusalLog(Clock clock, Consumer<String> notes) {
    this.clock = clock;
    this.notes = notes;
  }

  /** Whether a refused call's line may be written now; counts it as left out if not. */
  boolean admit() {
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
      notes.accept(leftOutBefore + " more refused call(s) were not logged (at most "
          + LINES_PER_SECOND + " lines a second)");
    }
    return write;
  }
}
