package dev.tollgate.grpc;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import dev.tollgate.domain.port.out.IdentityProvider;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;

/**
 * The gRPC services Tollgate serves: the management API behind caller authentication, the IOx
 * authorizer (no caller credential: the token travels in the request), gRPC health and server
 * reflection; and the identity provider for OAuth access tokens.
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
  @Singleton
  static IdentityProvider identityProvider(Optional<OAuthSettings> oauth) {
    return oauth.<IdentityProvider>map(OidcIdentityProvider::new).orElse(IdentityProvider.NONE);
  }

  @Provides
  @ElementsIntoSet
  static Set<ServerServiceDefinition> services(ManagementTokenGrpcService managementTokens,
      DatabaseTokenGrpcService databaseTokens, ReplicaGrpcService replica,
      TokenEventGrpcService tokenEvents, IoxAuthorizerGrpcService authorizer,
      CallerInterceptor callers, HealthStatusManager health) {
    return Set.of(
        // the last interceptor runs first: the caller is known before the gate checks it
        ServerInterceptors.intercept(managementTokens,
            new OperationGate(ManagementTokenGrpcService.OPERATIONS), callers),
        ServerInterceptors.intercept(databaseTokens,
            new OperationGate(DatabaseTokenGrpcService.OPERATIONS), callers),
        ServerInterceptors.intercept(replica, new OperationGate(ReplicaGrpcService.OPERATIONS),
            callers),
        ServerInterceptors.intercept(tokenEvents,
            new OperationGate(TokenEventGrpcService.OPERATIONS), callers),
        authorizer.bindService(),
        health.getHealthService().bindService(),
        ProtoReflectionServiceV1.newInstance().bindService());
  }
}
