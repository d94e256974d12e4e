package dev.tollgate.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.tollgate.proto.authz.v1.AuthorizeRequest;
import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import dev.tollgate.proto.authz.v1.Permission;
import dev.tollgate.proto.authz.v1.ResourceActionPermission;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenResponse;
import dev.tollgate.proto.management.v1.DatabasePermission;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import dev.tollgate.proto.management.v1.GetReplicaStatusRequest;
import dev.tollgate.proto.management.v1.GetReplicaStatusResponse;
import dev.tollgate.proto.management.v1.ListDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.ListDatabaseTokensResponse;
import dev.tollgate.proto.management.v1.ReplicaServiceGrpc;
import dev.tollgate.proto.management.v1.RevokeDatabaseTokensRequest;
import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The calls the benchmark makes to one replica: Authorize, and, as the bootstrap admin, creating
 * and revoking database tokens and reading the replica's status.
 */
final class ReplicaCalls {

  /** The database the benchmark's tokens may read. */
  static final String DATABASE = "tollgate-bench";
  private static final long DEADLINE_SECONDS = 10;
  private static final Permission READ = Permission.newBuilder().setResourceAction(
      ResourceActionPermission.newBuilder()
          .setResourceType(ResourceActionPermission.ResourceType.RESOURCE_TYPE_DATABASE)
          .setResourceName(DATABASE)
          .setAction(ResourceActionPermission.Action.ACTION_READ)).build();

  /** A token the benchmark created; its string is never printed. */
  record Created(String id, String secret) {
    @Override
    public String toString() {
      return "Created[" + id + "]";
    }
  }

  private final ServeProcess server;
  private final IoxAuthorizerServiceGrpc.IoxAuthorizerServiceBlockingStub authorizer;
  private final DatabaseTokenServiceGrpc.DatabaseTokenServiceBlockingStub tokens;
  private final ReplicaServiceGrpc.ReplicaServiceBlockingStub replica;

  ReplicaCalls(ServeProcess server, String adminToken) {
    this.server = server;
    CallCredentials bearer = bearer(adminToken);
    this.authorizer = IoxAuthorizerServiceGrpc.newBlockingStub(server.channel());
    this.tokens = DatabaseTokenServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(bearer);
    this.replica = ReplicaServiceGrpc.newBlockingStub(server.channel()).withCallCredentials(bearer);
  }

  /** The bootstrap admin token that a replica wrote into its data directory. */
  static String adminToken(Path dataDirectory) throws IOException {
    Path file = dataDirectory.resolve("admin-token.json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("the first replica wrote no " + file + "; it writes one only"
          + " when no identity provider is configured");
    }
    JsonNode token;
    try {
      token = new ObjectMapper().readTree(file.toFile()).path("token");
    } catch (JsonProcessingException e) {
      // not the parser's message: it may quote the token
      throw new IllegalStateException(file + " is not valid JSON");
    }
    if (!token.isTextual() || token.asText().isBlank()) {
      throw new IllegalStateException(file + " has no \"token\" field");
    }
    return token.asText();
  }

  /** An Authorize request for reading the benchmark's database with the given token string. */
  static AuthorizeRequest readRequest(String token) {
    return AuthorizeRequest.newBuilder().setToken(ByteString.copyFromUtf8(token))
        .addPermissions(READ).build();
  }

  ServeProcess server() {
    return server;
  }

  /** Whether the replica answers valid. */
  boolean authorize(AuthorizeRequest request) {
    return call("Authorize", () -> authorizer.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
        .authorize(request).getValid());
  }

  /** Creates a database token that may read the benchmark's database. */
  Created createReadToken(String description) {
    CreateDatabaseTokenResponse response = call("CreateDatabaseToken", () -> tokens
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
        .createDatabaseToken(CreateDatabaseTokenRequest.newBuilder().setDescription(description)
            .addPermissions(DatabasePermission.newBuilder().setAction("read").setResource(DATABASE))
            .build()));
    return new Created(response.getToken().getId(), response.getAccessToken());
  }

  /** Revokes one database token; returns once the replica has applied it. */
  void revoke(String tokenId) {
    call("RevokeDatabaseTokens", () -> tokens.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
        .revokeDatabaseTokens(RevokeDatabaseTokensRequest.newBuilder().addIds(tokenId).build()));
  }

  /**
   * Lists every database token, revoked ones included, page after page as a client would;
   * returns how many there were.
   */
  long listAll() {
    long count = 0;
    String pageToken = "";
    do {
      String from = pageToken;
      ListDatabaseTokensResponse page = call("ListDatabaseTokens", () -> tokens
          .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).listDatabaseTokens(
              ListDatabaseTokensRequest.newBuilder().setIncludeRevoked(true)
                  .setPageToken(from).build()));
      count += page.getTokensCount();
      pageToken = page.getNextPageToken();
    } while (!pageToken.isEmpty());
    return count;
  }

  /** How the replica follows the store; the answer costs the store one read of its own. */
  GetReplicaStatusResponse status() {
    return call("GetReplicaStatus", () -> replica.withDeadlineAfter(DEADLINE_SECONDS,
        TimeUnit.SECONDS).getReplicaStatus(GetReplicaStatusRequest.getDefaultInstance()));
  }

  /** Reads of the change feed the replica has made since it started, for any reason. */
  long feedReads() {
    return status().getFeedReadsMap().values().stream().mapToLong(Long::longValue).sum();
  }

  private <T> T call(String method, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (StatusRuntimeException e) {
      throw new IllegalStateException(method + " on replica " + server + " failed: "
          + e.getStatus().getCode() + " " + e.getStatus().getDescription(), e);
    }
  }

  private static CallCredentials bearer(String token) {
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo info, Executor executor,
          MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
            "Bearer " + token);
        applier.apply(headers);
      }
    };
  }
}
