package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tollgate bench} as a process against the real server, stopped with Ctrl-C. */
class BenchInterruptIT {

  @TempDir
  Path work;

  @Test
  void runningBench_ctrlC_revokesTheTokenItMadeWhichExpiredSoonAnyway() throws Exception {
    try (TollgateJar.Server server = new TollgateJar.Server(work.resolve("data"),
        work.resolve("server.log")).start()) {
      Path config = TollgateJar.writeConfig(work.resolve("config.toml"),
          server.profile("default", work.resolve("data/admin-token.json")));
      Map<String, String> env = Map.of("TOLLGATE_CONFIG", config.toString());
      TollgateJar.RunningCli bench = TollgateJar.startCli(work, env, "bench", "--warmup", "1h",
          "--concurrency", "8", "--connections", "1", "--unknown-tokens", "10");
      bench.awaitStderr(Pattern.compile("warming up for 1h"));

      new ProcessBuilder("kill", "-INT", Long.toString(bench.process.pid())).start().waitFor();
      TollgateJar.Result interrupted = bench.finish(Duration.ofSeconds(30));

      assertThat(interrupted.exitCode()).as(interrupted.stderr()).isEqualTo(130);
      assertThat(interrupted.stderr()).contains("interrupted; revoked 1 of the 1 tokens it made");
      TollgateJar.Result list = TollgateJar.cli(work, env, "token", "list", "--include-revoked",
          "--format", "json");
      assertThat(list.exitCode()).as(list.stderr()).isZero();
      assertThat(list.stdout()).contains("\"description\": \"tollgate bench: valid token\"",
          "\"expires_at\"", "\"revoked_at\"");
    }
  }
}
