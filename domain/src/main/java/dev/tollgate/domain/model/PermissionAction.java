package dev.tollgate.domain.model;

import java.util.Locale;

/** What a database token may do with a database: {@code read} or {@code write}. */
public enum PermissionAction {
  READ,
  WRITE;

  private final String label = name().toLowerCase(Locale.ROOT);

  /** The lower-case name used on the command line and in JSON. */
  public String label() {
    return label;
  }

  /** Reads {@code read} or {@code write}, ignoring case. */
  public static PermissionAction parse(String field, String text) {
    for (PermissionAction action : values()) {
      if (action.label().equalsIgnoreCase(text)) {
        return action;
      }
    }
    throw new InvalidRequestException(field, UserInput.quote(text == null ? "" : text)
        + " is not a permission action; expected read or write");
  }
}
