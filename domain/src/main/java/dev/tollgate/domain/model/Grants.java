package dev.tollgate.domain.model;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A database token's permissions compiled for matching: the one place that says which requested
 * permission a set of grants covers. {@code read} grants READ and READ_SCHEMA, {@code write}
 * grants WRITE, nothing grants CREATE or DELETE; {@code *} covers any database name or id, a named
 * grant that name only. Immutable; equal grants may be shared between tokens.
 */
public final class Grants {

  /** Grants nothing: a management token, or a database token without permissions. */
  public static final Grants NONE = new Grants(false, Set.of(), false, Set.of());

  private final boolean readAll;
  private final Set<String> read;
  private final boolean writeAll;
  private final Set<String> write;

  private Grants(boolean readAll, Set<String> read, boolean writeAll, Set<String> write) {
    this.readAll = readAll;
    this.read = read;
    this.writeAll = writeAll;
    this.write = write;
  }

  /** Compiles a set of permissions. */
  public static Grants of(Collection<Permission> permissions) {
    if (permissions.isEmpty()) {
      return NONE;
    }
    Set<String> read = new HashSet<>();
    Set<String> write = new HashSet<>();
    boolean readAll = false;
    boolean writeAll = false;
    for (Permission permission : permissions) {
      boolean all = permission.database().isAll();
      if (permission.action() == PermissionAction.READ) {
        readAll |= all;
        read.add(permission.database().value());
      } else {
        writeAll |= all;
        write.add(permission.database().value());
      }
    }
    return new Grants(readAll, readAll ? Set.of() : Set.copyOf(read),
        writeAll, writeAll ? Set.of() : Set.copyOf(write));
  }

  /** Tells whether these grants allow the requested permission. */
  public boolean covers(RequestedPermission requested) {
    if (requested.resourceType() != RequestedPermission.ResourceType.DATABASE) {
      return false;
    }
    switch (requested.action()) {
      case READ:
      case READ_SCHEMA:
        return matches(readAll, read, requested);
      case WRITE:
        return matches(writeAll, write, requested);
      default:
        return false;
    }
  }

  private static boolean matches(boolean all, Set<String> names, RequestedPermission requested) {
    Optional<String> name = requested.databaseName();
    if (all) {
      Optional<String> id = requested.databaseId();
      return name.isPresent() && !name.get().isEmpty() || id.isPresent() && !id.get().isEmpty();
    }
    return name.isPresent() && names.contains(name.get());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Grants other && readAll == other.readAll && writeAll == other.writeAll
        && read.equals(other.read) && write.equals(other.write);
  }

  @Override
  public int hashCode() {
    return Objects.hash(readAll, read, writeAll, write);
  }

  @Override
  public String toString() {
    return "Grants[read=" + (readAll ? "*" : read) + ", write=" + (writeAll ? "*" : write) + "]";
  }
}
