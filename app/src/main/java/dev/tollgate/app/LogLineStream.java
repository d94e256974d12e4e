package dev.tollgate.app;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Standard error for a server: whatever one print holds stays on one line, so that text from a
 * request (a header, a description, a message that quotes them) can never start a line of its
 * own in the log. CR, LF and every other control character but tab are written as escapes such
 * as {@code \n} or {@code \u001b}; so are the Unicode line and paragraph separators.
 */
final class LogLineStream extends PrintStream {

  LogLineStream(OutputStream out, Charset charset) {
    super(out, true, charset);
  }

  /** Installs it as {@link System#err}, where the server's log lines go. */
  static void install() {
    if (!(System.err instanceof LogLineStream)) {
      System.setErr(new LogLineStream(new BufferedOutputStream(
          new FileOutputStream(FileDescriptor.err), 8192), Charset.defaultCharset()));
    }
  }

  @Override
  public void print(String text) {
    super.print(escape(text));
  }

  @Override
  public void print(Object value) {
    super.print(escape(String.valueOf(value)));
  }

  @Override
  public void println(String text) {
    super.println(escape(text));
  }

  @Override
  public void println(Object value) {
    super.println(escape(String.valueOf(value)));
  }

  static String escape(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder escaped = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = (c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c <= 0x9f)
          || c == '\u2028' || c == '\u2029';
      if (control && escaped == null) {
        escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (escaped != null) {
        if (!control) {
          escaped.append(c);
        } else if (c == '\n') {
          escaped.append("\\n");
        } else if (c == '\r') {
          escaped.append("\\r");
        } else {
          escaped.append(String.format("\\u%04x", (int) c));
        }
      }
    }
    return escaped == null ? text : escaped.toString();
  }
}
