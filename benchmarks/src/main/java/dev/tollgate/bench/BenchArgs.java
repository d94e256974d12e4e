package dev.tollgate.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmarks' own command lines share: positive counts and the jar to run. */
public final class BenchArgs {

  private BenchArgs() {}

  /**
   * A count given as {@code option value}; {@code 100_000} and {@code 100,000} are read too.
   *
   * @throws IllegalArgumentException naming the option when it is not a positive number
   */
  public static int positive(String option, String value) {
    try {
      int number = Integer.parseInt(value.replace("_", "").replace(",", ""));
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " \"" + value + "\" is not a positive number");
  }

  /**
   * The {@code --jar} to start, which must exist.
   *
   * @throws IllegalArgumentException saying how to build it otherwise
   */
  public static Path jar(Path jar) {
    if (jar == null || !Files.isRegularFile(jar)) {
      throw new IllegalArgumentException((jar == null ? "--jar is missing"
          : "--jar " + jar + " is not a file") + "; build it with"
          + " mvn -B -o -q -pl app,benchmarks -am package -DskipTests");
    }
    return jar;
  }
}
