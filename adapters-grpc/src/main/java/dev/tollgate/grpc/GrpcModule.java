package dev.tollgate.grpc;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import dev.tollgate.domain.port.out.StoreBackups;
import dev.tollgate.domain.service.UseCases;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * The gRPC services Tollgate serves: the management API behind caller authentication, the IOx
 * authorizer (no caller credential: the token travels in the request), gRPC health and server
 * reflection.
 */
@Module
public abstract class GrpcModule {

  private GrpcModule() {}

  @Provides
  @Singleton
  static HealthStatusManager health() {
    return new HealthStatusManager();
  }

  @Provides
  @ElementsIntoSet
  static Set<ServerServiceDefinition> services(UseCases useCases, AuthorizeMetrics metrics,
      HealthStatusManager health) {
    return services(useCases, metrics, health, new CallerInterceptor(useCases.authenticateCaller()));
  }

  /** The store's backup, behind caller authentication and its gate like the management API. */
  @Provides
  @ElementsIntoSet
  static Set<ServerServiceDefinition> backup(UseCases useCases, StoreBackups backups) {
    return Set.of(ServerInterceptors.intercept(
        new BackupGrpcService(useCases.backUpStore(backups)),
        new OperationGate(BackupGrpcService.OPERATIONS),
        new CallerInterceptor(useCases.authenticateCaller())));
  }

  /**
   * The services as a server serves them, wired from the domain's use cases in this one place,
   * for the server and for tests alike: each management service behind caller authentication
   * and then its gate (the last interceptor runs first, so the caller is known when the gate
   * checks it), the authorizer, health and reflection.
   */
  static Set<ServerServiceDefinition> services(UseCases useCases, AuthorizeMetrics metrics,
      HealthStatusManager health, CallerInterceptor callers) {
    return Set.of(
        ServerInterceptors.intercept(new ManagementTokenGrpcService(
                useCases.createManagementToken(), useCases.listManagementTokens(),
                useCases.revokeManagementTokens(), useCases.rotateToken()),
            new OperationGate(ManagementTokenGrpcService.OPERATIONS), callers),
        ServerInterceptors.intercept(new DatabaseTokenGrpcService(useCases.createDatabaseToken(),
                useCases.listDatabaseTokens(), useCases.getDatabaseToken(),
                useCases.updateDatabaseToken(), useCases.revokeDatabaseTokens(),
                useCases.rotateToken()),
            new OperationGate(DatabaseTokenGrpcService.OPERATIONS), callers),
        ServerInterceptors.intercept(new ReplicaGrpcService(useCases.replicaStatus()),
            new OperationGate(ReplicaGrpcService.OPERATIONS), callers),
        ServerInterceptors.intercept(new TokenEventGrpcService(useCases.tokenEvents()),
            new OperationGate(TokenEventGrpcService.OPERATIONS), callers),
        new IoxAuthorizerGrpcService(useCases.authorize(), useCases.limits(), metrics)
            .bindService(),
        health.getHealthService().bindService(),
        ProtoReflectionServiceV1.newInstance().bindService());
  }
}
