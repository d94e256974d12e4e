package dev.tollgate.domain.model;

import static dev.tollgate.domain.model.RequestedPermission.DataAction.CREATE;
import static dev.tollgate.domain.model.RequestedPermission.DataAction.DELETE;
import static dev.tollgate.domain.model.RequestedPermission.DataAction.READ;
import static dev.tollgate.domain.model.RequestedPermission.DataAction.READ_SCHEMA;
import static dev.tollgate.domain.model.RequestedPermission.DataAction.UNSPECIFIED;
import static dev.tollgate.domain.model.RequestedPermission.DataAction.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PermissionTest {

  private static RequestedPermission named(String name, RequestedPermission.DataAction action) {
    return RequestedPermission.onDatabaseNamed(name, action);
  }

  @Test
  void readGrant_coversReadAndReadSchemaOfItsDatabaseOnly() {
    Permission read = Permission.read("db1");

    assertThat(read.covers(named("db1", READ))).isTrue();
    assertThat(read.covers(named("db1", READ_SCHEMA))).isTrue();
    assertThat(read.covers(named("db1", WRITE))).isFalse();
    assertThat(read.covers(named("db2", READ))).isFalse();
    assertThat(read.covers(named("DB1", READ))).isFalse();
  }

  @Test
  void writeGrant_coversWriteOnly() {
    Permission write = Permission.write("db1");

    assertThat(write.covers(named("db1", WRITE))).isTrue();
    assertThat(write.covers(named("db1", READ))).isFalse();
    assertThat(write.covers(named("db1", READ_SCHEMA))).isFalse();
  }

  @Test
  void nothing_coversCreateDeleteOrUnspecified() {
    for (Permission grant : new Permission[] {Permission.read("*"), Permission.write("*")}) {
      assertThat(grant.covers(named("db1", CREATE))).isFalse();
      assertThat(grant.covers(named("db1", DELETE))).isFalse();
      assertThat(grant.covers(named("db1", UNSPECIFIED))).isFalse();
    }
  }

  @Test
  void wildcard_coversAnyNameOrIdButNamedGrantsMatchNamesOnly() {
    assertThat(Permission.read("*").covers(named("anything", READ))).isTrue();
    assertThat(Permission.read("*").covers(RequestedPermission.onDatabaseWithId("0a1b", READ))).isTrue();
    assertThat(Permission.read("db1").covers(RequestedPermission.onDatabaseWithId("db1", READ))).isFalse();
  }

  @Test
  void unspecifiedTypeOrMissingTarget_isNeverCovered() {
    RequestedPermission noType = new RequestedPermission(RequestedPermission.ResourceType.UNSPECIFIED,
        Optional.of("db1"), Optional.empty(), READ);
    RequestedPermission noTarget = new RequestedPermission(RequestedPermission.ResourceType.DATABASE,
        Optional.empty(), Optional.empty(), READ);

    assertThat(Permission.read("*").covers(noType)).isFalse();
    assertThat(Permission.read("db1").covers(noType)).isFalse();
    assertThat(Permission.read("*").covers(noTarget)).isFalse();
    assertThat(Permission.read("*").covers(named("", READ))).isFalse();
  }
}
