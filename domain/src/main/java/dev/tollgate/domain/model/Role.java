package dev.tollgate.domain.model;

/** The kinds of caller the caller table ({@link Operation}) tells apart. */
public enum Role {
  ADMIN_USER("an Admin user", "OAuth user in group Admin"),
  MEMBER_USER("a Member user", "OAuth user in group Member"),
  AUDITOR_USER("an Auditor user", "OAuth user in group Auditor"),
  BOOTSTRAP_ADMIN("the bootstrap admin", "the bootstrap admin"),
  MANAGEMENT_TOKEN("a management token", "management token"),
  DATABASE_TOKEN("a database token", "database token");

  private final String phrase;
  private final String heading;

  Role(String phrase, String heading) {
    this.phrase = phrase;
    this.heading = heading;
  }

  /** As a message names it, e.g. "an Admin user". */
  public String phrase() {
    return phrase;
  }

  /** As the README's caller table names it. */
  public String heading() {
    return heading;
  }

  /** The role a user's group gives. */
  static Role of(UserGroup group) {
    return switch (group) {
      case ADMIN -> ADMIN_USER;
      case MEMBER -> MEMBER_USER;
      case AUDITOR -> AUDITOR_USER;
    };
  }
}
