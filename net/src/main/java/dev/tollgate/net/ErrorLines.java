package dev.tollgate.net;

/** How every door logs an unexpected failure: on one line, so a log reader sees it whole. */
public final class ErrorLines {

  private static final int MAX_FRAMES = 6;

  private ErrorLines() {}

  /** The exception, its causes and each one's top frames, with no line break. */
  public static String oneLine(Throwable e) {
    StringBuilder line = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t != e) {
        line.append(" | caused by ");
      }
      line.append(t.getClass().getName()).append(": ").append(t.getMessage());
      StackTraceElement[] frames = t.getStackTrace();
      for (int i = 0; i < Math.min(MAX_FRAMES, frames.length); i++) {
        line.append(" at ").append(frames[i]);
      }
    }
    return line.toString().replace('\n', ' ');
  }
}
