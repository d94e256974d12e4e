package dev.tollgate.cli;

/**
 * A failure to report to the person at the terminal as one {@code Error:} line, exit code 1.
 * Its own stack trace says nothing; the cause, when there is one, is what {@code --debug} shows.
 */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message, null, false, false);
  }

  CliException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
