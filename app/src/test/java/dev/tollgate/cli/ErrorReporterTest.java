package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.main.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ErrorReporterTest {

  private static final String TOKEN =
      "apiv1_BGPBoTm_V-v4tEFzFfSr4YBli9pkn7PX5DOGM0GPgdxphtesY18jhS1fXZwzow5TRRc12AwkqhTUNxqkO6ZLKA";

  @Test
  void tokenStringAsAStrayArgument_parseError_isReportedWithoutIt() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine(false).setErr(new PrintWriter(err));

    int exitCode = commandLine.execute("management", "list", TOKEN);

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString()).startsWith("Error: ").doesNotContain(TOKEN.substring(6))
        .contains("apiv1_… (a token string, not shown)");
  }

  @Test
  void unknownOption_parseError_isOneErrorLineWithTheHelpHint() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine(false).setErr(new PrintWriter(err));

    int exitCode = commandLine.execute("token", "list", "--colour");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().lines()).singleElement().asString()
        .startsWith("Error: Unknown option: '--colour'").endsWith("(see 'tollgate token list --help')");
  }

  private static String error(String... args) {
    StringWriter err = new StringWriter();
    int exitCode = Main.commandLine(false, args).setErr(new PrintWriter(err)).execute(args);
    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().lines()).hasSize(1);
    return err.toString().strip();
  }

  @Test
  void mistypedCommandOrOption_parseError_suggestsTheRightOne() {
    assertThat(error("tokn", "list")).contains("did you mean token?");
    assertThat(error("token", "lst")).contains("did you mean list?");
    assertThat(error("token", "list", "--include-revokd")).contains("did you mean --include-revoked?");
  }

  @Test
  void influxctlsDescriptionFlagOnTokenCreate_parseError_saysItIsTheArgument() {
    assertThat(error("token", "create", "--description", "x")).contains(
        "tollgate token create takes the description as its argument, as influxctl does:"
            + " tollgate token create [OPTIONS] \"DESCRIPTION\"");
  }

  @Test
  void unquotedDescription_parseError_saysToQuoteIt() {
    assertThat(error("token", "create", "--read-database", "db1", "read", "db1", "nightly"))
        .contains("a description of several words must be quoted: \"read db1 nightly\"");
  }

  @Test
  void mistypedDescriptionFlagOnTokenCreate_parseError_saysItIsTheArgument_notDebug() {
    assertThat(error("token", "create", "--descripton", "x"))
        .contains("tollgate token create takes the description as its argument")
        .doesNotContain("--debug");
  }

  @Test
  void descriptionAsTheArgumentOfManagementCreate_parseError_saysToGiveItWithTheFlag() {
    assertThat(error("management", "create", "CI pipeline")).contains(
        "tollgate management create takes the description as an option, as influxctl does:"
            + " --description \"CI pipeline\"");
  }

  @Test
  void unquotedWordsAsTheArgumentOfManagementCreate_parseError_saysTheFlagAndTheQuotes() {
    assertThat(error("management", "create", "CI", "pipeline"))
        .contains("--description \"CI pipeline\"");
  }

  @Test
  void unquotedDescriptionAfterTheFlag_parseError_saysToQuoteIt() {
    assertThat(error("management", "create", "--description", "CI", "pipeline", "--format",
        "json")).contains("a description of several words must be quoted:"
            + " --description \"CI pipeline\"");
  }

  @Test
  void mistypedDescriptionFlagOnManagementCreate_parseError_suggestsTheFlag() {
    assertThat(error("management", "create", "--descripton", "x"))
        .contains("did you mean --description?");
  }

  @Test
  void unquotedDescriptionOfAnUpdate_parseError_neverGuessesWhichWordIsTheId() {
    String id = "8b82a926-5689-429f-82a4-135b7509bf6f";

    assertThat(error("token", "update", "--description", "new", "name", id))
        .contains("if the description has several words, quote them: --description \"…\"")
        .doesNotContain("\"new " + id);
  }

  @Test
  void unknownOptionLikeNoneOfTheCommands_parseError_suggestsNothing() {
    assertThat(error("token", "list", "--colour")).doesNotContain("did you mean");
  }
}
