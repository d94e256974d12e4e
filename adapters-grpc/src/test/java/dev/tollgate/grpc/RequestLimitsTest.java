package dev.tollgate.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import com.google.rpc.BadRequest;
import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.proto.authz.v1.AuthorizeRequest;
import dev.tollgate.proto.authz.v1.Permission;
import dev.tollgate.proto.authz.v1.ResourceActionPermission.Action;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenResponse;
import dev.tollgate.proto.management.v1.DatabasePermission;
import dev.tollgate.proto.management.v1.DatabasePermissions;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import dev.tollgate.proto.management.v1.GetDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.RevokeDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.RevokeManagementTokensRequest;
import dev.tollgate.proto.management.v1.UpdateDatabaseTokenRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every request limit, at its default, through the real services: over it nothing is done. */
class RequestLimitsTest {

  private static final int LIMIT = Limits.DEFAULT;

  private InProcessTollgate server;
  private DatabaseTokenServiceGrpc.DatabaseTokenServiceBlockingStub tokens;

  @BeforeEach
  void start() throws Exception {
    server = new InProcessTollgate(IdentityProvider.NONE);
    tokens = server.databaseTokensAs(server.bootstrapAdmin.value());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private static List<DatabasePermission> permissions(int count) {
    List<DatabasePermission> permissions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      permissions.add(DatabasePermission.newBuilder().setAction("read").setResource("db" + i)
          .build());
    }
    return permissions;
  }

  private CreateDatabaseTokenResponse create(int permissions) {
    return tokens.createDatabaseToken(CreateDatabaseTokenRequest.newBuilder().setDescription("x")
        .addAllPermissions(permissions(permissions)).build());
  }

  private static void assertInvalidArgument(StatusRuntimeException e, String field, String text) {
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).startsWith(field + ": ").contains(text);
    assertThat(badRequest(e).getFieldViolations(0).getField()).isEqualTo(field);
  }

  @Test
  void tokenWithOneMorePermissionThanAllowed_create_isInvalidArgumentAndWritesNothing() {
    StatusRuntimeException e = catchThrowableOfType(() -> create(LIMIT + 1),
        StatusRuntimeException.class);

    assertInvalidArgument(e, "permissions", String.format("has %,d permissions; at most %,d are"
        + " allowed per database token", LIMIT + 1, LIMIT));
    assertThat(server.eventsWritten()).isEmpty();
    assertThat(create(LIMIT).getToken().getPermissionsCount()).isEqualTo(LIMIT);
  }

  @Test
  void updateToOneMorePermissionThanAllowed_isInvalidArgumentAndKeepsThePermissions() {
    String id = create(1).getToken().getId();

    StatusRuntimeException e = catchThrowableOfType(() -> tokens.updateDatabaseToken(
        UpdateDatabaseTokenRequest.newBuilder().setId(id).setPermissions(DatabasePermissions
            .newBuilder().addAllPermissions(permissions(LIMIT + 1))).build()),
        StatusRuntimeException.class);

    assertInvalidArgument(e, "permissions.permissions", "at most");
    assertThat(tokens.getDatabaseToken(GetDatabaseTokenRequest.newBuilder().setId(id).build())
        .getToken().getPermissionsCount()).isEqualTo(1);
  }

  @Test
  void revokeNamingOneMoreIdThanAllowed_isInvalidArgumentAndRevokesNothing() {
    String id = create(1).getToken().getId();
    List<String> ids = new ArrayList<>(List.of(id));
    while (ids.size() <= LIMIT) {
      ids.add(UUID.randomUUID().toString());
    }

    StatusRuntimeException database = catchThrowableOfType(() -> tokens.revokeDatabaseTokens(
        RevokeDatabaseTokensRequest.newBuilder().addAllIds(ids).build()),
        StatusRuntimeException.class);
    StatusRuntimeException management = catchThrowableOfType(() -> server.managementAs(
        server.bootstrapAdmin.value()).revokeManagementTokens(
            RevokeManagementTokensRequest.newBuilder().addAllIds(ids).build()),
        StatusRuntimeException.class);

    assertInvalidArgument(database, "ids", String.format("has %,d ids; at most %,d are allowed",
        LIMIT + 1, LIMIT));
    assertInvalidArgument(management, "ids", "revoke them in batches");
    assertThat(tokens.getDatabaseToken(GetDatabaseTokenRequest.newBuilder().setId(id).build())
        .getToken().hasRevokedAt()).isFalse();
  }

  @Test
  void authorizeAskingOneMorePermissionThanAllowed_isInvalidArgument() {
    String token = create(1).getAccessToken();
    AuthorizeRequest.Builder request = AuthorizeRequest.newBuilder()
        .setToken(ByteString.copyFromUtf8(token));
    for (int i = 0; i <= LIMIT; i++) {
      request.addPermissions(IoxAuthorizerGrpcServiceTest.byName("db0", Action.ACTION_READ));
    }

    StatusRuntimeException e = catchThrowableOfType(
        () -> server.authorizer().authorize(request.build()), StatusRuntimeException.class);

    assertInvalidArgument(e, "permissions", String.format("at most %,d are allowed per Authorize"
        + " request", LIMIT));
  }

  @Test
  void malformedOrEmptyToken_askingMorePermissionsThanAllowed_isSimplyInvalid() {
    List<Permission> asked = new ArrayList<>();
    for (int i = 0; i <= LIMIT; i++) {
      asked.add(IoxAuthorizerGrpcServiceTest.byName("db" + i, Action.ACTION_WRITE));
    }
    String valid = create(1).getAccessToken();
    String badChecksum = valid.substring(0, valid.length() - 5) + "AAAAA";

    for (String token : new String[] {"", "apiv1_not-a-token", badChecksum}) {
      assertThat(server.authorizer().authorize(AuthorizeRequest.newBuilder()
          .setToken(ByteString.copyFromUtf8(token)).addAllPermissions(asked).build()))
          .satisfies(response -> {
            assertThat(response.getValid()).isFalse();
            assertThat(response.getPermissionsCount()).isZero();
          });
    }
  }

  @Test
  void malformedOrEmptyToken_askingAsManyPermissionsAsAllowed_isSimplyInvalid() {
    List<Permission> asked = new ArrayList<>();
    for (int i = 0; i < LIMIT; i++) {
      asked.add(IoxAuthorizerGrpcServiceTest.byName("db" + i, Action.ACTION_WRITE));
    }

    for (String token : new String[] {"", "apiv1_not-a-token"}) {
      assertThat(server.authorizer().authorize(AuthorizeRequest.newBuilder()
          .setToken(ByteString.copyFromUtf8(token)).addAllPermissions(asked).build()))
          .satisfies(response -> {
            assertThat(response.getValid()).isFalse();
            assertThat(response.getPermissionsCount()).isZero();
          });
    }
  }

  private static BadRequest badRequest(StatusRuntimeException e) {
    try {
      return StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class);
    } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
      throw new AssertionError(ex);
    }
  }
}
