package dev.tollgate.domain.model;

/** The control-plane operations a caller may or may not perform (the design's caller table). */
public enum Operation {
  CREATE_MANAGEMENT_TOKEN("create management tokens", "an Admin user or the bootstrap admin"),
  LIST_MANAGEMENT_TOKENS("list management tokens",
      "an Admin or Auditor user, the bootstrap admin or a management token"),
  REVOKE_MANAGEMENT_TOKENS("revoke management tokens",
      "an Admin user, the bootstrap admin or a management token"),
  CHANGE_DATABASE_TOKENS("create, update or revoke database tokens",
      "an Admin or Member user, the bootstrap admin or a management token"),
  READ_DATABASE_TOKENS("list or read database tokens",
      "an Admin, Member or Auditor user, the bootstrap admin or a management token"),
  READ_REPLICA_STATUS("read the replica's status",
      "an Admin, Member or Auditor user, the bootstrap admin or a management token");

  private final String phrase;
  private final String allowed;

  Operation(String phrase, String allowed) {
    this.phrase = phrase;
    this.allowed = allowed;
  }

  /** The operation as a verb phrase, e.g. "create management tokens". */
  public String phrase() {
    return phrase;
  }

  /** Who may perform it, for the refusal message. */
  public String allowed() {
    return allowed;
  }
}
