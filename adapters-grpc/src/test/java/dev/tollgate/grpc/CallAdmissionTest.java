package dev.tollgate.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import dev.tollgate.proto.management.v1.GetDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.GetDatabaseTokenResponse;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallAdmissionTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CallAdmission admission = new CallAdmission(new CallAdmission.Budgets(10, 1, 1, 1),
      Duration.ofSeconds(5), Instant::now);
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = admission.installOn(InProcessServerBuilder.forName(name))
        .addService(new DatabaseTokenServiceGrpc.DatabaseTokenServiceImplBase() {
          @Override
          public void getDatabaseToken(GetDatabaseTokenRequest request,
              StreamObserver<GetDatabaseTokenResponse> observer) {
            entered.countDown();
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            observer.onNext(GetDatabaseTokenResponse.getDefaultInstance());
            observer.onCompleted();
          }
        })
        .addService(new HealthStatusManager().getHealthService())
        .build().start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    admission.close();
  }

  @Test
  void managementBudgetFull_nextCallIsResourceExhaustedAtOnce_healthStillAnswers_permitReturns()
      throws Exception {
    var first = DatabaseTokenServiceGrpc.newFutureStub(channel)
        .getDatabaseToken(GetDatabaseTokenRequest.getDefaultInstance());
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

    StatusRuntimeException refused = catchThrowableOfType(
        () -> DatabaseTokenServiceGrpc.newBlockingStub(channel)
            .withDeadlineAfter(5, TimeUnit.SECONDS)
            .getDatabaseToken(GetDatabaseTokenRequest.getDefaultInstance()),
        StatusRuntimeException.class);
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(refused.getStatus().getDescription())
        .isEqualTo("this server has 1 management calls in flight, its limit; retry with backoff,"
            + " or on another replica");
    assertThat(HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
        .check(HealthCheckRequest.getDefaultInstance()).getStatus())
        .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);

    release.countDown();
    first.get(5, TimeUnit.SECONDS);
    assertThat(DatabaseTokenServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .getDatabaseToken(GetDatabaseTokenRequest.getDefaultInstance())).isNotNull();
  }

  @Test
  void clientSendingTheInternalOverBudgetHeader_isNotRefusedForIt() {
    release.countDown();
    Metadata forged = new Metadata();
    forged.put(Metadata.Key.of("tollgate-internal-over-budget", Metadata.ASCII_STRING_MARSHALLER),
        "management");

    assertThat(DatabaseTokenServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(forged))
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .getDatabaseToken(GetDatabaseTokenRequest.getDefaultInstance())).isNotNull();
  }
}
