package dev.tollgate.bench;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
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
 * A {@code java -jar tollgate.jar serve} child process on any free loopback port, its output in a
 * log file; once it serves, its ready file says the port, and a plaintext channel goes to it.
 * {@link #close()} stops it as an operator would.
 */
public final class ServeProcess implements AutoCloseable {

  private static final Duration GRACE = Duration.ofSeconds(30);
  private static final int LOG_LINES_ON_FAILURE = 20;

  private final String name;
  private final Path log;
  private final Path readyFile;
  private final Process process;
  private volatile String address;
  private volatile String http;
  private volatile ManagedChannel channel;

  private ServeProcess(String name, Path log, Path readyFile, Process process) {
    this.name = name;
    this.log = log;
    this.readyFile = readyFile;
    this.process = process;
  }

  /**
   * Starts {@code tollgate serve} with the given options, its ready file beside the log; it may
   * not serve yet.
   */
  public static ServeProcess start(String name, Path jar, List<String> serveOptions, Path log)
      throws IOException {
    Path readyFile = log.resolveSibling(log.getFileName().toString().replaceFirst("\\.log$", "")
        + ".ready");
    Files.deleteIfExists(readyFile);
    List<String> command = command(jar, 0);
    command.addAll(List.of("--ready-file", readyFile.toString()));
    command.addAll(serveOptions);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    // the options given are the whole configuration: none from the user's TOLLGATE_* variables
    builder.environment().keySet().removeIf(variable -> variable.startsWith("TOLLGATE_"));
    Process process = builder.start();
    return new ServeProcess(name, log, readyFile, process);
  }

  /**
   * {@code java -jar JAR serve --listen 127.0.0.1:PORT}, its HTTP door on any free loopback port
   * (never the default one, which another server may hold), to which a caller adds options.
   */
  public static List<String> command(Path jar, int port) {
    return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-jar", jar.toAbsolutePath().toString(), "serve", "--listen",
        "127.0.0.1:" + port, "--http-listen", "127.0.0.1:0"));
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
   * Waits until the server serves (its tokens loaded, health SERVING), which its ready file
   * tells together with its address, and opens the channel to it.
   *
   * @throws IllegalStateException when the process exits first or the timeout passes
   */
  public void awaitServing(Duration timeout) throws InterruptedException {
    try {
      List<String> lines = ReadyFile.awaitLines(readyFile, process, timeout);
      address = lines.get(0);
      http = lines.size() > 1 ? lines.get(1) : null;
    } catch (IllegalStateException e) {
      throw failure(e.getMessage());
    }
    channel = Grpc.newChannelBuilderForAddress("127.0.0.1", ReadyFile.port(address),
        InsecureChannelCredentials.create()).build();
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
    return new IllegalStateException("replica " + this + " " + what + "; the end of its log:"
        + System.lineSeparator() + tail);
  }

  public String name() {
    return name;
  }

  /** Where it listens, {@code HOST:PORT}, once it serves. */
  public String address() {
    if (address == null) {
      throw new IllegalStateException("replica " + name + " does not serve yet");
    }
    return address;
  }

  /** Its HTTP door, {@code http://HOST:PORT}, once it serves; there with {@code --http-listen}. */
  public String http() {
    address();
    if (http == null) {
      throw new IllegalStateException("replica " + name + " serves no HTTP door; start it with"
          + " --http-listen");
    }
    return http;
  }

  /** The process id of the server, to attach to it. */
  public long pid() {
    return process.pid();
  }

  /** A plaintext channel to this server, closed with it; there once it serves. */
  public ManagedChannel channel() {
    address();
    return channel;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Stops the server gracefully and closes the channel; does nothing the second time. */
  @Override
  public void close() {
    ManagedChannel open = channel;
    if (open != null) {
      open.shutdownNow();
    }
    try {
      stop(process);
      if (open != null) {
        open.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name + " (" + (address != null ? address : "tollgate serve, not serving yet") + ")";
  }
}
