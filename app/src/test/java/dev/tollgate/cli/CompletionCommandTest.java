package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.main.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CompletionCommandTest {

  @Test
  void bashAndZsh_completion_printTheScriptWithEveryCommand() {
    for (String shell : new String[] {"bash", "zsh"}) {
      StringWriter out = new StringWriter();

      int exitCode = Main.commandLine(false).setOut(new PrintWriter(out))
          .execute("completion", shell);

      assertThat(exitCode).isZero();
      assertThat(out.toString()).startsWith("#!/usr/bin/env bash")
          .contains("complete -F _complete_tollgate")
          .contains("bashcompinit") // what makes it work in zsh
          .contains("management").contains("token").contains("--include-revoked");
    }
  }
}
