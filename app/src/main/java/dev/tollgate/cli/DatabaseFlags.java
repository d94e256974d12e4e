package dev.tollgate.cli;

import dev.tollgate.proto.management.v1.DatabasePermission;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The --read-database and --write-database flags shared by token create and update. */
final class DatabaseFlags {

  @Option(names = "--read-database", paramLabel = "DATABASE",
      description = "Grant read on this database; repeatable; '*' for every database.")
  List<String> read = new ArrayList<>();

  @Option(names = "--write-database", paramLabel = "DATABASE",
      description = "Grant write on this database; repeatable; '*' for every database.")
  List<String> write = new ArrayList<>();

  boolean given() {
    return !read.isEmpty() || !write.isEmpty();
  }

  List<DatabasePermission> permissions() {
    List<DatabasePermission> permissions = new ArrayList<>();
    read.forEach(db -> permissions.add(permission("read", db)));
    write.forEach(db -> permissions.add(permission("write", db)));
    return permissions;
  }

  private static DatabasePermission permission(String action, String database) {
    return DatabasePermission.newBuilder().setAction(action).setResource(database).build();
  }
}
