package dev.tollgate.domain.model;

import static dev.tollgate.domain.model.Operation.CHANGE_DATABASE_TOKENS;
import static dev.tollgate.domain.model.Operation.CREATE_MANAGEMENT_TOKEN;
import static dev.tollgate.domain.model.Operation.LIST_MANAGEMENT_TOKENS;
import static dev.tollgate.domain.model.Operation.READ_DATABASE_TOKENS;
import static dev.tollgate.domain.model.Operation.READ_REPLICA_STATUS;
import static dev.tollgate.domain.model.Operation.READ_TOKEN_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The design's caller table, row by row. */
class CallerTest {

  private static final TokenId ID = new TokenId(UUID.fromString("4f5e1a2b-0c3d-4e5f-8a9b-0c1d2e3f4a5b"));

  private static Set<Operation> allowed(Caller caller) {
    Set<Operation> allowed = EnumSet.noneOf(Operation.class);
    for (Operation operation : Operation.values()) {
      if (caller.may(operation)) {
        allowed.add(operation);
      }
    }
    return allowed;
  }

  @Test
  void readmeCallerTable_isTheCallerTable() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));

    assertThat(readme).contains(Operation.table());
  }

  @Test
  void kind_namesEachKindOfCaller() {
    assertThat(new Caller.User("alice", Set.of(UserGroup.ADMIN)).kind()).isEqualTo("user");
    assertThat(Caller.bootstrapAdmin().kind()).isEqualTo("bootstrap-admin");
    assertThat(new Caller.ManagementTokenHolder(ID).kind()).isEqualTo("management-token");
    assertThat(new Caller.DatabaseTokenHolder(ID).kind()).isEqualTo("database-token");
  }

  @Test
  void eachKindOfCaller_isInItsRowOfTheTable() {
    assertThat(new Caller.User("alice", Set.of(UserGroup.ADMIN)).roles())
        .containsExactly(Role.ADMIN_USER);
    assertThat(Caller.bootstrapAdmin().roles()).containsExactly(Role.BOOTSTRAP_ADMIN);
    assertThat(new Caller.ManagementTokenHolder(ID).roles()).containsExactly(Role.MANAGEMENT_TOKEN);
    assertThat(new Caller.DatabaseTokenHolder(ID).roles()).containsExactly(Role.DATABASE_TOKEN);
    for (Operation operation : Operation.values()) {
      assertThat(Caller.bootstrapAdmin().may(operation))
          .isEqualTo(operation.allows(Role.BOOTSTRAP_ADMIN));
    }
  }

  @Test
  void databaseTokenAndUngroupedUser_mayDoNothing() {
    assertThat(allowed(new Caller.DatabaseTokenHolder(ID))).isEmpty();
    assertThat(allowed(new Caller.User("mallory", Set.of()))).isEmpty();
  }

  @Test
  void memberAndAuditor_mayDoTheUnionOfBoth() {
    assertThat(allowed(new Caller.User("dave", Set.of(UserGroup.MEMBER, UserGroup.AUDITOR))))
        .containsExactlyInAnyOrder(LIST_MANAGEMENT_TOKENS, CHANGE_DATABASE_TOKENS,
            READ_DATABASE_TOKENS, READ_REPLICA_STATUS, READ_TOKEN_EVENTS);
  }

  @Test
  void managementToken_requireCreate_saysWhoMay() {
    assertThatThrownBy(() -> new Caller.ManagementTokenHolder(ID).require(CREATE_MANAGEMENT_TOKEN))
        .isInstanceOf(NotAllowedException.class)
        .hasMessage("management token 4f5e1a2b-0c3d-4e5f-8a9b-0c1d2e3f4a5b may not create"
            + " management tokens; only an Admin user or the bootstrap admin may");
  }

  @Test
  void subjects_nameTheCallerWithoutSecrets() {
    assertThat(new Caller.User("alice", Set.of()).subject()).isEqualTo("user:alice");
    assertThat(Caller.bootstrapAdmin().subject()).isEqualTo("bootstrap-admin");
    assertThat(new Caller.ManagementTokenHolder(ID).subject())
        .isEqualTo("management-token:" + ID);
  }
}
