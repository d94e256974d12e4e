package dev.tollgate.grpc;

import java.util.Map;

import io.grpc.MethodDescriptor;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.model.Revocation;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.model.TokenPage;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import dev.tollgate.domain.port.in.ListManagementTokensUseCase;
import dev.tollgate.domain.port.in.RevokeManagementTokensUseCase;
import dev.tollgate.domain.port.in.RotateTokenUseCase;
import dev.tollgate.proto.management.v1.CreateManagementTokenRequest;
import dev.tollgate.proto.management.v1.CreateManagementTokenResponse;
import dev.tollgate.proto.management.v1.ListManagementTokensRequest;
import dev.tollgate.proto.management.v1.ListManagementTokensResponse;
import dev.tollgate.proto.management.v1.ManagementTokenServiceGrpc;
import dev.tollgate.proto.management.v1.RevokeManagementTokensRequest;
import dev.tollgate.proto.management.v1.RevokeManagementTokensResponse;
import dev.tollgate.proto.management.v1.RotateManagementTokenRequest;
import dev.tollgate.proto.management.v1.RotateManagementTokenResponse;
import dev.tollgate.proto.management.v1.WhoAmIRequest;
import dev.tollgate.proto.management.v1.WhoAmIResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tollgate.management.v1.ManagementTokenService} over the management-token use cases. The
 * caller's right is checked before the request is read, so a caller who may not do something
 * learns nothing about their input.
 */
final class ManagementTokenGrpcService extends ManagementTokenServiceGrpc.ManagementTokenServiceImplBase {

  /**
   * What each call's use case declares its caller must be allowed, checked before it is read;
   * WhoAmI answers any caller.
   */
  static final Map<MethodDescriptor<?, ?>, Operation> OPERATIONS = Map.of(
      ManagementTokenServiceGrpc.getCreateManagementTokenMethod(),
      CreateManagementTokenUseCase.OPERATION,
      ManagementTokenServiceGrpc.getListManagementTokensMethod(),
      ListManagementTokensUseCase.OPERATION,
      ManagementTokenServiceGrpc.getRevokeManagementTokensMethod(),
      RevokeManagementTokensUseCase.OPERATION,
      ManagementTokenServiceGrpc.getRotateManagementTokenMethod(),
      RotateTokenUseCase.operation(TokenKind.MANAGEMENT));

  private static final Logger LOG = LoggerFactory.getLogger(ManagementTokenGrpcService.class);

  private final CreateManagementTokenUseCase create;
  private final ListManagementTokensUseCase list;
  private final RevokeManagementTokensUseCase revoke;
  private final RotateTokenUseCase rotate;

  ManagementTokenGrpcService(CreateManagementTokenUseCase create, ListManagementTokensUseCase list,
      RevokeManagementTokensUseCase revoke, RotateTokenUseCase rotate) {
    this.create = create;
    this.list = list;
    this.revoke = revoke;
    this.rotate = rotate;
  }

  @Override
  public void rotateManagementToken(RotateManagementTokenRequest request,
      StreamObserver<RotateManagementTokenResponse> observer) {
    ErrorMapping.respond(observer, () -> {
      Caller caller = CallerContext.current();
      IssuedToken issued = rotate.rotate(new RotateTokenUseCase.Command(caller,
          TokenKind.MANAGEMENT, TokenId.parse("id", request.getId().strip()),
          ProtoMapper.overlap(request.hasOverlap(), request.getOverlap())));
      LOG.info("rotated management token {} ({}) for {}", issued.token().id(),
          issued.token().tokenPrefix(), caller.subject());
      return RotateManagementTokenResponse.newBuilder()
          .setToken(ProtoMapper.managementToken(issued.token()))
          .setAccessToken(issued.secret().value())
          .build();
    });
  }

  @Override
  public void createManagementToken(CreateManagementTokenRequest request,
      StreamObserver<CreateManagementTokenResponse> observer) {
    ErrorMapping.respond(observer, () -> {
      Caller caller = CallerContext.current();
      IssuedToken issued = create.create(new CreateManagementTokenUseCase.Command(caller,
          Description.of(request.getDescription()),
          ProtoMapper.instant("expires_at", request.hasExpiresAt(), request.getExpiresAt())));
      LOG.info("created management token {} ({}) for {}", issued.token().id(),
          issued.token().tokenPrefix(), caller.subject());
      return CreateManagementTokenResponse.newBuilder()
          .setToken(ProtoMapper.managementToken(issued.token()))
          .setAccessToken(issued.secret().value())
          .build();
    });
  }

  @Override
  public void listManagementTokens(ListManagementTokensRequest request,
      StreamObserver<ListManagementTokensResponse> observer) {
    ErrorMapping.respond(observer, () -> {
      Caller caller = CallerContext.current();
      ListManagementTokensResponse.Builder response = ListManagementTokensResponse.newBuilder();
      TokenPage page = list.list(new ListManagementTokensUseCase.Query(caller,
          Pages.after(request.getPageToken()), request.getPageSize()));
      return response.setNextPageToken(Pages.fill(page, ProtoMapper::managementToken,
          response::addTokens)).build();
    });
  }

  @Override
  public void whoAmI(WhoAmIRequest request, StreamObserver<WhoAmIResponse> observer) {
    // any caller the interceptor let in may ask who it is
    ErrorMapping.respond(observer, () -> ProtoMapper.whoAmI(CallerContext.current(),
        CallerContext.EXPIRES_AT.get()));
  }

  @Override
  public void revokeManagementTokens(RevokeManagementTokensRequest request,
      StreamObserver<RevokeManagementTokensResponse> observer) {
    ErrorMapping.respond(observer, () -> {
      Caller caller = CallerContext.current();
      List<Revocation> outcomes = revoke.revoke(new RevokeManagementTokensUseCase.Command(caller,
          ProtoMapper.tokenIds("ids", request.getIdsList())));
      LOG.info("revoke management tokens by {}: {}", caller.subject(), ProtoMapper.summary(outcomes));
      return RevokeManagementTokensResponse.newBuilder()
          .addAllResults(ProtoMapper.revokeResults(outcomes, "management token")).build();
    });
  }
}
