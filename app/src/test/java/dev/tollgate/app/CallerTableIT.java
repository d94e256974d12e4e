package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.model.Role;
import dev.tollgate.files.TokenFile;
import dev.tollgate.proto.management.v1.BackupServiceGrpc;
import dev.tollgate.proto.management.v1.TakeBackupRequest;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.CreateManagementTokenRequest;
import dev.tollgate.proto.management.v1.DatabasePermission;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import dev.tollgate.proto.management.v1.GetReplicaStatusRequest;
import dev.tollgate.proto.management.v1.ListDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.ListManagementTokensRequest;
import dev.tollgate.proto.management.v1.ListTokenEventsRequest;
import dev.tollgate.proto.management.v1.ManagementTokenServiceGrpc;
import dev.tollgate.proto.management.v1.ReplicaServiceGrpc;
import dev.tollgate.proto.management.v1.RevokeManagementTokensRequest;
import dev.tollgate.proto.management.v1.TokenEventServiceGrpc;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of caller against every operation, through the real server (OAuth users of each
 * group, the bootstrap admin kept from before OAuth was configured, a management and a database
 * token): each answer is the caller table's ({@link Operation}), which the README shows.
 */
class CallerTableIT {

  @TempDir
  Path work;

  @Test
  void everyCallerKindTimesEveryOperation_answersAsTheCallerTableSays() throws Exception {
    Path data = work.resolve("data");
    // the bootstrap admin is made before OAuth is configured, and keeps working after
    try (TollgateJar.Server first = new TollgateJar.Server(data, work.resolve("a.log")).start()) {
      assertThat(data.resolve("admin-token.json")).exists();
    }
    TestIdentityProvider idp = new TestIdentityProvider(work, """
        [
          {"id": "ada", "userGroups": ["Admin"]},
          {"id": "mel", "userGroups": ["Member"]},
          {"id": "aud", "userGroups": ["Auditor"]}
        ]
        """);
    try (TollgateJar.Server server = new TollgateJar.Server(data, work.resolve("b.log"),
        idp.serveOptions().toArray(String[]::new)).start()) {
      ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port())
          .usePlaintext().build();
      try {
        String admin = TokenFile.read(data.resolve("admin-token.json"));
        Map<Role, String> credentials = new EnumMap<>(Role.class);
        credentials.put(Role.ADMIN_USER, idp.accessToken("ada"));
        credentials.put(Role.MEMBER_USER, idp.accessToken("mel"));
        credentials.put(Role.AUDITOR_USER, idp.accessToken("aud"));
        credentials.put(Role.BOOTSTRAP_ADMIN, admin);
        credentials.put(Role.MANAGEMENT_TOKEN, management(channel, admin)
            .createManagementToken(CreateManagementTokenRequest.newBuilder().setDescription("m")
                .build()).getAccessToken());
        credentials.put(Role.DATABASE_TOKEN, databaseTokens(channel, admin)
            .createDatabaseToken(CreateDatabaseTokenRequest.newBuilder().setDescription("d")
                .build()).getAccessToken());

        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
          for (Operation operation : Operation.values()) {
            boolean allowed = allowed(channel, operation, credentials.get(role));
            if (allowed != operation.allows(role)) {
              wrong.add(role + " × " + operation + ": " + (allowed ? "allowed" : "refused"));
            }
          }
        }
        assertThat(wrong).isEmpty();
      } finally {
        channel.shutdownNow();
      }
    }
  }

  private static ManagementTokenServiceGrpc.ManagementTokenServiceBlockingStub management(
      ManagedChannel channel, String credential) {
    return ManagementTokenServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(TollgateJar.bearer(credential))
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  private static DatabaseTokenServiceGrpc.DatabaseTokenServiceBlockingStub databaseTokens(
      ManagedChannel channel, String credential) {
    return DatabaseTokenServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(TollgateJar.bearer(credential))
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** Calls one RPC that needs the operation; true unless it was refused for the caller. */
  private static boolean allowed(ManagedChannel channel, Operation operation, String credential) {
    CallCredentials bearer = TollgateJar.bearer(credential);
    try {
      switch (operation) {
        case CREATE_MANAGEMENT_TOKEN -> management(channel, credential).createManagementToken(
            CreateManagementTokenRequest.newBuilder().setDescription("x").build());
        case LIST_MANAGEMENT_TOKENS -> management(channel, credential).listManagementTokens(
            ListManagementTokensRequest.getDefaultInstance());
        case REVOKE_MANAGEMENT_TOKENS -> management(channel, credential).revokeManagementTokens(
            RevokeManagementTokensRequest.newBuilder().addIds(UUID.randomUUID().toString())
                .build());
        case CHANGE_DATABASE_TOKENS -> databaseTokens(channel, credential).createDatabaseToken(
            CreateDatabaseTokenRequest.newBuilder().setDescription("x").addPermissions(
                DatabasePermission.newBuilder().setAction("read").setResource("db1")).build());
        case READ_DATABASE_TOKENS -> databaseTokens(channel, credential).listDatabaseTokens(
            ListDatabaseTokensRequest.getDefaultInstance());
        case READ_REPLICA_STATUS -> ReplicaServiceGrpc.newBlockingStub(channel)
            .withCallCredentials(bearer).withDeadlineAfter(30, TimeUnit.SECONDS)
            .getReplicaStatus(GetReplicaStatusRequest.getDefaultInstance());
        case READ_TOKEN_EVENTS -> TokenEventServiceGrpc.newBlockingStub(channel)
            .withCallCredentials(bearer).withDeadlineAfter(30, TimeUnit.SECONDS)
            .listTokenEvents(ListTokenEventsRequest.getDefaultInstance());
        case BACK_UP_STORE -> BackupServiceGrpc.newBlockingStub(channel)
            .withCallCredentials(bearer).withDeadlineAfter(30, TimeUnit.SECONDS)
            .takeBackup(TakeBackupRequest.getDefaultInstance()).forEachRemaining(part -> { });
        default -> throw new AssertionError("no call for " + operation);
      }
      return true;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.PERMISSION_DENIED) {
        assertThat(e.getStatus().getDescription()).contains("may not " + operation.phrase()
            + "; only " + operation.allowed() + " may");
        return false;
      }
      // a revoke of an unknown id answers NOT_FOUND per id, not a refusal of the caller
      assertThat(e.getStatus().getCode()).as(e.getStatus().toString())
          .isNotIn(Status.Code.UNAUTHENTICATED, Status.Code.INTERNAL, Status.Code.UNKNOWN);
      return true;
    }
  }
}
