package dev.tollgate.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The global flags of the command line, checked. {@code config} is null when not given;
 * {@code timeoutGiven} tells a {@code --timeout} (or {@code TOLLGATE_TIMEOUT}) from the default.
 */
record GlobalFlags(Path config, String profile, Duration timeout, boolean timeoutGiven,
    boolean debug) {

  /**
   * How long a sign-in may wait for the person to approve it: the device code's own lifetime,
   * shortened by an explicit {@code --timeout} only, since the default is meant for one call.
   */
  Optional<Duration> signInLimit() {
    return timeoutGiven ? Optional.of(timeout) : Optional.empty();
  }
}
