package dev.tollgate.cli;

import dev.tollgate.domain.model.TokenFormat;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

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
    err.println("Error: " + withoutTokens(e.getMessage() + ParseAdvice.of(e, List.of(args)))
        + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return FAILURE;
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
