package dev.tollgate.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.domain.inmemory.ControllableClock;
import dev.tollgate.domain.inmemory.InMemoryTollgate;
import dev.tollgate.domain.model.Authentication;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.UserGroup;
import dev.tollgate.proto.management.v1.ManagementTokenServiceGrpc;
import dev.tollgate.proto.management.v1.WhoAmIRequest;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class CallLogTest {

  /** The subject: in a line of text parsed back, it forged a status and a caller. */
  private static final String FORGING = "alice duration_ms=0,\"status\":\"OK\",\"caller\":\"bootstrap-admin\"";

  private final ControllableClock clock = new ControllableClock(Instant.parse("2026-12-01T00:00:00Z"));
  private final CapturedLog log = new CapturedLog();
  private Server server;
  private ManagedChannel channel;

  private ManagementTokenServiceGrpc.ManagementTokenServiceBlockingStub start() throws Exception {
    InMemoryTollgate tollgate = new InMemoryTollgate(clock, credential -> credential.equals("jwt")
        ? new Authentication.Authenticated(new Caller.User(FORGING, Set.of(UserGroup.MEMBER)))
        : new Authentication.Rejected("not a credential this test knows"), 5L);
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(ServerInterceptors.intercept(new ManagementTokenGrpcService(
            tollgate.createManagementToken(), tollgate.listManagementTokens(),
            tollgate.revokeManagementTokens(), tollgate.rotateToken()),
            new CallerInterceptor(tollgate.authenticateCaller())))
        .intercept(new CallLog(clock, log))
        .build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    return ManagementTokenServiceGrpc.newBlockingStub(channel);
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void fiveThousandUnauthenticatedCalls_writeABoundedNumberOfLines_andSayHowManyWereLeftOut()
      throws Exception {
    ManagementTokenServiceGrpc.ManagementTokenServiceBlockingStub stub = start();
    for (int i = 0; i < 5_000; i++) {
      try {
        stub.whoAmI(WhoAmIRequest.getDefaultInstance());
      } catch (StatusRuntimeException expected) {
        // refused: no credential
      }
    }
    assertThat(log.all()).hasSize(RefusalLog.LINES_PER_SECOND);
    assertThat(log.all().get(0).fields()).containsEntry("status", "UNAUTHENTICATED")
        .containsEntry("reason", "no credential was presented; expected 'Authorization: Bearer"
            + " <token>'");

    clock.advance(Duration.ofSeconds(1));
    try {
      stub.whoAmI(WhoAmIRequest.getDefaultInstance());
    } catch (StatusRuntimeException expected) {
      // refused again
    }
    assertThat(log.all()).hasSize(RefusalLog.LINES_PER_SECOND + 2);
    assertThat(log.all().get(RefusalLog.LINES_PER_SECOND).message()).isEqualTo(
        "4990 more refused call(s) were not logged (at most 10 lines a second)");
  }

  @Test
  void callerSubjectShapedLikeFields_isOneField_andForgesNone() throws Exception {
    start().withCallCredentials(InProcessTollgate.bearer("jwt"))
        .whoAmI(WhoAmIRequest.getDefaultInstance());

    assertThat(log.all()).singleElement().satisfies(event -> {
      assertThat(event.level()).isEqualTo(Level.INFO);
      assertThat(event.fields()).containsOnlyKeys("rpc", "status", "duration_ms", "caller")
          .containsEntry("rpc", "tollgate.management.v1.ManagementTokenService/WhoAmI")
          .containsEntry("status", "OK")
          .containsEntry("caller", "user:" + FORGING);
      assertThat(event.fields().get("duration_ms")).isInstanceOf(Long.class);
    });
  }
}
