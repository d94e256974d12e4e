package dev.tollgate.cli;

import com.google.protobuf.Duration;
import picocli.CommandLine.Option;

/** {@code --overlap}: how long a rotated token's previous string keeps working. */
final class OverlapOption {

  @Option(names = "--overlap", paramLabel = "DURATION", defaultValue = "0s",
      description = "How long the previous token string keeps working, e.g. 1h or 2d, at most 7d"
          + " (default: it stops at once).")
  String overlap;

  /** The overlap as the request carries it. */
  Duration duration() {
    if (overlap.strip().equals("0") || overlap.strip().equals("0s")) {
      return Duration.getDefaultInstance();
    }
    java.time.Duration parsed = Times.parseDuration("--overlap", overlap);
    return Duration.newBuilder().setSeconds(parsed.getSeconds()).setNanos(parsed.getNano())
        .build();
  }
}
