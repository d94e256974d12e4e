package dev.tollgate.domain.model;

import static dev.tollgate.domain.model.RequestedPermission.DataAction.CREATE;
import static dev.tollgate.domain.model.RequestedPermission.DataAction.DELETE;
import static dev.tollgate.domain.model.RequestedPermission.DataAction.READ;
import static dev.tollgate.domain.model.RequestedPermission.DataAction.READ_SCHEMA;
import static dev.tollgate.domain.model.RequestedPermission.DataAction.UNSPECIFIED;
import static dev.tollgate.domain.model.RequestedPermission.DataAction.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrantsTest {

  private static Grants grants(Permission... permissions) {
    return Grants.of(List.of(permissions));
  }

  private static RequestedPermission named(String name, RequestedPermission.DataAction action) {
    return RequestedPermission.onDatabaseNamed(name, action);
  }

  @Test
  void readGrant_coversReadAndReadSchemaOfItsDatabaseOnly() {
    Grants read = grants(Permission.read("db1"));

    assertThat(read.covers(named("db1", READ))).isTrue();
    assertThat(read.covers(named("db1", READ_SCHEMA))).isTrue();
    assertThat(read.covers(named("db1", WRITE))).isFalse();
    assertThat(read.covers(named("db2", READ))).isFalse();
    assertThat(read.covers(named("DB1", READ))).isFalse();
  }

  @Test
  void writeGrant_coversWriteOnly() {
    Grants write = grants(Permission.write("db1"));

    assertThat(write.covers(named("db1", WRITE))).isTrue();
    assertThat(write.covers(named("db1", READ))).isFalse();
    assertThat(write.covers(named("db1", READ_SCHEMA))).isFalse();
  }

  @Test
  void nothing_coversCreateDeleteOrUnspecified() {
    for (Grants grant : List.of(grants(Permission.read("*")), grants(Permission.write("*")))) {
      assertThat(grant.covers(named("db1", CREATE))).isFalse();
      assertThat(grant.covers(named("db1", DELETE))).isFalse();
      assertThat(grant.covers(named("db1", UNSPECIFIED))).isFalse();
    }
  }

  @Test
  void wildcard_coversAnyNameOrIdButNamedGrantsMatchNamesOnly() {
    assertThat(grants(Permission.read("*")).covers(named("anything", READ))).isTrue();
    assertThat(grants(Permission.read("*")).covers(RequestedPermission.onDatabaseWithId("0a1b", READ))).isTrue();
    assertThat(grants(Permission.read("db1")).covers(RequestedPermission.onDatabaseWithId("db1", READ))).isFalse();
  }

  @Test
  void unspecifiedTypeOrMissingTarget_isNeverCovered() {
    RequestedPermission noType = new RequestedPermission(RequestedPermission.ResourceType.UNSPECIFIED,
        Optional.of("db1"), Optional.empty(), READ);
    RequestedPermission noTarget = new RequestedPermission(RequestedPermission.ResourceType.DATABASE,
        Optional.empty(), Optional.empty(), READ);

    assertThat(grants(Permission.read("*")).covers(noType)).isFalse();
    assertThat(grants(Permission.read("db1")).covers(noType)).isFalse();
    assertThat(grants(Permission.read("*")).covers(noTarget)).isFalse();
    assertThat(grants(Permission.read("*")).covers(named("", READ))).isFalse();
  }

  @Test
  void severalGrants_coverTheUnionAndEqualSetsCompileToEqualGrants() {
    Grants grants = grants(Permission.read("db1"), Permission.write("db2"), Permission.read("*"));

    assertThat(grants.covers(named("db9", READ))).isTrue();
    assertThat(grants.covers(named("db2", WRITE))).isTrue();
    assertThat(grants.covers(named("db1", WRITE))).isFalse();
    assertThat(grants).isEqualTo(grants(Permission.read("*"), Permission.write("db2")))
        .hasSameHashCodeAs(grants(Permission.write("db2"), Permission.read("*")));
    assertThat(Grants.of(List.of())).isSameAs(Grants.NONE);
    assertThat(Grants.NONE.covers(named("db1", READ))).isFalse();
  }
}
