package dev.tollgate.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.domain.inmemory.ControllableClock;
import dev.tollgate.proto.authz.v1.AuthorizeRequest;
import dev.tollgate.proto.authz.v1.AuthorizeResponse;
import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestTimeoutTest {

  private final ControllableClock clock = new ControllableClock(Instant.parse("2026-12-01T00:00:00Z"));
  private final CallAdmission admission = new CallAdmission(new CallAdmission.Budgets(1, 1, 1, 1),
      Duration.ofSeconds(3), clock);
  private final AtomicInteger answered = new AtomicInteger();
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = admission.installOn(InProcessServerBuilder.forName(name))
        .addService(new IoxAuthorizerServiceGrpc.IoxAuthorizerServiceImplBase() {
          @Override
          public void authorize(AuthorizeRequest request,
              StreamObserver<AuthorizeResponse> observer) {
            answered.incrementAndGet();
            observer.onNext(AuthorizeResponse.newBuilder().setValid(true).build());
            observer.onCompleted();
          }
        })
        .build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    admission.close();
  }

  /** Starts an Authorize call and returns how it closed, once it does. */
  private CompletableFuture<Status> open(ClientCall<AuthorizeRequest, AuthorizeResponse> call) {
    CompletableFuture<Status> closed = new CompletableFuture<>();
    call.start(new ClientCall.Listener<>() {
      @Override
      public void onClose(Status status, Metadata trailers) {
        closed.complete(status);
      }
    }, new Metadata());
    call.request(1);
    return closed;
  }

  @Test
  void callThatSendsNothing_closedAfterTheTimeout_andItsPlaceIsFreeAgain() throws Exception {
    CompletableFuture<Status> idle = open(channel.newCall(
        IoxAuthorizerServiceGrpc.getAuthorizeMethod(), CallOptions.DEFAULT));

    clock.advance(Duration.ofMillis(2_999));
    admission.closeOverdue();
    assertThat(idle).isNotDone();

    clock.advance(Duration.ofMillis(1));
    admission.closeOverdue();
    Status status = idle.get(5, TimeUnit.SECONDS);
    assertThat(status.getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(status.getDescription()).isEqualTo("no request arrived within 3 s of the call's"
        + " start, this server's request timeout; send the request with the call");
    assertThat(IoxAuthorizerServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .authorize(AuthorizeRequest.getDefaultInstance()).getValid()).isTrue();
  }

  @Test
  void requestSentButNotFinished_isStillWaiting_andAMessageAfterTheCloseIsNotAnswered()
      throws Exception {
    ClientCall<AuthorizeRequest, AuthorizeResponse> call = channel.newCall(
        IoxAuthorizerServiceGrpc.getAuthorizeMethod(), CallOptions.DEFAULT);
    CompletableFuture<Status> closed = open(call);
    call.sendMessage(AuthorizeRequest.getDefaultInstance());

    clock.advance(Duration.ofSeconds(3));
    admission.closeOverdue();
    assertThat(closed.get(5, TimeUnit.SECONDS).getCode())
        .isEqualTo(Status.Code.DEADLINE_EXCEEDED);

    call.halfClose();
    assertThat(answered).hasValue(0);
  }

  @Test
  void callWhoseRequestCameInTime_isNotTouchedLater() throws Exception {
    assertThat(IoxAuthorizerServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .authorize(AuthorizeRequest.getDefaultInstance()).getValid()).isTrue();

    clock.advance(Duration.ofMinutes(1));
    admission.closeOverdue();

    assertThat(answered).hasValue(1);
  }
}
