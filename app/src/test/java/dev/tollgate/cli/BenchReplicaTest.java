package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.main.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReplicaTest {

  @TempDir
  Path work;

  @Test
  void plaintextProfile_benchWithAReplicaOffThisMachine_isRefusedBeforeAnyTokenIsMade()
      throws Exception {
    Path tokenFile = Files.writeString(work.resolve("token"), "M.V1.not-a-real-token");
    Path config = Files.writeString(work.resolve("config.toml"), "[[profile]]\nname = \"default\"\n"
        + "host = \"127.0.0.1\"\nport = \"1\"\n[profile.tls]\ndisable = true\n"
        + "[profile.auth.token]\ntoken_file = \"" + tokenFile + "\"\n");
    StringWriter err = new StringWriter();

    int exitCode = Main.commandLine(false).setErr(new PrintWriter(err)).execute("--config",
        config.toString(), "bench", "--replica", "10.1.2.3:8091");

    assertThat(exitCode).isNotZero();
    assertThat(err.toString()).contains("10.1.2.3:8091 in clear text; plaintext is for loopback"
        + " addresses only");
  }
}
