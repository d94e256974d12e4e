package dev.tollgate.grpc;

import dev.tollgate.domain.inmemory.ControllableClock;
import dev.tollgate.domain.inmemory.DeterministicRandomSource;
import dev.tollgate.domain.inmemory.InMemoryTollgate;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenString;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import dev.tollgate.proto.management.v1.ManagementTokenServiceGrpc;
import dev.tollgate.proto.management.v1.TokenEventServiceGrpc;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** The management API on an in-process server over the in-memory domain, for one test. */
final class InProcessTollgate implements AutoCloseable {

  static final Instant START = Instant.parse("2026-11-28T12:00:00Z");

  final InMemoryTollgate tollgate;
  final TokenString bootstrapAdmin = TokenFormat.MANAGEMENT.generate(new DeterministicRandomSource(77));
  final Server server;
  final ManagedChannel channel;

  InProcessTollgate(IdentityProvider identityProvider) throws IOException {
    tollgate = new InMemoryTollgate(new ControllableClock(START), identityProvider, 9L);
    tollgate.repository().registerBootstrapAdmin(bootstrapAdmin.hash(), "memory", START);
    String name = InProcessServerBuilder.generateName();
    CallerInterceptor callers = new CallerInterceptor(tollgate.authenticateCaller());
    // the services as the server serves them: the real interceptors, gate, health, reflection
    InProcessServerBuilder builder = InProcessServerBuilder.forName(name).directExecutor();
    GrpcModule.services(tollgate.useCases(), AuthorizeMetrics.none(),
        new io.grpc.protobuf.services.HealthStatusManager(), callers).forEach(builder::addService);
    server = builder
        .build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  /** The events written since the server started (its bootstrap admin's registration aside). */
  java.util.List<dev.tollgate.domain.model.RecordedTokenEvent> eventsWritten() {
    return tollgate.repository().find(new dev.tollgate.domain.model.EventQuery(
        java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), 0,
        100)).stream().filter(event -> !event.event().tokenId()
            .equals(dev.tollgate.domain.model.TokenId.BOOTSTRAP_ADMIN)).toList();
  }

  /** A management-API stub that presents the credential as a bearer token, or none if null. */
  ManagementTokenServiceGrpc.ManagementTokenServiceBlockingStub managementAs(String credential) {
    ManagementTokenServiceGrpc.ManagementTokenServiceBlockingStub stub =
        ManagementTokenServiceGrpc.newBlockingStub(channel);
    return credential == null ? stub : stub.withCallCredentials(bearer(credential));
  }

  /** A database-token stub that presents the credential as a bearer token. */
  DatabaseTokenServiceGrpc.DatabaseTokenServiceBlockingStub databaseTokensAs(String credential) {
    return DatabaseTokenServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(credential));
  }

  /** An audit-trail stub that presents the credential as a bearer token. */
  TokenEventServiceGrpc.TokenEventServiceBlockingStub tokenEventsAs(String credential) {
    return TokenEventServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(credential));
  }

  /** The authorizer, which takes no caller credential. */
  IoxAuthorizerServiceGrpc.IoxAuthorizerServiceBlockingStub authorizer() {
    return IoxAuthorizerServiceGrpc.newBlockingStub(channel);
  }

  static CallCredentials bearer(String credential) {
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(CallerInterceptor.AUTHORIZATION, "Bearer " + credential);
        applier.apply(headers);
      }
    };
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
