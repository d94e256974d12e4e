package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the real {@code tollgate.jar}: servers as child processes, and the command line. */
final class TollgateJar {

  private static final Path JAR = Path.of(System.getProperty("tollgate.jar", "target/tollgate.jar"));

  private TollgateJar() {}

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What one run of the command line did. */
  record Result(int exitCode, String stdout, String stderr) {

    List<String> stdoutLines() {
      return stdout.lines().toList();
    }

    String lastStdoutLine() {
      List<String> lines = stdoutLines();
      return lines.get(lines.size() - 1);
    }
  }

  /** Runs {@code tollgate ARGS} in the working directory with extra environment variables. */
  static Result cli(Path workingDirectory, Map<String, String> env, String... args) {
    try {
      return startCli(workingDirectory, env, args).finish();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * Starts {@code tollgate ARGS} without waiting for it, for commands that wait on a person
   * (a sign-in): the test reads standard error as it comes, acts, then waits for the end.
   */
  static RunningCli startCli(Path workingDirectory, Map<String, String> env, String... args) {
    // with SIGINT as a terminal leaves it: a build started in the background passes SIGINT on
    // ignored, and a JVM that starts with it ignored runs no shutdown hook at a Ctrl-C
    List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT", java(), "-jar",
        JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
        .redirectInput(new File("/dev/null"));
    builder.environment().remove("TOLLGATE_MGMT_TOKEN");
    builder.environment().remove("TOLLGATE_CONFIG");
    builder.environment().remove("TOLLGATE_PROFILE");
    builder.environment().putAll(env);
    try {
      return new RunningCli(builder.start(), String.join(" ", args));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What a process writes to one of its streams, read as it comes, in memory only (a token
   * string printed never reaches a file); a reader can wait for text to appear.
   */
  private static final class Drain {

    private final StringBuilder text = new StringBuilder();
    private final Thread reader;
    private boolean ended;

    Drain(java.io.InputStream stream, String name) {
      reader = new Thread(() -> {
        byte[] buffer = new byte[8192];
        try (stream) {
          for (int n; (n = stream.read(buffer)) >= 0; ) {
            synchronized (this) {
              text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
              notifyAll();
            }
          }
        } catch (IOException e) {
          // the process is gone; what was read stays
        }
        synchronized (this) {
          ended = true;
          notifyAll();
        }
      }, name);
      reader.setDaemon(true);
      reader.start();
    }

    /** The first match of {@code pattern} once it appears; null at the deadline or the end. */
    synchronized Matcher await(Pattern pattern, Instant deadline) throws InterruptedException {
      while (true) {
        Matcher matcher = pattern.matcher(text.toString());
        if (matcher.find()) {
          return matcher;
        }
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (ended || left <= 0) {
          return null;
        }
        wait(left);
      }
    }

    /** Everything, once the stream has ended. */
    String all() throws InterruptedException {
      reader.join(10_000);
      synchronized (this) {
        return text.toString();
      }
    }

    synchronized String soFar() {
      return text.toString();
    }
  }

  /** A command line started by {@link #startCli}. */
  static final class RunningCli {

    final Process process;
    private final String args;
    private final Drain out;
    private final Drain err;

    RunningCli(Process process, String args) {
      this.process = process;
      this.args = args;
      this.out = new Drain(process.getInputStream(), "cli-stdout");
      this.err = new Drain(process.getErrorStream(), "cli-stderr");
    }

    /** Waits until standard error has a match of {@code pattern} (30 s at most) and returns it. */
    Matcher awaitStderr(Pattern pattern) throws InterruptedException {
      Matcher matcher = err.await(pattern, Instant.now().plus(Duration.ofSeconds(30)));
      if (matcher == null) {
        throw new AssertionError("tollgate " + args + " did not print " + pattern + "; stderr: "
            + err.soFar() + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")"));
      }
      return matcher;
    }

    /** Waits for the end (60 s at most). */
    Result finish() throws InterruptedException {
      return finish(Duration.ofSeconds(60));
    }

    /** Waits for the end, {@code limit} at most. */
    Result finish(Duration limit) throws InterruptedException {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("tollgate " + args + " did not finish in " + limit + "; stderr: "
            + err.soFar());
      }
      return new Result(process.exitValue(), out.all(), err.all());
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** {@code java -jar tollgate.jar ARGS}, for a test that starts the process itself. */
  static List<String> jarCommand(String... args) {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    return command;
  }

  /**
   * A {@code tollgate serve} child process logging into a file. It listens on any free loopback
   * port at its first start and on that same port at every later one, and is taken to serve once
   * its {@code --ready-file} names the address: never from its log, whose lines may change. Its
   * HTTP door listens on any free loopback port too, unless the test gives {@code --http-listen}.
   */
  static final class Server implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    final Path dataDirectory;
    final Path log;
    /** Its {@code --ready-file}: beside the data directory, which one server at a time may use. */
    final Path readyFile;
    private final List<String> extraArgs;
    private Process process;
    private int port;
    private String httpAddress;

    Server(Path dataDirectory, Path log, String... extraArgs) {
      this.dataDirectory = dataDirectory;
      this.log = log;
      this.readyFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".ready");
      this.extraArgs = List.of(extraArgs);
    }

    /** The port it listens on, known once it has served. */
    int port() {
      if (port == 0) {
        throw new IllegalStateException("the server has not served yet: no port");
      }
      return port;
    }

    /**
     * The HTTP door's address as its ready file's second line has it, {@code http://HOST:PORT}
     * or {@code https://HOST:PORT}, known once it has served with the door on.
     */
    String httpAddress() {
      if (httpAddress == null) {
        throw new IllegalStateException("the server has not served with its HTTP door on");
      }
      return httpAddress;
    }

    /**
     * Starts the server and waits until its ready file names the address it serves on: the port
     * of an earlier start of this server, or at the first start any free one.
     */
    Server start() {
      List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toAbsolutePath().toString(),
          "serve", "--listen", "127.0.0.1:" + port, "--data-dir", dataDirectory.toString(),
          "--ready-file", readyFile.toString()));
      if (!extraArgs.contains("--http-listen")) {
        // never the default port, which another server on this machine may hold
        command.addAll(List.of("--http-listen", "127.0.0.1:0"));
      }
      command.addAll(extraArgs);
      try {
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        // one left by a run that was killed would otherwise be read as this run's
        Files.deleteIfExists(readyFile);
        process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
          String address;
          try {
            address = awaitReadyFile(readyFile, process, START_LIMIT);
            List<String> lines = Files.readAllLines(readyFile, StandardCharsets.UTF_8);
            httpAddress = lines.size() > 1 ? lines.get(1) : null;
          } catch (AssertionError e) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            throw new AssertionError(e.getMessage() + "; its log:\n"
                + text.substring((int) Math.min(logStart, text.length())), e);
          }
          int bound = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
          assertThat(address).as("the ready file of a server told to listen on 127.0.0.1:" + port)
              .isEqualTo("127.0.0.1:" + (port == 0 ? bound : port));
          port = bound;
        } catch (Throwable e) {
          // a server that did not come up as asked is not left running behind the test
          process.destroyForcibly();
          throw e;
        }
        return this;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    /** Kills the process with SIGKILL, as a crash would. */
    void kill() throws InterruptedException {
      process.destroyForcibly().waitFor();
    }

    /** Stops the process where it is (SIGSTOP), as a machine that hangs or a long GC pause would. */
    void pause() throws IOException, InterruptedException {
      signal("STOP");
    }

    /** Lets a paused process go on (SIGCONT). */
    void resume() throws IOException, InterruptedException {
      signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
          .inheritIO().start();
      assertThat(kill.waitFor()).as("kill -" + name).isZero();
    }

    /** Sends SIGTERM and waits for the graceful shutdown; returns the exit code. */
    int terminate() throws InterruptedException {
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
      return process.exitValue();
    }

    /** The number of threads the server process has now (Linux). */
    int threads() throws IOException {
      return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
          .filter(line -> line.startsWith("Threads:"))
          .mapToInt(line -> Integer.parseInt(line.substring("Threads:".length()).strip()))
          .findFirst().orElseThrow();
    }

    String logText() throws IOException {
      return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** A config.toml profile for this server, using the given token file. */
    String profile(String name, Path tokenFile) {
      return "[[profile]]\nname = \"" + name + "\"\nproduct = \"clustered\"\nhost = \"127.0.0.1\"\n"
          + "port = \"" + port() + "\"\n\n[profile.tls]\ndisable = true\n\n[profile.auth.token]\n"
          + "token_file = \"" + tokenFile + "\"\n";
    }

    @Override
    public void close() throws InterruptedException {
      if (process != null && process.isAlive()) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /**
   * Waits until {@code tollgate serve --ready-file FILE} has written the file, woken by the file
   * system, and returns the address on its first line (the gRPC door's).
   *
   * @throws AssertionError when the process ends first or the limit passes, with its output
   */
  static String awaitReadyFile(Path file, Process process, Duration limit)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
      file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY);
      process.onExit().thenRun(() -> {
        try {
          watcher.close(); // wakes the wait below
        } catch (IOException e) {
          // the wait ends at its deadline instead
        }
      });
      while (!Files.isRegularFile(file)) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (!process.isAlive() || left <= 0) {
          throw new AssertionError("tollgate serve " + (process.isAlive() ? "did not serve within "
              + limit.toSeconds() + " s" : "exited with " + process.exitValue()) + " (no " + file
              + ")");
        }
        try {
          WatchKey key = watcher.poll(left, TimeUnit.MILLISECONDS);
          if (key != null) {
            key.pollEvents();
            key.reset();
          }
        } catch (ClosedWatchServiceException e) {
          // the process ended: said above, unless it wrote the file first
        }
      }
    }
    return Files.readString(file, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
  }

  /** Presents {@code token} as {@code authorization: Bearer …} on every call. */
  static CallCredentials bearer(String token) {
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo info, Executor executor,
          MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
            "Bearer " + token);
        applier.apply(headers);
      }
    };
  }

  /**
   * Fails when {@code text} holds the token string, or its secret part, without the failure
   * message (and so the test report) holding it too.
   */
  static void assertNoTokenString(String text, String token, String where) {
    if (text.contains(token) || text.contains(token.substring(9))) {
      throw new AssertionError(where + " holds a token string (not shown here)");
    }
  }

  /** Writes a config.toml its owner alone can read, as the command line expects of one. */
  static Path writeConfig(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions
        .fromString("rw-------"));
    return file;
  }
}
