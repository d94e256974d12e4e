package dev.tollgate.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One permission a data-plane service asks about: an action on a database named by name or by
 * id. Unknown or unspecified parts never match any grant.
 */
public record RequestedPermission(ResourceType resourceType, Optional<String> databaseName,
    Optional<String> databaseId, DataAction action) {

  /** The kind of resource asked about. */
  public enum ResourceType {
    UNSPECIFIED,
    DATABASE
  }

  /** What the data plane wants to do with the resource. */
  public enum DataAction {
    UNSPECIFIED,
    READ_SCHEMA,
    READ,
    WRITE,
    CREATE,
    DELETE
  }

  public RequestedPermission {
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(databaseName, "databaseName");
    Objects.requireNonNull(databaseId, "databaseId");
    Objects.requireNonNull(action, "action");
    if (databaseName.isPresent() && databaseId.isPresent()) {
      throw new IllegalArgumentException("a database is named by name or by id, not both");
    }
  }

  /** Asks for {@code action} on the database called {@code name}. */
  public static RequestedPermission onDatabaseNamed(String name, DataAction action) {
    return new RequestedPermission(ResourceType.DATABASE, Optional.of(name), Optional.empty(), action);
  }

  /** Asks for {@code action} on the database with the id {@code id}. */
  public static RequestedPermission onDatabaseWithId(String id, DataAction action) {
    return new RequestedPermission(ResourceType.DATABASE, Optional.empty(), Optional.of(id), action);
  }
}
