package dev.tollgate.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.CreateManagementTokenRequest;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import dev.tollgate.proto.management.v1.ManagementTokenServiceGrpc;
import dev.tollgate.proto.management.v1.ReplicaServiceGrpc;
import dev.tollgate.proto.management.v1.TokenEventServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every management call is refused to a caller its use case does not allow before a byte of its
 * request is read: the request sent here is not even a protobuf message, so a call that read it
 * first would fail with INTERNAL or INVALID_ARGUMENT instead of PERMISSION_DENIED.
 */
class OperationGateTest {

  private static final Set<String> MANAGEMENT_SERVICES = Set.of(
      ManagementTokenServiceGrpc.SERVICE_NAME, DatabaseTokenServiceGrpc.SERVICE_NAME,
      ReplicaServiceGrpc.SERVICE_NAME, TokenEventServiceGrpc.SERVICE_NAME);
  /** Answered for any caller: who the caller is. */
  private static final Set<String> OPEN = Set.of(
      ManagementTokenServiceGrpc.getWhoAmIMethod().getFullMethodName());
  /** Not a protobuf message: field 31 with wire type 7, which does not exist. */
  private static final byte[] UNREADABLE = {(byte) 0xff, 0x01, 0x02};

  private final InProcessTollgate server = newServer();

  private static InProcessTollgate newServer() {
    try {
      return new InProcessTollgate(IdentityProvider.NONE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.close();
  }

  private static Map<String, Operation> declared() {
    Map<String, Operation> all = new HashMap<>();
    for (Map<MethodDescriptor<?, ?>, Operation> operations : List.of(
        ManagementTokenGrpcService.OPERATIONS, DatabaseTokenGrpcService.OPERATIONS,
        ReplicaGrpcService.OPERATIONS, TokenEventGrpcService.OPERATIONS)) {
      operations.forEach((method, operation) -> all.put(method.getFullMethodName(), operation));
    }
    return all;
  }

  @Test
  void everyManagementCall_isDeclaredByItsUseCaseOrOpenToEveryCaller() {
    Map<String, Operation> declared = declared();
    for (ServerServiceDefinition service : server.server.getServices()) {
      if (MANAGEMENT_SERVICES.contains(service.getServiceDescriptor().getName())) {
        for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
          String name = method.getMethodDescriptor().getFullMethodName();
          assertThat(declared.containsKey(name) || OPEN.contains(name))
              .as("%s declares what its caller must be allowed", name).isTrue();
        }
      }
    }
  }

  @Test
  void everyDeclaredCall_callerNotAllowed_isPermissionDeniedBeforeTheRequestIsRead() {
    String databaseToken = server.databaseTokensAs(server.bootstrapAdmin.value())
        .createDatabaseToken(CreateDatabaseTokenRequest.newBuilder().setDescription("x").build())
        .getAccessToken();
    String managementToken = server.managementAs(server.bootstrapAdmin.value())
        .createManagementToken(CreateManagementTokenRequest.newBuilder().setDescription("x")
            .build()).getAccessToken();
    int checked = 0;
    for (Map.Entry<String, Operation> call : declared().entrySet()) {
      // a database token may do nothing on the management API; a management token may not
      // create management tokens
      String caller = call.getValue() == Operation.CREATE_MANAGEMENT_TOKEN ? managementToken
          : databaseToken;
      StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
          () -> ClientCalls.blockingUnaryCall(server.channel, unreadable(call.getKey()),
              CallOptions.DEFAULT.withCallCredentials(InProcessTollgate.bearer(caller)),
              UNREADABLE));
      assertThat(refused).as(call.getKey()).isNotNull();
      assertThat(refused.getStatus().getCode()).as(call.getKey())
          .isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(refused.getStatus().getDescription()).as(call.getKey())
          .contains(call.getValue().phrase());
      checked++;
    }
    assertThat(checked).isEqualTo(12);
  }

  private static MethodDescriptor<byte[], byte[]> unreadable(String fullMethodName) {
    return MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(fullMethodName).setRequestMarshaller(BYTES)
        .setResponseMarshaller(BYTES).build();
  }

  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      };
}
