package dev.tollgate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code --ready-file} of a {@code tollgate serve} child process: written whole, with the
 * address it listens on, once it serves. How a benchmark learns that and where, never from the
 * server's log lines, which are for people and may change.
 */
public final class ReadyFile {

  private static final long POLL_MILLIS = 5;

  private ReadyFile() {}

  /**
   * Waits until the server has written the file and returns the address in it,
   * {@code HOST:PORT} (its first line); looks every 5 ms, which is the resolution of a time
   * measured with it.
   *
   * @throws IllegalStateException when the process ends first or the limit passes
   */
  public static String await(Path file, Process process, Duration limit)
      throws InterruptedException {
    return awaitLines(file, process, limit).get(0);
  }

  /**
   * The same, every line: the gRPC address, then {@code http://HOST:PORT} when the server's
   * HTTP door is on.
   */
  public static List<String> awaitLines(Path file, Process process, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!Files.isRegularFile(file)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("tollgate serve exited with " + process.exitValue()
            + " before it served");
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("tollgate serve did not serve within "
            + limit.toSeconds() + " s (no " + file + ")");
      }
      Thread.sleep(POLL_MILLIS);
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip().lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }

  /** The port of an address {@code HOST:PORT} as the ready file holds it. */
  public static int port(String address) {
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }
}
