package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.tollgate.files.TokenFile;
import dev.tollgate.proto.authz.v1.AuthorizeRequest;
import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import dev.tollgate.proto.authz.v1.Permission;
import dev.tollgate.proto.authz.v1.ResourceActionPermission;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenResponse;
import dev.tollgate.proto.management.v1.DatabasePermission;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import dev.tollgate.proto.management.v1.GetDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.GetReplicaStatusRequest;
import dev.tollgate.proto.management.v1.ReplicaServiceGrpc;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 2,000 calls in flight for 30 s against the real jar, three in four Authorize and one in four
 * management calls (creates, reads, replica status): the server stays bounded and answering.
 */
class OverloadIT {

  private static final int IN_FLIGHT = 2_000;
  private static final Duration RUN = Duration.ofSeconds(30);
  private static final int MAX_THREADS = 300;
  private static final Permission READ_DB1 = Permission.newBuilder().setResourceAction(
      ResourceActionPermission.newBuilder()
          .setResourceType(ResourceActionPermission.ResourceType.RESOURCE_TYPE_DATABASE)
          .setResourceName("db1").setAction(ResourceActionPermission.Action.ACTION_READ)).build();

  @TempDir
  Path work;

  private final Map<Status.Code, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
  private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

  @Test
  void twoThousandCallsInFlightFor30s_boundedThreads_noInternalErrors_healthAnswers_createsKept()
      throws Exception {
    try (TollgateJar.Server server = new TollgateJar.Server(work.resolve("data"),
        work.resolve("server.log")).start()) {
      String admin = TokenFile.read(work.resolve("data/admin-token.json"));
      List<ManagedChannel> channels = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        channels.add(ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
            .build());
      }
      ManagedChannel probe = ManagedChannelBuilder.forAddress("127.0.0.1", server.port())
          .usePlaintext().build();
      try {
        CallCredentials bearer = TollgateJar.bearer(admin);
        String valid = DatabaseTokenServiceGrpc.newBlockingStub(channels.get(0))
            .withCallCredentials(bearer).createDatabaseToken(request()).getAccessToken();
        AuthorizeRequest authorize = AuthorizeRequest.newBuilder()
            .setToken(ByteString.copyFromUtf8(valid)).addPermissions(READ_DB1).build();

        long deadline = System.nanoTime() + RUN.toNanos();
        CountDownLatch done = new CountDownLatch(IN_FLIGHT);
        for (int slot = 0; slot < IN_FLIGHT; slot++) {
          new Caller(channels.get(slot % channels.size()), slot % 4, authorize, bearer, deadline,
              done).next();
        }
        int maxThreads = 0;
        List<String> healthFailures = new ArrayList<>();
        int healthChecks = 0;
        while (System.nanoTime() < deadline) {
          maxThreads = Math.max(maxThreads, server.threads());
          healthChecks++;
          try {
            HealthCheckResponse health = HealthGrpc.newBlockingStub(probe)
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance());
            if (health.getStatus() != HealthCheckResponse.ServingStatus.SERVING) {
              healthFailures.add(health.getStatus().name());
            }
          } catch (RuntimeException e) {
            healthFailures.add(Status.fromThrowable(e).toString());
          }
          // paced by the load itself: the loop ends when the calls do
          done.await(500, TimeUnit.MILLISECONDS);
        }
        assertThat(done.await(90, TimeUnit.SECONDS)).as("every call came back").isTrue();

        assertThat(unexpected).as("calls that ended INTERNAL, UNKNOWN or wrong").isEmpty();
        assertThat(maxThreads).as("server threads").isLessThan(MAX_THREADS);
        assertThat(healthFailures).as("health checks not SERVING of " + healthChecks).isEmpty();
        assertThat(outcomes.get(Status.Code.OK).sum()).as(outcomes.toString()).isPositive();
        assertThat(acknowledged).isNotEmpty();
        var reader = DatabaseTokenServiceGrpc.newBlockingStub(probe).withCallCredentials(bearer);
        for (String id : acknowledged) {
          assertThat(reader.getDatabaseToken(GetDatabaseTokenRequest.newBuilder().setId(id)
              .build()).getToken().getId()).isEqualTo(id);
        }
        System.out.printf("OverloadIT: %s; %,d creates acknowledged; at most %d threads%n",
            outcomes, acknowledged.size(), maxThreads);
      } finally {
        channels.forEach(ManagedChannel::shutdownNow);
        probe.shutdownNow();
      }
    }
  }

  private static CreateDatabaseTokenRequest request() {
    return CreateDatabaseTokenRequest.newBuilder().setDescription("overload")
        .addPermissions(DatabasePermission.newBuilder().setAction("read").setResource("db1"))
        .build();
  }

  /** One slot of the load: a call, and when it ends the next, until the deadline. */
  private final class Caller {
    private final ManagedChannel channel;
    private final int kind;
    private final AuthorizeRequest authorize;
    private final CallCredentials bearer;
    private final long deadline;
    private final CountDownLatch done;
    private final AtomicInteger round = new AtomicInteger();

    Caller(ManagedChannel channel, int kind, AuthorizeRequest authorize, CallCredentials bearer,
        long deadline, CountDownLatch done) {
      this.channel = channel;
      this.kind = kind;
      this.authorize = authorize;
      this.bearer = bearer;
      this.deadline = deadline;
      this.done = done;
    }

    void next() {
      if (System.nanoTime() >= deadline) {
        done.countDown();
        return;
      }
      int n = round.getAndIncrement();
      if (kind != 0) {
        IoxAuthorizerServiceGrpc.newStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS)
            .authorize(authorize, observer(r -> r.getValid() && r.getPermissionsCount() == 1));
      } else if (n % 3 == 0) {
        DatabaseTokenServiceGrpc.newStub(channel).withCallCredentials(bearer)
            .withDeadlineAfter(60, TimeUnit.SECONDS).createDatabaseToken(request(),
                observer((CreateDatabaseTokenResponse r) -> acknowledged.add(r.getToken().getId())));
      } else if (n % 3 == 1) {
        ReplicaServiceGrpc.newStub(channel).withCallCredentials(bearer)
            .withDeadlineAfter(60, TimeUnit.SECONDS).getReplicaStatus(
                GetReplicaStatusRequest.getDefaultInstance(), observer(r -> r.getLoaded()));
      } else {
        String id = acknowledged.peek();
        if (id == null) {
          IoxAuthorizerServiceGrpc.newStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS)
              .authorize(authorize, observer(r -> r.getValid()));
        } else {
          DatabaseTokenServiceGrpc.newStub(channel).withCallCredentials(bearer)
              .withDeadlineAfter(60, TimeUnit.SECONDS).getDatabaseToken(
                  GetDatabaseTokenRequest.newBuilder().setId(id).build(),
                  observer(r -> r.getToken().getId().equals(id)));
        }
      }
    }

    private <R> StreamObserver<R> observer(java.util.function.Predicate<R> expected) {
      return new StreamObserver<>() {
        @Override
        public void onNext(R response) {
          if (!expected.test(response)) {
            unexpected.add("wrong answer: " + response);
          }
        }

        @Override
        public void onError(Throwable t) {
          Status status = Status.fromThrowable(t);
          outcomes.computeIfAbsent(status.getCode(), c -> new LongAdder()).increment();
          if (status.getCode() == Status.Code.INTERNAL || status.getCode() == Status.Code.UNKNOWN) {
            unexpected.add(status.toString());
          }
          next();
        }

        @Override
        public void onCompleted() {
          outcomes.computeIfAbsent(Status.Code.OK, c -> new LongAdder()).increment();
          next();
        }
      };
    }
  }

}
