package dev.tollgate.app;

import com.google.protobuf.ByteString;
import dev.tollgate.proto.authz.v1.AuthorizeRequest;
import dev.tollgate.proto.authz.v1.AuthorizeResponse;
import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import dev.tollgate.proto.authz.v1.Permission;
import dev.tollgate.proto.authz.v1.ResourceActionPermission;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenResponse;
import dev.tollgate.proto.management.v1.DatabasePermission;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import dev.tollgate.proto.management.v1.GetReplicaStatusRequest;
import dev.tollgate.proto.management.v1.ReplicaServiceGrpc;
import dev.tollgate.proto.management.v1.RevokeDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.RotateDatabaseTokenRequest;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A gRPC client of one replica, presenting the bootstrap admin on the management API. */
final class ReplicaClient implements AutoCloseable {

  private final ManagedChannel channel;
  private final String credential;
  /** Every token string this client was given, for the checks that none reached a log. */
  private final List<String> secrets;
  /** The token id of each string given. */
  private final Map<String, String> ids;

  /** A client of the replica at {@code port}; {@code secrets} and {@code ids} may be shared. */
  ReplicaClient(int port, String credential, List<String> secrets, Map<String, String> ids) {
    this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    this.credential = credential;
    this.secrets = secrets;
    this.ids = ids;
  }

  /** The credential it presents. */
  String credential() {
    return credential;
  }

  private CallCredentials bearer() {
    return TollgateJar.bearer(credential);
  }

  DatabaseTokenServiceGrpc.DatabaseTokenServiceBlockingStub databaseTokens() {
    return DatabaseTokenServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer())
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  String create(Permission grant) {
    ResourceActionPermission asked = grant.getResourceAction();
    CreateDatabaseTokenResponse response = databaseTokens().createDatabaseToken(
        CreateDatabaseTokenRequest.newBuilder().setDescription("replicas")
            .addPermissions(DatabasePermission.newBuilder()
                .setAction(asked.getAction() == ResourceActionPermission.Action.ACTION_WRITE
                    ? "write" : "read")
                .setResource(asked.getResourceName()))
            .build());
    secrets.add(response.getAccessToken());
    ids.put(response.getAccessToken(), response.getToken().getId());
    return response.getAccessToken();
  }

  String idOf(String token) {
    return ids.get(token);
  }

  String rotate(String id) {
    String rotated = databaseTokens().rotateDatabaseToken(RotateDatabaseTokenRequest.newBuilder()
        .setId(id).build()).getAccessToken();
    secrets.add(rotated);
    ids.put(rotated, id);
    return rotated;
  }

  void revoke(String id) {
    databaseTokens().revokeDatabaseTokens(RevokeDatabaseTokensRequest.newBuilder().addIds(id)
        .build());
  }

  AuthorizeResponse authorize(String token, Permission... asked) {
    return IoxAuthorizerServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .authorize(AuthorizeRequest.newBuilder().setToken(ByteString.copyFromUtf8(token))
            .addAllPermissions(List.of(asked)).build());
  }

  dev.tollgate.proto.management.v1.GetReplicaStatusResponse status() {
    return ReplicaServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer())
        .getReplicaStatus(GetReplicaStatusRequest.getDefaultInstance());
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
