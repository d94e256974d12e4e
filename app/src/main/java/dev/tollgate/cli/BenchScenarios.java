package dev.tollgate.cli;

import com.google.protobuf.ByteString;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.proto.authz.v1.AuthorizeRequest;
import dev.tollgate.proto.authz.v1.AuthorizeResponse;
import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import dev.tollgate.proto.authz.v1.Permission;
import dev.tollgate.proto.authz.v1.ResourceActionPermission;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** The load of each of {@code tollgate bench}'s scenarios, built on the token the run created. */
record BenchScenarios(String validToken, List<ByteString> unknownTokens) {

  private static final Permission READ_BENCH = Permission.newBuilder().setResourceAction(
      ResourceActionPermission.newBuilder()
          .setResourceType(ResourceActionPermission.ResourceType.RESOURCE_TYPE_DATABASE)
          .setResourceName(BenchTokens.DATABASE)
          .setAction(ResourceActionPermission.Action.ACTION_READ)).build();

  LoadRun<HealthCheckRequest, HealthCheckResponse> health() {
    HealthCheckRequest request = HealthCheckRequest.getDefaultInstance();
    return new LoadRun<>(HealthGrpc.getCheckMethod(), CallOptions.DEFAULT, n -> request,
        r -> r.getStatus() == HealthCheckResponse.ServingStatus.SERVING);
  }

  LoadRun<AuthorizeRequest, AuthorizeResponse> authorizeValid() {
    AuthorizeRequest request = AuthorizeRequest.newBuilder()
        .setToken(ByteString.copyFromUtf8(validToken)).addPermissions(READ_BENCH).build();
    return new LoadRun<>(IoxAuthorizerServiceGrpc.getAuthorizeMethod(), CallOptions.DEFAULT,
        n -> request,
        r -> r.getValid() && r.getPermissionsCount() == 1);
  }

  LoadRun<AuthorizeRequest, AuthorizeResponse> authorizeUnknown() {
    return new LoadRun<>(IoxAuthorizerServiceGrpc.getAuthorizeMethod(), CallOptions.DEFAULT,
        n -> AuthorizeRequest.newBuilder()
            .setToken(unknownTokens.get((int) (n % unknownTokens.size())))
            .addPermissions(READ_BENCH).build(),
        r -> !r.getValid());
  }

  LoadRun<AuthorizeRequest, AuthorizeResponse> authorizeMalformed() {
    String broken = validToken.substring(0, validToken.length() - 5) + "AAAAA";
    AuthorizeRequest request = AuthorizeRequest.newBuilder()
        .setToken(ByteString.copyFromUtf8(broken)).addPermissions(READ_BENCH).build();
    return new LoadRun<>(IoxAuthorizerServiceGrpc.getAuthorizeMethod(), CallOptions.DEFAULT,
        n -> request,
        r -> !r.getValid());
  }

  LoadRun<?, ?> create(BenchTokens tokens) {
    CreateDatabaseTokenRequest request = tokens.request("tollgate bench: created");
    return new LoadRun<>(DatabaseTokenServiceGrpc.getCreateDatabaseTokenMethod(),
        tokens.withCredential(), n -> request, r -> tokens.createdByLoad(r.getToken().getId()));
  }

  /** Random well-formed tokens no server has issued. */
  static List<ByteString> unknownTokens(int count) {
    SecureRandom random = new SecureRandom();
    List<ByteString> tokens = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      tokens.add(ByteString.copyFromUtf8(TokenFormat.DATABASE.generate(random::nextBytes).value()));
    }
    return tokens;
  }
}
