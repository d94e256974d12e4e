package dev.tollgate.domain.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** One grant of a database token: an action on a named database or on every database. */
public record Permission(PermissionAction action, DatabaseName database)
    implements Comparable<Permission> {

  private static final Comparator<Permission> ORDER =
      Comparator.comparing(Permission::database).thenComparing(Permission::action);

  public Permission {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(database, "database");
  }

  public static Permission read(String database) {
    return new Permission(PermissionAction.READ, new DatabaseName(database));
  }

  public static Permission write(String database) {
    return new Permission(PermissionAction.WRITE, new DatabaseName(database));
  }

  /** Permissions as people read them: {@code read:db1, write:db1}, in order; "none" when empty. */
  public static String describe(Collection<Permission> permissions) {
    if (permissions.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    new TreeSet<>(permissions).forEach(permission -> parts.add(permission.toString()));
    return String.join(", ", parts);
  }

  @Override
  public int compareTo(Permission other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return action.label() + ":" + database;
  }
}
