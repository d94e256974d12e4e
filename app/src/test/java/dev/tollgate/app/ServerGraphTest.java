package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.model.Role;
import dev.tollgate.domain.model.UserGroup;
import dev.tollgate.oauth.OAuthSettings;
import dev.tollgate.proto.authz.v1.AuthorizeRequest;
import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import dev.tollgate.proto.authz.v1.Permission;
import dev.tollgate.proto.authz.v1.ResourceActionPermission;
import dev.tollgate.proto.management.v1.BackupServiceGrpc;
import dev.tollgate.proto.management.v1.TakeBackupRequest;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.CreateManagementTokenRequest;
import dev.tollgate.proto.management.v1.DatabasePermission;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import dev.tollgate.proto.management.v1.GetReplicaStatusRequest;
import dev.tollgate.proto.management.v1.ListDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.ListManagementTokensRequest;
import dev.tollgate.proto.management.v1.ListTokenEventsRequest;
import dev.tollgate.proto.management.v1.ManagementTokenServiceGrpc;
import dev.tollgate.proto.management.v1.ReplicaServiceGrpc;
import dev.tollgate.proto.management.v1.RevokeManagementTokensRequest;
import dev.tollgate.proto.management.v1.TokenEventServiceGrpc;
import io.grpc.CallCredentials;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server graph, in process: the caller table as every kind of caller meets it through
 * the real interceptors, the replica answering Authorize from memory, in milliseconds.
 */
class ServerGraphTest {

  private static final String ISSUER = "https://idp.test/";
  private static final String AUDIENCE = "tollgate";

  @TempDir
  static Path work;
  private static RSAKey key;
  private static InProcessServer server;
  private static final Map<Role, String> credentials = new EnumMap<>(Role.class);

  @BeforeAll
  static void start() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    Path jwks = Files.writeString(work.resolve("jwks.json"),
        new JWKSet(key.toPublicJWK()).toString());
    server = new InProcessServer(work.resolve("data"), Optional.of(new OAuthSettings(ISSUER,
        AUDIENCE, Optional.of(jwks.toUri()), "sub", Map.of(
            "ada", Set.of(UserGroup.ADMIN), "max", Set.of(UserGroup.MEMBER),
            "aud", Set.of(UserGroup.AUDITOR)))), InProcessServer.defaults(work).calls());
    credentials.put(Role.ADMIN_USER, jwt("ada"));
    credentials.put(Role.MEMBER_USER, jwt("max"));
    credentials.put(Role.AUDITOR_USER, jwt("aud"));
    credentials.put(Role.BOOTSTRAP_ADMIN, server.bootstrapAdmin);
    credentials.put(Role.MANAGEMENT_TOKEN, managementTokens(server.bootstrapAdmin)
        .createManagementToken(CreateManagementTokenRequest.newBuilder().setDescription("m")
            .build()).getAccessToken());
    credentials.put(Role.DATABASE_TOKEN, databaseTokens(server.bootstrapAdmin)
        .createDatabaseToken(CreateDatabaseTokenRequest.newBuilder().setDescription("d")
            .addPermissions(DatabasePermission.newBuilder().setAction("read")
                .setResource("db1")).build()).getAccessToken());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.close();
  }

  private static String jwt(String user) throws Exception {
    Instant now = Instant.now();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1")
        .type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder().subject(user)
        .issuer(ISSUER).audience(AUDIENCE).issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(30)))).build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static CallCredentials as(String credential) {
    return InProcessServer.bearer(credential);
  }

  private static ManagementTokenServiceGrpc.ManagementTokenServiceBlockingStub managementTokens(
      String credential) {
    return ManagementTokenServiceGrpc.newBlockingStub(server.channel)
        .withCallCredentials(as(credential));
  }

  private static DatabaseTokenServiceGrpc.DatabaseTokenServiceBlockingStub databaseTokens(
      String credential) {
    return DatabaseTokenServiceGrpc.newBlockingStub(server.channel)
        .withCallCredentials(as(credential));
  }

  /** One call that needs each operation, made with a credential. */
  private static Map<Operation, Consumer<String>> calls() {
    Map<Operation, Consumer<String>> calls = new EnumMap<>(Operation.class);
    calls.put(Operation.CREATE_MANAGEMENT_TOKEN, c -> managementTokens(c).createManagementToken(
        CreateManagementTokenRequest.newBuilder().setDescription("x").build()));
    calls.put(Operation.LIST_MANAGEMENT_TOKENS, c -> managementTokens(c).listManagementTokens(
        ListManagementTokensRequest.getDefaultInstance()));
    calls.put(Operation.REVOKE_MANAGEMENT_TOKENS, c -> managementTokens(c).revokeManagementTokens(
        RevokeManagementTokensRequest.newBuilder().addIds(UUID.randomUUID().toString()).build()));
    calls.put(Operation.CHANGE_DATABASE_TOKENS, c -> databaseTokens(c).createDatabaseToken(
        CreateDatabaseTokenRequest.newBuilder().setDescription("x").build()));
    calls.put(Operation.READ_DATABASE_TOKENS, c -> databaseTokens(c).listDatabaseTokens(
        ListDatabaseTokensRequest.getDefaultInstance()));
    calls.put(Operation.READ_REPLICA_STATUS, c -> ReplicaServiceGrpc.newBlockingStub(
        server.channel).withCallCredentials(as(c))
        .getReplicaStatus(GetReplicaStatusRequest.getDefaultInstance()));
    calls.put(Operation.READ_TOKEN_EVENTS, c -> TokenEventServiceGrpc.newBlockingStub(
        server.channel).withCallCredentials(as(c))
        .listTokenEvents(ListTokenEventsRequest.getDefaultInstance()));
    calls.put(Operation.BACK_UP_STORE, c -> BackupServiceGrpc.newBlockingStub(server.channel)
        .withCallCredentials(as(c)).takeBackup(TakeBackupRequest.getDefaultInstance())
        .forEachRemaining(part -> { }));
    return calls;
  }

  @Test
  void everyKindOfCaller_everyOperation_isAllowedExactlyAsTheCallerTableSays() {
    Map<Operation, Consumer<String>> calls = calls();
    assertThat(calls.keySet()).as("a call for every operation").containsExactly(Operation.values());
    for (Role role : Role.values()) {
      for (Operation operation : Operation.values()) {
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
            () -> calls.get(operation).accept(credentials.get(role)));
        String what = role.phrase() + " may " + (operation.allows(role) ? "" : "not ")
            + operation.phrase();
        if (operation.allows(role)) {
          assertThat(refused).as(what).isNull();
        } else {
          assertThat(refused).as(what).isNotNull();
          assertThat(refused.getStatus().getCode()).as(what)
              .isEqualTo(Status.Code.PERMISSION_DENIED);
        }
      }
    }
  }

  @Test
  void tokenCreatedThroughTheManagementApi_authorize_isAnsweredByTheReplica() {
    String token = databaseTokens(server.bootstrapAdmin).createDatabaseToken(
        CreateDatabaseTokenRequest.newBuilder().setDescription("reader").addPermissions(
            DatabasePermission.newBuilder().setAction("read").setResource("db1")).build())
        .getAccessToken();
    Permission readDb1 = Permission.newBuilder().setResourceAction(ResourceActionPermission
        .newBuilder().setResourceType(ResourceActionPermission.ResourceType.RESOURCE_TYPE_DATABASE)
        .setResourceName("db1").setAction(ResourceActionPermission.Action.ACTION_READ)).build();

    var answer = IoxAuthorizerServiceGrpc.newBlockingStub(server.channel).authorize(
        AuthorizeRequest.newBuilder().setToken(ByteString.copyFromUtf8(token))
            .addPermissions(readDb1).build());

    assertThat(answer.getValid()).isTrue();
    assertThat(answer.getPermissionsList()).containsExactly(readDb1);
  }
}
