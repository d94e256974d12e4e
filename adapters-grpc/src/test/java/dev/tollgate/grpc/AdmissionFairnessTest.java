package dev.tollgate.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.proto.authz.v1.AuthorizeRequest;
import dev.tollgate.proto.authz.v1.AuthorizeResponse;
import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import dev.tollgate.proto.management.v1.ListManagementTokensRequest;
import dev.tollgate.proto.management.v1.ListManagementTokensResponse;
import dev.tollgate.proto.management.v1.ManagementTokenServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two ways to exhaust a budget without a credential: idle streams on a few
 * connections, and idle reflection streams; each connection is an in-process transport of its own.
 */
class AdmissionFairnessTest {

  private final CallAdmission admission = new CallAdmission(new CallAdmission.Budgets(8, 4, 1, 2),
      Duration.ofSeconds(5), Instant::now);
  private final List<ManagedChannel> channels = new ArrayList<>();
  private final List<ClientCall<?, ?>> idle = new ArrayList<>();
  private String name;
  private Server server;

  @BeforeEach
  void start() throws Exception {
    name = InProcessServerBuilder.generateName();
    server = admission.installOn(InProcessServerBuilder.forName(name))
        .addService(new IoxAuthorizerServiceGrpc.IoxAuthorizerServiceImplBase() {
          @Override
          public void authorize(AuthorizeRequest request,
              StreamObserver<AuthorizeResponse> observer) {
            observer.onNext(AuthorizeResponse.newBuilder().setValid(true).build());
            observer.onCompleted();
          }
        })
        .addService(new ManagementTokenServiceGrpc.ManagementTokenServiceImplBase() {
          @Override
          public void listManagementTokens(ListManagementTokensRequest request,
              StreamObserver<ListManagementTokensResponse> observer) {
            observer.onNext(ListManagementTokensResponse.getDefaultInstance());
            observer.onCompleted();
          }
        })
        .addService(ProtoReflectionServiceV1.newInstance())
        .build().start();
  }

  @AfterEach
  void stop() throws Exception {
    idle.forEach(call -> call.cancel("test over", null));
    channels.forEach(ManagedChannel::shutdownNow);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    admission.close();
  }

  private ManagedChannel connection() {
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    channels.add(channel);
    return channel;
  }

  /** Opens calls that never send their request. */
  private <Q, R> void openIdle(ManagedChannel channel, MethodDescriptor<Q, R> method, int count) {
    for (int i = 0; i < count; i++) {
      ClientCall<Q, R> call = channel.newCall(method, CallOptions.DEFAULT);
      call.start(new ClientCall.Listener<R>() {}, new Metadata());
      idle.add(call);
    }
  }

  @Test
  void twoConnectionsFullOfIdleAuthorizeStreams_thirdConnectionsAuthorize_isAnswered() {
    openIdle(connection(), IoxAuthorizerServiceGrpc.getAuthorizeMethod(), 8);
    openIdle(connection(), IoxAuthorizerServiceGrpc.getAuthorizeMethod(), 8);

    assertThat(IoxAuthorizerServiceGrpc.newBlockingStub(connection())
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .authorize(AuthorizeRequest.getDefaultInstance()).getValid()).isTrue();
  }

  @Test
  void idleReflectionStreams_managementCallOfAnotherConnection_isAnswered() {
    ManagedChannel prober = connection();
    openIdle(prober, ServerReflectionGrpc.getServerReflectionInfoMethod(), 64);

    assertThat(ManagementTokenServiceGrpc.newBlockingStub(connection())
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .listManagementTokens(ListManagementTokensRequest.getDefaultInstance())).isNotNull();
  }

  @Test
  void oneConnectionOverItsShare_isRefusedResourceExhaustedNamingTheShare() {
    ManagedChannel greedy = connection();
    openIdle(greedy, IoxAuthorizerServiceGrpc.getAuthorizeMethod(), 2);

    io.grpc.StatusRuntimeException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> IoxAuthorizerServiceGrpc.newBlockingStub(greedy)
            .withDeadlineAfter(5, TimeUnit.SECONDS)
            .authorize(AuthorizeRequest.getDefaultInstance()),
        io.grpc.StatusRuntimeException.class);
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(refused.getStatus().getDescription()).isEqualTo("this connection has 2 Authorize"
        + " calls in flight, its share of this server's 8; retry with backoff, or spread the calls"
        + " over more connections");
  }

  @Test
  void oneConnection_mayHoldHalfOfTheManagementBudget() {
    ManagedChannel bulk = connection();
    openIdle(bulk, ManagementTokenServiceGrpc.getListManagementTokensMethod(), 2);

    io.grpc.StatusRuntimeException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> ManagementTokenServiceGrpc.newBlockingStub(bulk)
            .withDeadlineAfter(5, TimeUnit.SECONDS)
            .listManagementTokens(ListManagementTokensRequest.getDefaultInstance()),
        io.grpc.StatusRuntimeException.class);
    assertThat(refused.getStatus().getDescription()).startsWith("this connection has 2"
        + " management calls in flight, its share of this server's 4;");
    assertThat(ManagementTokenServiceGrpc.newBlockingStub(connection())
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .listManagementTokens(ListManagementTokensRequest.getDefaultInstance())).isNotNull();
  }

  @Test
  void authorize_runsOnTheThreadItArrivesOn() {
    Thread[] ran = new Thread[1];
    io.grpc.ServerCall<AuthorizeRequest, AuthorizeResponse> serverCall =
        new NoServerCall<>(IoxAuthorizerServiceGrpc.getAuthorizeMethod());

    admission.getExecutor(serverCall, new Metadata()).execute(() -> ran[0] = Thread.currentThread());

    assertThat(ran[0]).isSameAs(Thread.currentThread());
  }

  /** A server call that only names its method, for asking the admission about it. */
  private static final class NoServerCall<Q, R> extends io.grpc.ServerCall<Q, R> {
    private final MethodDescriptor<Q, R> method;

    NoServerCall(MethodDescriptor<Q, R> method) {
      this.method = method;
    }

    @Override
    public void request(int numMessages) {}

    @Override
    public void sendHeaders(Metadata headers) {}

    @Override
    public void sendMessage(R message) {}

    @Override
    public void close(Status status, Metadata trailers) {}

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public MethodDescriptor<Q, R> getMethodDescriptor() {
      return method;
    }
  }
}
