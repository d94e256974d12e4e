package dev.tollgate.grpc;

import dev.tollgate.domain.model.Operation;

import java.util.Map;

import io.grpc.MethodDescriptor;

import dev.tollgate.domain.port.in.GetReplicaStatusUseCase;
import dev.tollgate.proto.management.v1.GetReplicaStatusRequest;
import dev.tollgate.proto.management.v1.GetReplicaStatusResponse;
import dev.tollgate.proto.management.v1.ReplicaServiceGrpc;
import io.grpc.stub.StreamObserver;

/** {@code tollgate.management.v1.ReplicaService}: how the answering replica follows the store. */
final class ReplicaGrpcService extends ReplicaServiceGrpc.ReplicaServiceImplBase {

  /** What the call's use case declares its caller must be allowed, checked before it is read. */
  static final Map<MethodDescriptor<?, ?>, Operation> OPERATIONS = Map.of(
      ReplicaServiceGrpc.getGetReplicaStatusMethod(), GetReplicaStatusUseCase.OPERATION);

  private final GetReplicaStatusUseCase status;

  ReplicaGrpcService(GetReplicaStatusUseCase status) {
    this.status = status;
  }

  @Override
  public void getReplicaStatus(GetReplicaStatusRequest request,
      StreamObserver<GetReplicaStatusResponse> observer) {
    ErrorMapping.respond(observer, () -> ProtoMapper.replicaStatus(
        status.status(new GetReplicaStatusUseCase.Query(CallerContext.current()))));
  }
}
