package dev.tollgate.cli;

import com.google.protobuf.Timestamp;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenResponse;
import dev.tollgate.proto.management.v1.DatabasePermission;
import dev.tollgate.proto.management.v1.GetReplicaStatusRequest;
import dev.tollgate.proto.management.v1.RevokeDatabaseTokensRequest;
import io.grpc.CallOptions;
import io.grpc.Deadline;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The database tokens a benchmark makes: each expires {@code lifetime} after it is made, and all
 * are revoked when the benchmark closes, or within a bounded time when it is interrupted; their
 * strings stay in memory and are never printed.
 */
final class BenchTokens implements AutoCloseable {

  /** The database the benchmark's tokens may read. */
  static final String DATABASE = "tollgate-bench";
  private static final int REVOKE_BATCH = 500;

  private final Connection connection;
  private final Clock clock;
  private final Duration lifetime;
  private final ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();

  /**
   * @param lifetime how long each token lives from its creation, so that one left behind by a
   *     benchmark that could not revoke it stops working soon anyway
   */
  BenchTokens(Connection connection, Clock clock, Duration lifetime) {
    this.connection = connection;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** A token the benchmark made; the string is never printed. */
  record Created(String id, String secret) {
    @Override
    public String toString() {
      return "Created[" + id + "]";
    }
  }

  /** The request for a token that may read the benchmark's database and expires in its time. */
  CreateDatabaseTokenRequest request(String description) {
    Instant expiresAt = expiresAt();
    return CreateDatabaseTokenRequest.newBuilder().setDescription(description)
        .addPermissions(DatabasePermission.newBuilder().setAction("read").setResource(DATABASE))
        .setExpiresAt(Timestamp.newBuilder().setSeconds(expiresAt.getEpochSecond())
            .setNanos(expiresAt.getNano()))
        .build();
  }

  /** When a token made now expires: {@code lifetime} from now, to the second. */
  Instant expiresAt() {
    return clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
  }

  /** Creates a token that may read the benchmark's database. */
  Created create(String description) {
    CreateDatabaseTokenResponse response = call(
        () -> connection.databaseTokens().createDatabaseToken(request(description)));
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

  /**
   * For a shutdown hook (Ctrl-C): revokes every token held, also those a load run notes
   * meanwhile, and gives up once {@code within} has passed; returns how many it revoked.
   */
  int revokeWithin(Duration within) {
    Deadline deadline = Deadline.after(within.toNanos(), TimeUnit.NANOSECONDS);
    int revoked = 0;
    while (!ids.isEmpty() && !deadline.isExpired()) {
      List<String> batch = nextBatch();
      try {
        connection.databaseTokens().withDeadline(deadline).revokeDatabaseTokens(
            RevokeDatabaseTokensRequest.newBuilder().addAllIds(batch).build());
        revoked += batch.size();
      } catch (StatusRuntimeException e) {
        ids.addAll(batch);
        break;
      }
    }
    return revoked;
  }

  /** Tokens made and not revoked yet. */
  int held() {
    return ids.size();
  }

  @Override
  public void close() {
    while (!ids.isEmpty()) {
      List<String> batch = nextBatch();
      try {
        call(() -> connection.databaseTokens().revokeDatabaseTokens(
            RevokeDatabaseTokensRequest.newBuilder().addAllIds(batch).build()));
      } catch (CliException e) {
        ids.addAll(batch);
        throw e;
      }
    }
  }

  /** Takes up to a request's worth of the ids held. */
  private List<String> nextBatch() {
    List<String> batch = new ArrayList<>();
    String id;
    while (batch.size() < REVOKE_BATCH && (id = ids.poll()) != null) {
      batch.add(id);
    }
    return batch;
  }

  private <T> T call(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (StatusRuntimeException e) {
      throw CallFailures.describe(e, connection, Map.of());
    }
  }
}
