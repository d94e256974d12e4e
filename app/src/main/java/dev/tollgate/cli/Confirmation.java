package dev.tollgate.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Locale;

/** Asks a yes/no question on the terminal; without a terminal there is nobody to ask. */
final class Confirmation {

  private Confirmation() {}

  /** A yes/no question put to a person: {@link #ask} on the terminal, unless a test answers. */
  @FunctionalInterface
  interface Question {
    boolean ask(PrintWriter err, String question, String withoutTerminal);
  }

  /**
   * Asks the question and tells whether the answer was yes.
   *
   * @throws CliException when there is no terminal to ask on
   */
  static boolean ask(PrintWriter err, String question, String withoutTerminal) {
    if (!isTerminal(System.console())) {
      throw new CliException(withoutTerminal);
    }
    err.print(question + " [y/N]: ");
    err.flush();
    try {
      String answer = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()))
          .readLine();
      return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Java 17 has a console only when both standard input and output are a terminal; from Java 22
   * on there may be one regardless, and {@code Console.isTerminal()} tells.
   */
  private static boolean isTerminal(Console console) {
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
