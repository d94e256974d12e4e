package dev.tollgate.app;

import dev.tollgate.persistence.DatabaseSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where {@code migrate} and {@code restore} copy into: a database, its user, and --replace. */
final class CopyTarget {

  @Option(names = "--to", paramLabel = "JDBC-URL",
      description = "The database to copy into: jdbc:h2:file:DATA-DIR/tollgate (made if missing)"
          + " or jdbc:postgresql://HOST[:PORT]/DATABASE; it must hold nothing (no tokens, events"
          + " or bootstrap admin), unless --replace.")
  String to;

  @Option(names = "--to-user", paramLabel = "USER",
      description = "User of the database to copy into [TOLLGATE_TO_USER].")
  String toUser;

  @Option(names = "--to-password", paramLabel = "PASSWORD",
      description = "Password of the database to copy into; prefer the environment variable"
          + " [TOLLGATE_TO_PASSWORD].")
  String toPassword;

  @Option(names = "--replace",
      description = "Delete what the target holds (tokens, events, the bootstrap admin) and copy"
          + " over it, in the same transaction as the copy.")
  boolean replace;

  /** Whether --to was given. */
  boolean given() {
    return to != null;
  }

  /** The database --to names, with its user and password. */
  DatabaseSettings settings(CommandSpec spec) {
    return MigrateCommand.settings(spec, "--to", to, toUser, toPassword);
  }
}
