package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code tollgate} launcher at the repository root, run for real from a copy beside the
 * built jar (so its class-data archive lands here, not in app/target), with a {@code java} on
 * PATH that notes, for each JVM the launcher starts, its arguments and which TOLLGATE_ variables
 * it was given (names only), then runs the real JVM.
 */
class LauncherIT {

  private static final Path JAR = Path.of(System.getProperty("tollgate.jar", "target/tollgate.jar"))
      .toAbsolutePath();
  /** The launcher beside the repository's app module, which built the jar. */
  private static final Path LAUNCHER = JAR.getParent().getParent().getParent().resolve("tollgate");
  private static final Duration WARM_UP = Duration.ofMinutes(3);

  @TempDir
  Path work;

  private Path checkout;
  private Path jvms;
  private Path tmp;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void copyTheLauncherBesideTheJar() throws IOException {
    checkout = Files.createDirectories(work.resolve("checkout"));
    Files.copy(LAUNCHER, checkout.resolve("tollgate"));
    Files.createSymbolicLink(Files.createDirectories(checkout.resolve("app/target"))
        .resolve("tollgate.jar"), JAR);
    Path bin = Files.createDirectories(work.resolve("bin"));
    jvms = bin.resolve("jvms.log");
    Files.writeString(jvms, "");
    Path java = Files.writeString(bin.resolve("java"), """
        #!/bin/sh
        { env | sed -n 's/^\\(TOLLGATE_[A-Za-z0-9_]*\\)=.*/\\1/p' | tr '\\n' ' '
          printf '| HOME=%%s |' "$HOME"; printf ' %%s' "$@"; echo; } >>"%s"
        exec "%s" "$@"
        """.formatted(jvms, Path.of(System.getProperty("java.home"), "bin", "java")));
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    tmp = Files.createDirectories(work.resolve("tmp"));
    env.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
    env.put("HOME", Files.createDirectories(work.resolve("home")).toString());
    env.put("TMPDIR", tmp.toString());
  }

  private TollgateJar.RunningCli launch(String... command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
        .redirectInput(new File("/dev/null"));
    builder.environment().clear();
    builder.environment().putAll(env);
    return new TollgateJar.RunningCli(builder.start(), String.join(" ", command));
  }

  @Test
  void usersTollgateSettings_firstCommand_warmUpUsesNoneOfThem() throws Exception {
    Path usersDatabase = Files.createDirectories(work.resolve("users-database"));
    env.put("TOLLGATE_DATABASE_URL", "jdbc:h2:file:" + usersDatabase.resolve("tollgate"));
    env.put("TOLLGATE_MGMT_TOKEN", "the-users-own-credential");
    env.put("TOLLGATE_LOG_FORMAT", "json");
    Path usersConfig = Files.createDirectories(work.resolve("users-config/tollgate"));
    TollgateJar.writeConfig(usersConfig.resolve("config.toml"), "[[profile]]\nname = \"default\""
        + "\nhost = \"127.0.0.1\"\nport = \"1\"\n");
    env.put("XDG_CONFIG_HOME", work.resolve("users-config").toString());

    TollgateJar.Result result = launch(checkout.resolve("tollgate").toString(), "--version")
        .finish(WARM_UP);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).contains("tollgate 0.1.0");
    assertThat(result.stderr()).contains("preparing a fast start")
        .doesNotContain("could not be prepared");
    assertThat(checkout.resolve("app/target/tollgate-client.jsa")).isNotEmptyFile();
    assertThat(usersDatabase).as("the user's database, neither migrated nor given tokens")
        .isEmptyDirectory();
    List<String> started = Files.readAllLines(jvms);
    List<String> warmUp = started.stream().filter(line -> !line.contains("-Xshare:auto")).toList();
    assertThat(warmUp).as("the warm-up's JVMs").anyMatch(line -> line.contains(" serve "))
        .allMatch(line -> line.startsWith("| HOME="), "are given no TOLLGATE_ variable")
        .noneMatch(line -> line.contains("HOME=" + env.get("HOME") + " |"));
    assertThat(started).as("the user's own command still gets them")
        .anyMatch(line -> line.contains("-Xshare:auto") && line.contains("TOLLGATE_MGMT_TOKEN"));
    assertThat(tmp).as("no temporary directory left").isEmptyDirectory();
  }

  @ParameterizedTest
  @ValueSource(strings = {" serve ", "-XX:DumpLoadedClassList"})
  void ctrlC_duringTheWarmUp_leavesNoServerAndNoDirectory(String whileRunning) throws Exception {
    // SIGINT as a terminal's Ctrl-C finds it: a build started in the background inherits SIGINT
    // ignored, and a shell cannot trap a signal ignored on entry, so the launcher starts with its
    // default disposition (env --default-signal), in a session of its own (setsid)
    TollgateJar.RunningCli cli = launch("env", "--default-signal=INT", "setsid",
        checkout.resolve("tollgate").toString(), "--version");
    List<ProcessHandle> started = List.of();
    try {
      cli.awaitStderr(Pattern.compile("preparing a fast start"));
      awaitLine(jvms, line -> line.contains(whileRunning));
      started = cli.process.descendants().toList();
      assertThat(started).as("the throwaway server runs")
          .anyMatch(process -> process.info().commandLine().orElse("").contains(" serve "));

      // Ctrl-C: SIGINT to the terminal's foreground process group, which setsid made the launcher's
      new ProcessBuilder("kill", "-INT", "--", "-" + cli.process.pid()).start().waitFor();
      TollgateJar.Result result = cli.finish(WARM_UP);

      assertThat(result.exitCode()).isEqualTo(130);
      for (ProcessHandle process : started) {
        try {
          process.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          throw new AssertionError("still running 30 s after Ctrl-C: "
              + process.info().commandLine().orElse(Long.toString(process.pid())), e);
        }
      }
      assertThat(tmp).as("no temporary directory left").isEmptyDirectory();
    } finally {
      started.forEach(ProcessHandle::destroyForcibly);
      cli.process.descendants().forEach(ProcessHandle::destroyForcibly);
    }
  }

  /** Waits (3 minutes at most) until a line of the file passes the test; woken by inotify. */
  private static void awaitLine(Path file, Predicate<String> test) throws Exception {
    Instant deadline = Instant.now().plus(WARM_UP);
    try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
      file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_MODIFY);
      while (Files.readAllLines(file).stream().noneMatch(test)) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        assertThat(left).as("a line of " + file + " in time").isPositive();
        var key = watcher.poll(left, TimeUnit.MILLISECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    }
  }
}
