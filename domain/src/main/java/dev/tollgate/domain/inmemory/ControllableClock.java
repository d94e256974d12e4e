package dev.tollgate.domain.inmemory;

import dev.tollgate.domain.port.out.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test sets or advances it. Thread-safe. */
public final class ControllableClock implements Clock {

  private final AtomicReference<Instant> now;

  public ControllableClock(Instant start) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
  }

  @Override
  public Instant now() {
    return now.get();
  }

  /** Moves the clock to the instant, forwards or backwards. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  /** Moves the clock forwards by the duration. */
  public void advance(Duration duration) {
    now.updateAndGet(current -> current.plus(duration));
  }
}
