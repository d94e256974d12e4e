package dev.tollgate.persistence;

import dev.tollgate.bench.ReadyFile;
import dev.tollgate.bench.ServeProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One start of {@code java -jar tollgate.jar serve} as a child process, timed from just before
 * the process is started to the moment it accepts connections, and to the moment its
 * {@code --ready-file} appears: it is written once the tokens are loaded and health says SERVING.
 * The time between the two is the loading. Nothing is read from the server's log.
 */
final class ServerStart {

  /** What one start took: to serving, and of that the loading (from listening to serving). */
  record Result(double seconds, double loadingSeconds) {}

  private static final long POLL_MILLIS = 5;

  private ServerStart() {}

  /**
   * Starts the server, waits for it to serve, stops it; its output goes to {@code log}, its
   * ready file beside it.
   */
  static Result run(Path jar, List<String> serveOptions, Path log, Duration timeout)
      throws IOException, InterruptedException {
    // a port chosen here, not any free one, so that the moment it listens can be seen
    int port = ServeProcess.freePort();
    Path ready = log.resolveSibling(log.getFileName() + ".ready");
    Files.deleteIfExists(ready);
    List<String> command = ServeProcess.command(jar, port);
    command.addAll(List.of("--ready-file", ready.toString()));
    command.addAll(serveOptions);
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      long listening = awaitListening(port, process, started + timeout.toNanos());
      ReadyFile.await(ready, process, timeout.minusNanos(listening - started));
      long serving = System.nanoTime();
      return new Result((serving - started) / 1e9, (serving - listening) / 1e9);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(e.getMessage() + "; see " + log, e);
    } finally {
      ServeProcess.stop(process);
      Files.deleteIfExists(ready); // there still when the server had to be killed
    }
  }

  /** The moment a connection to the port is first accepted, looking every 5 ms. */
  private static long awaitListening(int port, Process process, long deadline)
      throws InterruptedException {
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
        return System.nanoTime();
      } catch (IOException refused) {
        // not listening yet
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("tollgate serve exited with " + process.exitValue()
            + " before it listened");
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("tollgate serve did not listen on 127.0.0.1:" + port
            + " in time");
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
