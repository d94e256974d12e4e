package dev.tollgate.domain.model;

import java.util.Optional;

/** The groups an OAuth user of the cluster can belong to, as InfluxDB 3 names them. */
public enum UserGroup {
  /** May do everything, including creating management tokens. */
  ADMIN("Admin"),
  /** May create, update, revoke, list and read database tokens. */
  MEMBER("Member"),
  /** May list management tokens and list and read database tokens; changes nothing. */
  AUDITOR("Auditor");

  private final String label;

  UserGroup(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Finds a group by its name, ignoring case. */
  public static Optional<UserGroup> byLabel(String label) {
    for (UserGroup group : values()) {
      if (group.label.equalsIgnoreCase(label)) {
        return Optional.of(group);
      }
    }
    return Optional.empty();
  }
}
