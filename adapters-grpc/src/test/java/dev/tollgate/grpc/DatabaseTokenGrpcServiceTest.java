package dev.tollgate.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenResponse;
import dev.tollgate.proto.management.v1.CreateManagementTokenRequest;
import dev.tollgate.proto.management.v1.DatabasePermission;
import dev.tollgate.proto.management.v1.DatabasePermissions;
import dev.tollgate.proto.management.v1.DatabaseToken;
import dev.tollgate.proto.management.v1.GetDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.ListDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.RevokeDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.RevokeOutcome;
import dev.tollgate.proto.management.v1.UpdateDatabaseTokenRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseTokenGrpcServiceTest {

  private InProcessTollgate server;

  @BeforeEach
  void start() throws Exception {
    server = new InProcessTollgate(IdentityProvider.NONE);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private static DatabasePermission permission(String action, String resource) {
    return DatabasePermission.newBuilder().setAction(action).setResource(resource).build();
  }

  private CreateDatabaseTokenResponse createReadWriteDb1() {
    return server.databaseTokensAs(server.bootstrapAdmin.value()).createDatabaseToken(
        CreateDatabaseTokenRequest.newBuilder().setDescription("Read/write for db1")
            .addPermissions(permission("read", "db1")).addPermissions(permission("write", "db1"))
            .build());
  }

  private StatusRuntimeException failure(Runnable call) {
    return assertThrows(StatusRuntimeException.class, call::run);
  }

  @Test
  void bootstrapAdmin_create_returnsTheApiv1TokenAndItsPermissions() {
    CreateDatabaseTokenResponse response = createReadWriteDb1();

    assertThat(response.getAccessToken()).startsWith("apiv1_").hasSize(92);
    DatabaseToken token = response.getToken();
    assertThat(token.getTokenPrefix()).isEqualTo(response.getAccessToken().substring(0, 9));
    assertThat(token.getPermissionsList()).containsExactly(permission("read", "db1"),
        permission("write", "db1"));
    assertThat(token.getCreatedBy()).isEqualTo("bootstrap-admin");
  }

  @Test
  void managementToken_createsDatabaseTokens() {
    String management = server.managementAs(server.bootstrapAdmin.value()).createManagementToken(
        CreateManagementTokenRequest.getDefaultInstance()).getAccessToken();

    DatabaseToken token = server.databaseTokensAs(management).createDatabaseToken(
        CreateDatabaseTokenRequest.newBuilder().setDescription("all").addPermissions(
            permission("read", "*")).build()).getToken();

    assertThat(token.getCreatedBy()).startsWith("management-token:");
  }

  @Test
  void databaseToken_asCaller_isPermissionDenied() {
    String databaseToken = createReadWriteDb1().getAccessToken();

    StatusRuntimeException e = failure(() -> server.databaseTokensAs(databaseToken)
        .listDatabaseTokens(ListDatabaseTokensRequest.getDefaultInstance()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void badDatabaseNameOrAction_create_isInvalidArgumentNamingItAndWritesNothing() {
    var stub = server.databaseTokensAs(server.bootstrapAdmin.value());

    StatusRuntimeException badName = failure(() -> stub.createDatabaseToken(
        CreateDatabaseTokenRequest.newBuilder().setDescription("x")
            .addPermissions(permission("read", "db1")).addPermissions(permission("read", " db2"))
            .build()));
    StatusRuntimeException badAction = failure(() -> stub.createDatabaseToken(
        CreateDatabaseTokenRequest.newBuilder().setDescription("x")
            .addPermissions(permission("admin", "db1")).build()));

    assertThat(badName.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(badName.getStatus().getDescription())
        .isEqualTo("permissions[1]: database name \" db2\" starts or ends with whitespace;"
            + " expected the name without surrounding spaces");
    assertThat(badAction.getStatus().getDescription()).contains("\"admin\" is not a permission action");
    assertThat(server.eventsWritten()).isEmpty();
  }

  @Test
  void unknownOrMalformedId_getUpdateRevoke_areNotFoundOrInvalid() {
    var stub = server.databaseTokensAs(server.bootstrapAdmin.value());
    String unknown = "4f5e1a2b-0c3d-4e5f-8a9b-0c1d2e3f4a5b";

    assertThat(failure(() -> stub.getDatabaseToken(GetDatabaseTokenRequest.newBuilder()
        .setId(unknown).build())).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(failure(() -> stub.updateDatabaseToken(UpdateDatabaseTokenRequest.newBuilder()
        .setId(unknown).setDescription("x").build())).getStatus().getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(failure(() -> stub.getDatabaseToken(GetDatabaseTokenRequest.newBuilder()
        .setId("db1").build())).getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(stub.revokeDatabaseTokens(RevokeDatabaseTokensRequest.newBuilder().addIds(unknown)
        .build()).getResults(0).getOutcome()).isEqualTo(RevokeOutcome.REVOKE_OUTCOME_NOT_FOUND);
  }

  @Test
  void permissionsMessage_update_replacesAndItsAbsenceKeeps() {
    var stub = server.databaseTokensAs(server.bootstrapAdmin.value());
    String id = createReadWriteDb1().getToken().getId();

    DatabaseToken renamed = stub.updateDatabaseToken(UpdateDatabaseTokenRequest.newBuilder()
        .setId(id).setDescription("renamed").build()).getToken();
    DatabaseToken replaced = stub.updateDatabaseToken(UpdateDatabaseTokenRequest.newBuilder()
        .setId(id).setPermissions(DatabasePermissions.newBuilder()
            .addPermissions(permission("read", "db2"))).build()).getToken();
    DatabaseToken emptied = stub.updateDatabaseToken(UpdateDatabaseTokenRequest.newBuilder()
        .setId(id).setPermissions(DatabasePermissions.getDefaultInstance()).build()).getToken();

    assertThat(renamed.getPermissionsList()).hasSize(2);
    assertThat(replaced.getDescription()).isEqualTo("renamed");
    assertThat(replaced.getPermissionsList()).containsExactly(permission("read", "db2"));
    assertThat(emptied.getPermissionsList()).isEmpty();
  }

  @Test
  void revokedToken_update_isFailedPreconditionAndGetNeedsIncludeRevoked() {
    var stub = server.databaseTokensAs(server.bootstrapAdmin.value());
    String id = createReadWriteDb1().getToken().getId();
    stub.revokeDatabaseTokens(RevokeDatabaseTokensRequest.newBuilder().addIds(id).build());

    StatusRuntimeException update = failure(() -> stub.updateDatabaseToken(
        UpdateDatabaseTokenRequest.newBuilder().setId(id).setDescription("x").build()));

    assertThat(update.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(update.getStatus().getDescription()).contains("a revoked token cannot be updated");
    assertThat(failure(() -> stub.getDatabaseToken(GetDatabaseTokenRequest.newBuilder().setId(id)
        .build())).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(stub.getDatabaseToken(GetDatabaseTokenRequest.newBuilder().setId(id)
        .setIncludeRevoked(true).build()).getToken().hasRevokedAt()).isTrue();
    assertThat(stub.listDatabaseTokens(ListDatabaseTokensRequest.getDefaultInstance())
        .getTokensList()).isEmpty();
    assertThat(stub.listDatabaseTokens(ListDatabaseTokensRequest.newBuilder()
        .setIncludeRevoked(true).build()).getTokensList()).hasSize(1);
  }

  @Test
  void auditorWithBadInput_create_isPermissionDeniedNotInvalidArgument() throws Exception {
    server.close();
    server = new InProcessTollgate(credential -> new dev.tollgate.domain.model.Authentication
        .Authenticated(new dev.tollgate.domain.model.Caller.User("carol",
            java.util.Set.of(dev.tollgate.domain.model.UserGroup.AUDITOR))));

    StatusRuntimeException e = failure(() -> server.databaseTokensAs("a.jwt.token")
        .createDatabaseToken(CreateDatabaseTokenRequest.newBuilder().setDescription("x")
            .addPermissions(permission("read", " bad")).build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void repositoryFailureWhileAuthenticating_isInternalWithAnErrorId() throws Exception {
    server.close();
    server = new InProcessTollgate(credential -> {
      throw new IllegalStateException("database unreachable");
    });

    StatusRuntimeException e = failure(() -> server.databaseTokensAs("a.jwt.token")
        .listDatabaseTokens(ListDatabaseTokensRequest.getDefaultInstance()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(e.getStatus().getDescription()).startsWith("internal error; error id ")
        .doesNotContain("unreachable");
  }

  @Test
  void nothingToUpdate_isInvalidArgument() {
    String id = createReadWriteDb1().getToken().getId();

    assertThat(failure(() -> server.databaseTokensAs(server.bootstrapAdmin.value())
        .updateDatabaseToken(UpdateDatabaseTokenRequest.newBuilder().setId(id).build()))
        .getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }
}
