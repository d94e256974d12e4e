package dev.tollgate.cli;

import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenResponse;
import dev.tollgate.proto.management.v1.DatabasePermission;
import dev.tollgate.proto.management.v1.GetReplicaStatusRequest;
import dev.tollgate.proto.management.v1.RevokeDatabaseTokensRequest;
import io.grpc.CallOptions;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The database tokens a benchmark makes, all revoked when it closes; their strings stay in memory
 * and are never printed.
 */
final class BenchTokens implements AutoCloseable {

  /** The database the benchmark's tokens may read. */
  static final String DATABASE = "tollgate-bench";
  private static final int REVOKE_BATCH = 500;

  private final Connection connection;
  private final ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();

  BenchTokens(Connection connection) {
    this.connection = connection;
  }

  /** A token the benchmark made; the string is never printed. */
  record Created(String id, String secret) {
    @Override
    public String toString() {
      return "Created[" + id + "]";
    }
  }

  /** Creates a token that may read the benchmark's database. */
  Created create(String description) {
    CreateDatabaseTokenResponse response = call(() -> connection.databaseTokens()
        .createDatabaseToken(CreateDatabaseTokenRequest.newBuilder().setDescription(description)
            .addPermissions(DatabasePermission.newBuilder().setAction("read").setResource(DATABASE))
            .build()));
    ids.add(response.getToken().getId());
    return new Created(response.getToken().getId(), response.getAccessToken());
  }

  /** Notes a token that a load run created, to revoke it at the end; true when there is an id. */
  boolean createdByLoad(String id) {
    return !id.isEmpty() && ids.add(id);
  }

  /** Call options that present the profile's credential, for load runs on the management API. */
  CallOptions withCredential() {
    return CallOptions.DEFAULT.withCallCredentials(connection.bearer());
  }

  /** Revokes one token now. */
  void revoke(String tokenId) {
    call(() -> connection.databaseTokens().revokeDatabaseTokens(
        RevokeDatabaseTokensRequest.newBuilder().addIds(tokenId).build()));
    ids.remove(tokenId);
  }

  /** Reads of the change feed this replica made for lookups that missed, since it started. */
  static long missReads(Connection connection) {
    try {
      return connection.replica().getReplicaStatus(GetReplicaStatusRequest.getDefaultInstance())
          .getFeedReadsOrDefault("miss", 0);
    } catch (StatusRuntimeException e) {
      throw CallFailures.describe(e, connection, Map.of());
    }
  }

  @Override
  public void close() {
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += REVOKE_BATCH) {
      List<String> batch = all.subList(from, Math.min(all.size(), from + REVOKE_BATCH));
      call(() -> connection.databaseTokens().revokeDatabaseTokens(
          RevokeDatabaseTokensRequest.newBuilder().addAllIds(batch).build()));
    }
    ids.clear();
  }

  private <T> T call(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (StatusRuntimeException e) {
      throw CallFailures.describe(e, connection, Map.of());
    }
  }
}
