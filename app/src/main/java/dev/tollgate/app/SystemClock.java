package dev.tollgate.app;

import dev.tollgate.domain.port.out.Clock;
import java.time.Instant;

/** The machine's clock: the one place the server and the command line read the wall clock. */
public final class SystemClock {

  /** The time now, as the operating system tells it. */
  public static final Clock CLOCK = Instant::now;

  private SystemClock() {}
}
