package dev.tollgate.cli;

import com.google.protobuf.Duration;
import dev.tollgate.options.Durations;
import picocli.CommandLine.Option;

/** {@code --overlap}: how long a rotated token's previous string keeps working. */
final class OverlapOption {

  @Option(names = "--overlap", paramLabel = "DURATION", defaultValue = "0s",
      converter = Durations.ZeroOrMore.class,
      description = "How long the previous token string keeps working, e.g. 1h or 2d, at most 7d"
          + " (default: it stops at once).")
  java.time.Duration overlap;

  /** The overlap as the request carries it. */
  Duration duration() {
    return overlap.isZero() ? Duration.getDefaultInstance()
        : Duration.newBuilder().setSeconds(overlap.getSeconds()).setNanos(overlap.getNano()).build();
  }
}
