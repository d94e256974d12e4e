package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.main.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Revoking asks first; an answer of no is the person's choice, not a failure to report. */
class RevokeConfirmationTest {

  private static final String ID = "3f0c7a52-1111-2222-3333-444455556666";

  @Test
  void answerNo_revoke_saysNothingWasRevokedWithoutAnErrorAndCallsNoServer() {
    for (String group : new String[] {"token", "management"}) {
      String[] args = {"--config", "/nonexistent/config.toml", group, "revoke", ID};
      CommandLine tree = Main.commandLine(false, args);
      ((RevokeCommand) tree.getSubcommands().get(group).getSubcommands().get("revoke")
          .getCommand()).confirmation = (err, question, withoutTerminal) -> false;
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();

      int exitCode = tree.setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);

      assertThat(exitCode).as(group).isEqualTo(1);
      assertThat(err.toString().strip()).as(group)
          .isEqualTo("nothing revoked: the answer was not yes");
      assertThat(out.toString()).as(group).isEmpty();
    }
  }
}
