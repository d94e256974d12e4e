package dev.tollgate.app;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.tollgate.domain.model.TokenFormat;
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
 * as {@code \n} or {@code \u001b}; so are the Unicode line and paragraph separators. Anything
 * shaped like a token string is replaced, whatever logged it. With {@code json}, a logger's lines
 * are JSON objects already ({@link LineLogger}), and any other line becomes one with the line as
 * its message.
 */
final class LogLineStream extends PrintStream {

  private final boolean json;

  LogLineStream(OutputStream out, Charset charset) {
    this(out, charset, false);
  }

  LogLineStream(OutputStream out, Charset charset, boolean json) {
    super(out, true, charset);
    this.json = json;
  }

  /** Installs it as {@link System#err}, where the server's log lines go. */
  static void install(boolean json) {
    if (!(System.err instanceof LogLineStream)) {
      System.setErr(new LogLineStream(new BufferedOutputStream(
          new FileOutputStream(FileDescriptor.err), 8192), Charset.defaultCharset(), json));
    }
  }

  @Override
  public void print(String text) {
    super.print(escape(TokenFormat.redact(String.valueOf(text))));
  }

  @Override
  public void print(Object value) {
    print(String.valueOf(value));
  }

  @Override
  public void println(String text) {
    String line = TokenFormat.redact(String.valueOf(text));
    super.println(json ? json(line) : escape(line));
  }

  @Override
  public void println(Object value) {
    println(String.valueOf(value));
  }

  /** A line that is a JSON object already (a logger's): only token strings are replaced. */
  void printJsonLine(String object) {
    super.println(TokenFormat.redact(object));
  }

  /** A line printed to standard error by something other than a logger, as a JSON object. */
  static String json(String line) {
    return field(new StringBuilder(line.length() + 16).append('{'), "message", line).append('}')
        .toString();
  }

  private static StringBuilder field(StringBuilder object, String name, String value) {
    JsonStringEncoder encoder = JsonStringEncoder.getInstance();
    return object.append('"').append(encoder.quoteAsString(name)).append("\":\"")
        .append(encoder.quoteAsString(value)).append('"');
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
