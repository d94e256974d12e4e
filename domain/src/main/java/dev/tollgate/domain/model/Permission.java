package dev.tollgate.domain.model;

import java.util.Comparator;
import java.util.Objects;

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

  /**
   * Tells whether this grant allows the requested permission: {@code read} grants READ and
   * READ_SCHEMA, {@code write} grants WRITE, nothing grants CREATE or DELETE; {@code *} covers
   * any database name or id, a named grant that name only.
   */
  public boolean covers(RequestedPermission requested) {
    if (requested.resourceType() != RequestedPermission.ResourceType.DATABASE
        || !grantsAction(requested.action())) {
      return false;
    }
    if (database.isAll()) {
      return requested.databaseName().or(requested::databaseId).filter(s -> !s.isEmpty()).isPresent();
    }
    return requested.databaseName().filter(database.value()::equals).isPresent();
  }

  private boolean grantsAction(RequestedPermission.DataAction requested) {
    switch (requested) {
      case READ:
      case READ_SCHEMA:
        return action == PermissionAction.READ;
      case WRITE:
        return action == PermissionAction.WRITE;
      default:
        return false;
    }
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
