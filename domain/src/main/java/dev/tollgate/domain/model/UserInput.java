package dev.tollgate.domain.model;

/** Quotes a value a person sent so that an error message can name it without leaking a secret. */
public final class UserInput {

  private static final int MAX_SHOWN = 64;

  private UserInput() {}

  /**
   * Returns the value in double quotes, control characters escaped and cut after 64 characters; a
   * value that starts like a token string is never shown, and one that holds one has it replaced.
   */
  public static String quote(String raw) {
    if (TokenFormat.startsLikeToken(raw.strip())) {
      return "(a token string, not shown)";
    }
    String value = TokenFormat.redact(raw);
    StringBuilder shown = new StringBuilder(Math.min(value.length(), MAX_SHOWN) + 8).append('"');
    int end = Math.min(value.length(), MAX_SHOWN);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        shown.append(String.format("\\u%04X", (int) c));
      } else {
        shown.append(c);
      }
    }
    if (value.length() > MAX_SHOWN) {
      shown.append('…');
    }
    return shown.append('"').toString();
  }
}
