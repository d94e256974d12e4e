package dev.tollgate.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.domain.model.Authentication;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.model.Role;
import dev.tollgate.domain.model.UserGroup;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.CreateManagementTokenRequest;
import dev.tollgate.proto.management.v1.DatabasePermission;
import dev.tollgate.proto.management.v1.ListDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.ListManagementTokensRequest;
import dev.tollgate.proto.management.v1.RevokeManagementTokensRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of caller against every operation, through the real gRPC services: each answer is
 * the caller table's ({@link Operation}), which the README shows.
 */
class CallerTableTest {

  private InProcessTollgate server;
  private final Map<Role, String> credentials = new EnumMap<>(Role.class);

  @BeforeEach
  void start() throws Exception {
    server = new InProcessTollgate(accessToken -> switch (accessToken) {
      case "jwt-admin" -> new Authentication.Authenticated(
          new Caller.User("ada", Set.of(UserGroup.ADMIN)));
      case "jwt-member" -> new Authentication.Authenticated(
          new Caller.User("mel", Set.of(UserGroup.MEMBER)));
      case "jwt-auditor" -> new Authentication.Authenticated(
          new Caller.User("aud", Set.of(UserGroup.AUDITOR)));
      default -> new Authentication.Rejected("unknown test credential");
    });
    String admin = server.bootstrapAdmin.value();
    credentials.put(Role.ADMIN_USER, "jwt-admin");
    credentials.put(Role.MEMBER_USER, "jwt-member");
    credentials.put(Role.AUDITOR_USER, "jwt-auditor");
    credentials.put(Role.BOOTSTRAP_ADMIN, admin);
    credentials.put(Role.MANAGEMENT_TOKEN, server.managementAs(admin).createManagementToken(
        CreateManagementTokenRequest.newBuilder().setDescription("m").build()).getAccessToken());
    credentials.put(Role.DATABASE_TOKEN, server.databaseTokensAs(admin).createDatabaseToken(
        CreateDatabaseTokenRequest.newBuilder().setDescription("d").build()).getAccessToken());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  /** Calls one RPC that needs the operation; true when it was allowed (any answer but a refusal). */
  private boolean allowed(Operation operation, String credential) {
    try {
      switch (operation) {
        case CREATE_MANAGEMENT_TOKEN -> server.managementAs(credential).createManagementToken(
            CreateManagementTokenRequest.newBuilder().setDescription("x").build());
        case LIST_MANAGEMENT_TOKENS -> server.managementAs(credential).listManagementTokens(
            ListManagementTokensRequest.getDefaultInstance());
        case REVOKE_MANAGEMENT_TOKENS -> server.managementAs(credential).revokeManagementTokens(
            RevokeManagementTokensRequest.newBuilder().addIds(UUID.randomUUID().toString())
                .build());
        case CHANGE_DATABASE_TOKENS -> server.databaseTokensAs(credential).createDatabaseToken(
            CreateDatabaseTokenRequest.newBuilder().setDescription("x").addPermissions(
                DatabasePermission.newBuilder().setAction("read").setResource("db1")).build());
        case READ_DATABASE_TOKENS -> server.databaseTokensAs(credential).listDatabaseTokens(
            ListDatabaseTokensRequest.getDefaultInstance());
        case READ_REPLICA_STATUS -> server.replicaAs(credential).getReplicaStatus(
            dev.tollgate.proto.management.v1.GetReplicaStatusRequest.getDefaultInstance());
        default -> throw new AssertionError("no call for " + operation);
      }
      return true;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.PERMISSION_DENIED) {
        assertThat(e.getStatus().getDescription()).contains("may not " + operation.phrase()
            + "; only " + operation.allowed() + " may");
        return false;
      }
      return true;
    }
  }

  @Test
  void everyCallerKindTimesEveryOperation_answersAsTheCallerTableSays() {
    for (Role role : Role.values()) {
      for (Operation operation : Operation.values()) {
        assertThat(allowed(operation, credentials.get(role)))
            .as(role + " × " + operation).isEqualTo(operation.allows(role));
      }
    }
  }
}
