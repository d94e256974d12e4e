package dev.tollgate.persistence;

import dev.tollgate.bench.ServeProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One start of {@code java -jar tollgate.jar serve} as a child process, timed from just before
 * the process is started to the moment its {@code Tollgate serving:} line is read.
 */
final class ServerStart {

  /** What one start took, and the server's own line about it. */
  record Result(double seconds, String line, long loadMillis, long liveTokens) {}

  private static final String SERVING = "Tollgate serving:";
  private static final Pattern FIGURES =
      Pattern.compile("(\\d+) tokens in memory, loaded in (\\d+) ms");

  private ServerStart() {}

  /** Starts the server, waits for it to serve, stops it; its output goes to {@code log}. */
  static Result run(Path jar, List<String> serveOptions, Path log, Duration timeout)
      throws IOException, InterruptedException {
    List<String> command = ServeProcess.command(jar, ServeProcess.freePort());
    command.addAll(serveOptions);
    CompletableFuture<Long> servingAt = new CompletableFuture<>();
    String[] servingLine = new String[1];
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Thread reader = new Thread(() -> follow(process, log, servingAt, servingLine), "server-output");
    reader.setDaemon(true);
    reader.start();
    try {
      long at = servingAt.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      Matcher figures = FIGURES.matcher(servingLine[0]);
      boolean found = figures.find();
      return new Result((at - started) / 1e9, servingLine[0],
          found ? Long.parseLong(figures.group(2)) : -1, found ? Long.parseLong(figures.group(1)) : -1);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage() + "; see " + log, e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("tollgate serve did not print \"" + SERVING + "\" within "
          + timeout.toSeconds() + " s; see " + log, e);
    } finally {
      ServeProcess.stop(process);
      reader.join(TimeUnit.SECONDS.toMillis(5));
    }
  }

  private static void follow(Process process, Path log, CompletableFuture<Long> servingAt,
      String[] servingLine) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(
            process.getInputStream(), StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!servingAt.isDone() && line.contains(SERVING)) {
          long at = System.nanoTime();
          servingLine[0] = line;
          servingAt.complete(at);
        }
        out.write(line);
        out.write(System.lineSeparator());
      }
    } catch (IOException e) {
      if (!servingAt.isDone()) {
        servingAt.completeExceptionally(new UncheckedIOException("reading the server's output", e));
      }
      return;
    }
    if (!servingAt.isDone()) {
      servingAt.completeExceptionally(new IllegalStateException("tollgate serve exited with "
          + process.onExit().join().exitValue() + " before serving"));
    }
  }
}
