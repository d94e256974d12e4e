package dev.tollgate.domain.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** Who is calling the management API, once their credential has been checked. */
public sealed interface Caller {

  /** The name recorded as {@code created_by} / {@code revoked_by}; never a secret. */
  String subject();

  /** The rows of the caller table this caller is in: a user in several groups is in several. */
  Set<Role> roles();

  /** Tells whether this caller may perform the operation, by the caller table. */
  default boolean may(Operation operation) {
    for (Role role : roles()) {
      if (operation.allows(role)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Fails unless this caller may perform the operation.
   *
   * @throws NotAllowedException naming the caller and the operation
   */
  default void require(Operation operation) {
    if (!may(operation)) {
      throw new NotAllowedException(describe() + " may not " + operation.phrase()
          + "; only " + operation.allowed() + " may");
    }
  }

  /** A short description of the caller for messages, e.g. "user mcfly (Auditor)". */
  String describe();

  /**
   * What kind of caller this is, as "who am I" tells it on every door: "user",
   * "bootstrap-admin", "management-token" or "database-token".
   */
  default String kind() {
    if (this instanceof User) {
      return "user";
    }
    if (this instanceof ManagementTokenHolder) {
      return "management-token";
    }
    if (this instanceof DatabaseTokenHolder) {
      return "database-token";
    }
    return "bootstrap-admin";
  }

  static Caller bootstrapAdmin() {
    return new BootstrapAdmin();
  }

  /** A person who signed in through the cluster's identity provider. */
  record User(String id, Set<UserGroup> groups) implements Caller {

    public User {
      Objects.requireNonNull(id, "id");
      groups = groups.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(groups));
    }

    @Override
    public String subject() {
      return "user:" + id;
    }

    @Override
    public Set<Role> roles() {
      Set<Role> roles = EnumSet.noneOf(Role.class);
      groups.forEach(group -> roles.add(Role.of(group)));
      return roles;
    }

    @Override
    public String describe() {
      if (groups.isEmpty()) {
        return "user " + id + " (in no group of this cluster's user list)";
      }
      StringBuilder names = new StringBuilder();
      for (UserGroup group : EnumSet.copyOf(groups)) {
        names.append(names.length() == 0 ? "" : ", ").append(group.label());
      }
      return "user " + id + " (" + names + ")";
    }
  }

  /** The cluster's bootstrap admin credential, which bypasses the identity provider. */
  record BootstrapAdmin() implements Caller {

    @Override
    public String subject() {
      return "bootstrap-admin";
    }

    @Override
    public Set<Role> roles() {
      return EnumSet.of(Role.BOOTSTRAP_ADMIN);
    }

    @Override
    public String describe() {
      return "the bootstrap admin";
    }
  }

  /** A management token; what it may do is in {@link Operation}. */
  record ManagementTokenHolder(TokenId tokenId) implements Caller {

    public ManagementTokenHolder {
      Objects.requireNonNull(tokenId, "tokenId");
    }

    @Override
    public String subject() {
      return "management-token:" + tokenId;
    }

    @Override
    public Set<Role> roles() {
      return EnumSet.of(Role.MANAGEMENT_TOKEN);
    }

    @Override
    public String describe() {
      return "management token " + tokenId;
    }
  }

  /** A database token: data access, and on the management API whatever {@link Operation} says. */
  record DatabaseTokenHolder(TokenId tokenId) implements Caller {

    public DatabaseTokenHolder {
      Objects.requireNonNull(tokenId, "tokenId");
    }

    @Override
    public String subject() {
      return "database-token:" + tokenId;
    }

    @Override
    public Set<Role> roles() {
      return EnumSet.of(Role.DATABASE_TOKEN);
    }

    @Override
    public String describe() {
      return "database token " + tokenId;
    }
  }
}
