package dev.tollgate.bench;

import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code java -jar tollgate.jar serve} child process on a free loopback port, its output in a
 * log file, with a plaintext channel to it; {@link #close()} stops it as an operator would.
 */
public final class ServeProcess implements AutoCloseable {

  private static final Duration GRACE = Duration.ofSeconds(30);
  private static final int LOG_LINES_ON_FAILURE = 20;

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;
  private final ManagedChannel channel;

  private ServeProcess(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
    this.channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port,
        InsecureChannelCredentials.create()).build();
  }

  /** Starts {@code tollgate serve} with the given options; it may not serve yet. */
  public static ServeProcess start(String name, Path jar, List<String> serveOptions, Path log)
      throws IOException {
    int port = freePort();
    List<String> command = command(jar, port);
    command.addAll(serveOptions);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    // the options given are the whole configuration: none from the user's TOLLGATE_* variables
    builder.environment().keySet().removeIf(variable -> variable.startsWith("TOLLGATE_"));
    Process process = builder.start();
    return new ServeProcess(name, port, log, process);
  }

  /** {@code java -jar JAR serve --listen 127.0.0.1:PORT}, to which a caller adds options. */
  public static List<String> command(Path jar, int port) {
    return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-jar", jar.toAbsolutePath().toString(), "serve", "--listen",
        "127.0.0.1:" + port));
  }

  /** A loopback port that was free a moment ago. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Stops a server gracefully (SIGTERM), or kills it when that takes longer than 30 s. */
  public static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /**
   * Waits until the server's gRPC health service reports SERVING (it answers NOT_SERVING while it
   * loads its tokens), watching it rather than asking again and again.
   *
   * @throws IllegalStateException when the process exits first or the timeout passes
   */
  public void awaitServing(Duration timeout) {
    Context.CancellableContext watching = Context.current().withCancellation();
    process.onExit().thenRun(() -> watching.cancel(null));
    try {
      watching.run(() -> {
        var answers = HealthGrpc.newBlockingStub(channel).withWaitForReady()
            .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .watch(HealthCheckRequest.getDefaultInstance());
        while (answers.hasNext()) {
          if (answers.next().getStatus() == ServingStatus.SERVING) {
            return;
          }
        }
        throw new IllegalStateException("ended its health watch before SERVING");
      });
    } catch (StatusRuntimeException e) {
      if (!process.isAlive()) {
        throw failure("exited with " + process.exitValue() + " before it served");
      }
      throw failure(e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED
          ? "did not report SERVING within " + timeout.toSeconds() + " s"
          : "health watch failed: " + e.getStatus());
    } catch (IllegalStateException e) {
      throw failure(e.getMessage());
    } finally {
      watching.cancel(null);
    }
  }

  /** A failure of this server, with the end of its log (which never holds a token string). */
  public IllegalStateException failure(String what) {
    String tail;
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      tail = String.join(System.lineSeparator(),
          lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
    } catch (IOException e) {
      tail = "(its log " + log + " cannot be read: " + e.getMessage() + ")";
    }
    return new IllegalStateException("replica " + name + " (tollgate serve on 127.0.0.1:" + port
        + ") " + what + "; the end of its log:" + System.lineSeparator() + tail);
  }

  public String name() {
    return name;
  }

  public String address() {
    return "127.0.0.1:" + port;
  }

  /** A plaintext channel to this server, closed with it. */
  public ManagedChannel channel() {
    return channel;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Stops the server gracefully and closes the channel; does nothing the second time. */
  @Override
  public void close() {
    channel.shutdownNow();
    try {
      stop(process);
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name + " (" + address() + ")";
  }
}
