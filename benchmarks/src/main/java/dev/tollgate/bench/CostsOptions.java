package dev.tollgate.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of {@link ReplicaCosts}.
 *
 * @param window how long each transaction count lasts
 * @param revocations how many revocations are timed on each replica
 * @param floodInFlight Authorize calls the flood keeps in flight
 */
record CostsOptions(Path jar, Duration window, int revocations, int floodInFlight) {

  static final String USAGE = "usage: java -cp benchmarks/target/benchmarks.jar"
      + " dev.tollgate.bench.ReplicaCosts [--jar app/target/tollgate.jar] [--window 20s]"
      + " [--revocations 200] [--flood-in-flight 64]";

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

  static CostsOptions parse(String[] args) {
    Path jar = Path.of("app/target/tollgate.jar");
    Duration window = Duration.ofSeconds(20);
    int revocations = 200;
    int floodInFlight = 64;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--jar" -> jar = Path.of(value);
        case "--window" -> window = duration(option, value);
        case "--revocations" -> revocations = BenchArgs.positive(option, value);
        case "--flood-in-flight" -> floodInFlight = BenchArgs.positive(option, value);
        default -> throw new IllegalArgumentException("unknown option \"" + option + "\"");
      }
    }
    return new CostsOptions(BenchArgs.jar(jar), window, revocations, floodInFlight);
  }

  private static Duration duration(String option, String value) {
    Matcher matcher = DURATION.matcher(value);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      Duration duration = switch (matcher.group(2) == null ? "s" : matcher.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofSeconds(amount);
      };
      if (duration.compareTo(Duration.ofSeconds(1)) >= 0) {
        return duration;
      }
    }
    throw new IllegalArgumentException(option + " \"" + value + "\" is not a duration of at least"
        + " 1 s, such as 20s, 1m or 1500ms");
  }
}
