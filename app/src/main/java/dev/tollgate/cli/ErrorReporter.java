package dev.tollgate.cli;

import dev.tollgate.domain.model.TokenFormat;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports every failure as one line starting with {@code Error:} on standard error and exits
 * with 1; with {@code --debug} the stack trace follows.
 */
public final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {

  /** The exit code of every failure. */
  public static final int FAILURE = 1;

  private final boolean debug;

  public ErrorReporter(boolean debug) {
    this.debug = debug;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("Error: " + withoutTokens(e.getMessage() + advice(e)) + " (see '"
        + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return FAILURE;
  }

  /** What to do instead, for the mistakes people make: a typo, an influxctl habit, no quotes. */
  static String advice(ParameterException e) {
    if (!(e instanceof UnmatchedArgumentException unmatched)) {
      return "";
    }
    CommandSpec command = e.getCommandLine().getCommandSpec();
    List<String> words = unmatched.getUnmatched();
    Optional<PositionalParamSpec> description = command.positionalParameters().stream()
        .filter(parameter -> parameter.paramLabel().equals("DESCRIPTION")).findFirst();
    if (description.isPresent() && words.contains("--description")) {
      return "; " + command.qualifiedName() + " takes the description as its argument, as"
          + " influxctl does: " + command.qualifiedName() + " [OPTIONS] \"DESCRIPTION\"";
    }
    if (description.isPresent() && description.get().getValue() != null
        && words.stream().noneMatch(word -> word.startsWith("-"))) {
      return "; a description of several words must be quoted: \""
          + description.get().getValue() + " " + String.join(" ", words) + "\"";
    }
    List<String> suggestions = unmatched.getSuggestions();
    if (!suggestions.isEmpty()) {
      return "; did you mean " + String.join(" or ", suggestions.subList(0,
          Math.min(3, suggestions.size()))) + "?";
    }
    return "";
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
    PrintWriter err = commandLine.getErr();
    if (e instanceof ParameterException parameter) {
      return handleParseException(parameter, parsed.originalArgs().toArray(String[]::new));
    }
    boolean expected = e instanceof CliException || e instanceof IllegalArgumentException
        || e instanceof java.io.UncheckedIOException || e instanceof IllegalStateException;
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    err.println("Error: " + withoutTokens(expected ? message
        : e.getClass().getSimpleName() + ": " + message));
    if (debug) {
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(withoutTokens(trace.toString()));
    }
    err.flush();
    return FAILURE;
  }

  /** A token string typed in the wrong place is never echoed back, say into a CI log. */
  static String withoutTokens(String message) {
    return TokenFormat.redact(message);
  }
}
