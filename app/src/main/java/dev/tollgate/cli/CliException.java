package dev.tollgate.cli;

/** A failure to report to the person at the terminal as one {@code Error:} line, exit code 1. */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message, null, false, false);
  }
}
