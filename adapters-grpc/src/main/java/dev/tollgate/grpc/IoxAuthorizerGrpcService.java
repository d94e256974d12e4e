package dev.tollgate.grpc;

import dev.tollgate.domain.model.AuthorizationDecision;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.model.RequestedPermission;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.port.in.AuthorizeUseCase;
import dev.tollgate.proto.authz.v1.AuthorizeRequest;
import dev.tollgate.proto.authz.v1.AuthorizeResponse;
import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import dev.tollgate.proto.authz.v1.Permission;
import dev.tollgate.proto.authz.v1.Subject;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code influxdata.iox.authz.v1.IoxAuthorizerService}: the data plane's authorizer. It needs no
 * caller credential; the token it checks travels in the request. The response echoes the
 * granted permissions exactly as they were asked for. A token this replica holds is answered on
 * the calling thread; one it must look up in the change feed is answered when that read is done,
 * without holding a thread meanwhile.
 */
final class IoxAuthorizerGrpcService extends IoxAuthorizerServiceGrpc.IoxAuthorizerServiceImplBase {

  private static final Logger LOG = LoggerFactory.getLogger(IoxAuthorizerGrpcService.class);

  private final AuthorizeUseCase authorize;
  private final Limits limits;
  private final AuthorizeMetrics metrics;

  IoxAuthorizerGrpcService(AuthorizeUseCase authorize, Limits limits, AuthorizeMetrics metrics) {
    this.authorize = authorize;
    this.limits = limits;
    this.metrics = metrics;
  }

  @Override
  public void authorize(AuthorizeRequest request, StreamObserver<AuthorizeResponse> observer) {
    List<Permission> asked = request.getPermissionsList();
    byte[] token = request.getToken().toByteArray();
    List<RequestedPermission> requested;
    try {
      requested = requested(token, asked);
    } catch (RuntimeException e) {
      observer.onError(ErrorMapping.toStatus(e));
      return;
    }
    authorize.decide(new AuthorizeUseCase.Request(token, requested))
        .whenComplete((decision, failure) -> {
          if (failure != null) {
            observer.onError(ErrorMapping.toStatusOfFailed(failure));
            return;
          }
          metrics.record(decision);
          observer.onNext(response(decision, asked, requested));
          observer.onCompleted();
        });
  }

  /**
   * The permissions asked about, converted only when the token has a token's shape: a malformed
   * one is refused whatever it asks, so neither its permissions nor their number are looked at
   * (the domain checks the token in full, first; here only when too many are asked, to tell a
   * request over the limit from a malformed token).
   */
  private List<RequestedPermission> requested(byte[] token, List<Permission> asked) {
    if (!TokenFormat.hasTokenShape(token)) {
      return List.of();
    }
    try {
      limits.checkPermissionsPerAuthorize("permissions", asked.size());
    } catch (InvalidRequestException e) {
      if (TokenFormat.defectOf(token) != null) {
        return List.of();
      }
      throw e;
    }
    List<RequestedPermission> requested = new ArrayList<>(asked.size());
    for (Permission permission : asked) {
      requested.add(ProtoMapper.requested(permission));
    }
    return requested;
  }

  private static AuthorizeResponse response(AuthorizationDecision decision, List<Permission> asked,
      List<RequestedPermission> requested) {
    if (!decision.valid()) {
      LOG.debug("authorize: token not valid ({})", decision.reason());
      return AuthorizeResponse.newBuilder().setValid(false).build();
    }
    AuthorizeResponse.Builder response = AuthorizeResponse.newBuilder().setValid(true)
        .setSubject(Subject.newBuilder().setId(decision.subject().orElseThrow()));
    for (int i = 0; i < asked.size(); i++) {
      if (decision.granted().contains(requested.get(i))) {
        response.addPermissions(asked.get(i));
      }
    }
    return response.build();
  }
}
