package dev.tollgate.domain.model;

import static dev.tollgate.domain.model.Role.ADMIN_USER;
import static dev.tollgate.domain.model.Role.AUDITOR_USER;
import static dev.tollgate.domain.model.Role.BOOTSTRAP_ADMIN;
import static dev.tollgate.domain.model.Role.MANAGEMENT_TOKEN;
import static dev.tollgate.domain.model.Role.MEMBER_USER;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The control-plane operations and who may perform each: the caller table, written once. Every
 * check ({@link Caller#may}), every refusal message and the README's table come from it.
 */
public enum Operation {
  CREATE_MANAGEMENT_TOKEN("create management tokens", "create mgmt",
      ADMIN_USER, BOOTSTRAP_ADMIN),
  LIST_MANAGEMENT_TOKENS("list management tokens", "list mgmt",
      ADMIN_USER, AUDITOR_USER, BOOTSTRAP_ADMIN, MANAGEMENT_TOKEN),
  REVOKE_MANAGEMENT_TOKENS("revoke management tokens", "revoke mgmt",
      ADMIN_USER, BOOTSTRAP_ADMIN, MANAGEMENT_TOKEN),
  CHANGE_DATABASE_TOKENS("create, update or revoke database tokens", "create/update/revoke db",
      ADMIN_USER, MEMBER_USER, BOOTSTRAP_ADMIN, MANAGEMENT_TOKEN),
  READ_DATABASE_TOKENS("list or read database tokens", "list/get db",
      ADMIN_USER, MEMBER_USER, AUDITOR_USER, BOOTSTRAP_ADMIN, MANAGEMENT_TOKEN),
  READ_REPLICA_STATUS("read the replica's status", "replica status",
      ADMIN_USER, MEMBER_USER, AUDITOR_USER, BOOTSTRAP_ADMIN, MANAGEMENT_TOKEN),
  READ_TOKEN_EVENTS("read the audit trail of token events", "events",
      ADMIN_USER, AUDITOR_USER, BOOTSTRAP_ADMIN, MANAGEMENT_TOKEN),
  BACK_UP_STORE("back up the token store", "backup",
      ADMIN_USER, BOOTSTRAP_ADMIN, MANAGEMENT_TOKEN);

  private final String phrase;
  private final String heading;
  private final Set<Role> allowed;

  Operation(String phrase, String heading, Role first, Role... more) {
    this.phrase = phrase;
    this.heading = heading;
    this.allowed = EnumSet.of(first, more);
  }

  /** The operation as a verb phrase, e.g. "create management tokens". */
  public String phrase() {
    return phrase;
  }

  /** As the README's caller table names it. */
  public String heading() {
    return heading;
  }

  /** Whether a caller in this role may perform it. */
  public boolean allows(Role role) {
    return allowed.contains(role);
  }

  /** Who may perform it, for the refusal message: "an Admin user or the bootstrap admin". */
  public String allowed() {
    List<String> phrases = new ArrayList<>();
    allowed.forEach(role -> phrases.add(role.phrase()));
    int last = phrases.size() - 1;
    return last == 0 ? phrases.get(0)
        : String.join(", ", phrases.subList(0, last)) + " or " + phrases.get(last);
  }

  /** The caller table as the README shows it, one row per role. */
  public static String table() {
    StringBuilder table = new StringBuilder("| caller |");
    StringBuilder rule = new StringBuilder("|---|");
    for (Operation operation : values()) {
      table.append(' ').append(operation.heading).append(" |");
      rule.append("---|");
    }
    table.append('\n').append(rule).append('\n');
    for (Role role : Role.values()) {
      table.append("| ").append(role.heading()).append(" |");
      for (Operation operation : values()) {
        table.append(operation.allows(role) ? " yes |" : " no |");
      }
      table.append('\n');
    }
    return table.toString();
  }
}
