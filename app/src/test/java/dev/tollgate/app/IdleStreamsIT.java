package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.tollgate.files.TokenFile;
import dev.tollgate.proto.authz.v1.AuthorizeRequest;
import dev.tollgate.proto.authz.v1.AuthorizeResponse;
import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.DatabasePermission;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import dev.tollgate.proto.management.v1.ListManagementTokensRequest;
import dev.tollgate.proto.management.v1.ManagementTokenServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two reproductions against the real jar: streams that never send their request, on
 * two connections or as server reflection (which needs no credential), do not make another
 * client's valid calls fail, and they are closed after the request timeout.
 */
class IdleStreamsIT {

  @TempDir
  Path work;

  private final List<ManagedChannel> channels = new ArrayList<>();

  @AfterEach
  void closeChannels() {
    channels.forEach(ManagedChannel::shutdownNow);
  }

  private ManagedChannel connect(TollgateJar.Server server) {
    ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port())
        .usePlaintext().build();
    channels.add(channel);
    return channel;
  }

  /**
   * Opens streams that send nothing on a connection made first, then a health check on the same
   * connection: once it is answered, the server has taken in every stream opened before it
   * (HTTP/2 keeps their order), unless it closed the connection first.
   */
  private static <Q, R> List<CompletableFuture<Status>> openIdle(ManagedChannel channel,
      MethodDescriptor<Q, R> method, int count) {
    HealthGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
        .check(HealthCheckRequest.getDefaultInstance());
    List<CompletableFuture<Status>> closes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      CompletableFuture<Status> closed = new CompletableFuture<>();
      channel.newCall(method, CallOptions.DEFAULT).start(new ClientCall.Listener<R>() {
        @Override
        public void onClose(Status status, Metadata trailers) {
          closed.complete(status);
        }
      }, new Metadata());
      closes.add(closed);
    }
    try {
      HealthGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
          .check(HealthCheckRequest.getDefaultInstance());
    } catch (StatusRuntimeException closedForResets) {
      // the refusals' resets can get the connection closed (rapid reset) before this check is
      // sent; the server has then read every stream it will ever read from this connection
      assertThat(closedForResets.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
      assertThat(closedForResets.getStatus().getDescription()).contains("GOAWAY");
    }
    return closes;
  }

  @Test
  void twoConnectionsOf1000IdleAuthorizeStreams_validTokenOnAThird_isAnswered_idleOnesClosedLater()
      throws Exception {
    try (TollgateJar.Server server = new TollgateJar.Server(work.resolve("data"),
        work.resolve("server.log"), "--max-calls-per-connection", "1001",
        "--request-timeout", "2s").start()) {
      String admin = TokenFile.read(work.resolve("data/admin-token.json"));
      String valid = DatabaseTokenServiceGrpc.newBlockingStub(connect(server))
          .withCallCredentials(TollgateJar.bearer(admin))
          .createDatabaseToken(CreateDatabaseTokenRequest.newBuilder().setDescription("idle")
              .addPermissions(DatabasePermission.newBuilder().setAction("read").setResource("db1"))
              .build()).getAccessToken();
      List<CompletableFuture<Status>> idle = new ArrayList<>();
      idle.addAll(openIdle(connect(server), IoxAuthorizerServiceGrpc.getAuthorizeMethod(), 1000));
      idle.addAll(openIdle(connect(server), IoxAuthorizerServiceGrpc.getAuthorizeMethod(), 1000));

      AuthorizeResponse answer = IoxAuthorizerServiceGrpc.newBlockingStub(connect(server))
          .withDeadlineAfter(30, TimeUnit.SECONDS).authorize(AuthorizeRequest.newBuilder()
              .setToken(ByteString.copyFromUtf8(valid)).build());
      assertThat(answer.getValid()).isTrue();

      // every idle stream ends: refused over its connection's share, closed at the request
      // timeout, or with its connection, which the refusals' resets get closed (rapid reset)
      CompletableFuture.allOf(idle.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      assertThat(idle.stream().map(closed -> closed.join().getCode()).distinct())
          .containsAnyOf(Status.Code.RESOURCE_EXHAUSTED).isSubsetOf(Status.Code.RESOURCE_EXHAUSTED,
              Status.Code.DEADLINE_EXCEEDED, Status.Code.UNAVAILABLE);
    }
  }

  @Test
  void sixtyFourIdleReflectionStreams_adminsListManagementTokens_isAnswered_idleOnesTimeOut()
      throws Exception {
    try (TollgateJar.Server server = new TollgateJar.Server(work.resolve("data"),
        work.resolve("server.log"), "--request-timeout", "2s").start()) {
      String admin = TokenFile.read(work.resolve("data/admin-token.json"));
      List<CompletableFuture<Status>> idle = openIdle(connect(server),
          ServerReflectionGrpc.getServerReflectionInfoMethod(), 64);

      assertThat(ManagementTokenServiceGrpc.newBlockingStub(connect(server))
          .withCallCredentials(TollgateJar.bearer(admin)).withDeadlineAfter(30, TimeUnit.SECONDS)
          .listManagementTokens(ListManagementTokensRequest.getDefaultInstance())).isNotNull();
      CompletableFuture.allOf(idle.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      assertThat(idle.stream().map(closed -> closed.join().getCode()))
          .containsOnly(Status.Code.RESOURCE_EXHAUSTED, Status.Code.DEADLINE_EXCEEDED);
    }
  }
}
