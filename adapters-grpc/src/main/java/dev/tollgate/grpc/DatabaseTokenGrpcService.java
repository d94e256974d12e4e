package dev.tollgate.grpc;

import java.util.Map;

import io.grpc.MethodDescriptor;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.model.Revocation;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.model.TokenPage;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.GetDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.ListDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.RevokeDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.RotateTokenUseCase;
import dev.tollgate.domain.port.in.UpdateDatabaseTokenUseCase;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenResponse;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import dev.tollgate.proto.management.v1.GetDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.GetDatabaseTokenResponse;
import dev.tollgate.proto.management.v1.ListDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.ListDatabaseTokensResponse;
import dev.tollgate.proto.management.v1.RevokeDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.RevokeDatabaseTokensResponse;
import dev.tollgate.proto.management.v1.RotateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.RotateDatabaseTokenResponse;
import dev.tollgate.proto.management.v1.UpdateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.UpdateDatabaseTokenResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tollgate.management.v1.DatabaseTokenService} over the database-token use cases. The
 * caller's right is checked before the request is read.
 */
final class DatabaseTokenGrpcService extends DatabaseTokenServiceGrpc.DatabaseTokenServiceImplBase {

  /** What each call's use case declares its caller must be allowed, checked before it is read. */
  static final Map<MethodDescriptor<?, ?>, Operation> OPERATIONS = Map.of(
      DatabaseTokenServiceGrpc.getCreateDatabaseTokenMethod(), CreateDatabaseTokenUseCase.OPERATION,
      DatabaseTokenServiceGrpc.getListDatabaseTokensMethod(), ListDatabaseTokensUseCase.OPERATION,
      DatabaseTokenServiceGrpc.getGetDatabaseTokenMethod(), GetDatabaseTokenUseCase.OPERATION,
      DatabaseTokenServiceGrpc.getUpdateDatabaseTokenMethod(), UpdateDatabaseTokenUseCase.OPERATION,
      DatabaseTokenServiceGrpc.getRevokeDatabaseTokensMethod(),
      RevokeDatabaseTokensUseCase.OPERATION,
      DatabaseTokenServiceGrpc.getRotateDatabaseTokenMethod(),
      RotateTokenUseCase.operation(TokenKind.DATABASE));

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseTokenGrpcService.class);

  private final CreateDatabaseTokenUseCase create;
  private final ListDatabaseTokensUseCase list;
  private final GetDatabaseTokenUseCase get;
  private final UpdateDatabaseTokenUseCase update;
  private final RevokeDatabaseTokensUseCase revoke;
  private final RotateTokenUseCase rotate;

  DatabaseTokenGrpcService(CreateDatabaseTokenUseCase create, ListDatabaseTokensUseCase list,
      GetDatabaseTokenUseCase get, UpdateDatabaseTokenUseCase update,
      RevokeDatabaseTokensUseCase revoke, RotateTokenUseCase rotate) {
    this.create = create;
    this.list = list;
    this.get = get;
    this.update = update;
    this.revoke = revoke;
    this.rotate = rotate;
  }

  @Override
  public void rotateDatabaseToken(RotateDatabaseTokenRequest request,
      StreamObserver<RotateDatabaseTokenResponse> observer) {
    ErrorMapping.respond(observer, () -> {
      Caller caller = CallerContext.current();
      IssuedToken issued = rotate.rotate(new RotateTokenUseCase.Command(caller,
          TokenKind.DATABASE, TokenId.parse("id", request.getId().strip()),
          ProtoMapper.overlap(request.hasOverlap(), request.getOverlap())));
      return RotateDatabaseTokenResponse.newBuilder()
          .setToken(ProtoMapper.databaseToken(issued.token()))
          .setAccessToken(issued.secret().value())
          .build();
    });
  }

  @Override
  public void createDatabaseToken(CreateDatabaseTokenRequest request,
      StreamObserver<CreateDatabaseTokenResponse> observer) {
    ErrorMapping.respond(observer, () -> {
      Caller caller = CallerContext.current();
      IssuedToken issued = create.create(new CreateDatabaseTokenUseCase.Command(caller,
          Description.of(request.getDescription()),
          ProtoMapper.permissions(request.getPermissionsList()),
          ProtoMapper.instant("expires_at", request.hasExpiresAt(), request.getExpiresAt())));
      LOG.info("created database token {} ({}) with {} for {}", issued.token().id(),
          issued.token().tokenPrefix(), issued.token().permissions(), caller.subject());
      return CreateDatabaseTokenResponse.newBuilder()
          .setToken(ProtoMapper.databaseToken(issued.token()))
          .setAccessToken(issued.secret().value())
          .build();
    });
  }

  @Override
  public void listDatabaseTokens(ListDatabaseTokensRequest request,
      StreamObserver<ListDatabaseTokensResponse> observer) {
    ErrorMapping.respond(observer, () -> {
      Caller caller = CallerContext.current();
      ListDatabaseTokensResponse.Builder response = ListDatabaseTokensResponse.newBuilder();
      TokenPage page = list.list(new ListDatabaseTokensUseCase.Query(caller,
          request.getIncludeRevoked(), Pages.after(request.getPageToken()),
          request.getPageSize()));
      return response.setNextPageToken(Pages.fill(page, ProtoMapper::databaseToken,
          response::addTokens)).build();
    });
  }

  @Override
  public void getDatabaseToken(GetDatabaseTokenRequest request,
      StreamObserver<GetDatabaseTokenResponse> observer) {
    ErrorMapping.respond(observer, () -> {
      Caller caller = CallerContext.current();
      Token token = get.get(new GetDatabaseTokenUseCase.Query(caller,
          TokenId.parse("id", request.getId().trim()), request.getIncludeRevoked()));
      return GetDatabaseTokenResponse.newBuilder().setToken(ProtoMapper.databaseToken(token)).build();
    });
  }

  @Override
  public void updateDatabaseToken(UpdateDatabaseTokenRequest request,
      StreamObserver<UpdateDatabaseTokenResponse> observer) {
    ErrorMapping.respond(observer, () -> {
      Caller caller = CallerContext.current();
      Token updated = update.update(new UpdateDatabaseTokenUseCase.Command(caller,
          TokenId.parse("id", request.getId().trim()),
          request.hasDescription() ? Optional.of(Description.of(request.getDescription()))
              : Optional.empty(),
          request.hasPermissions()
              ? Optional.of(ProtoMapper.permissions(request.getPermissions().getPermissionsList()))
              : Optional.empty()));
      LOG.info("updated database token {} by {}: permissions {}", updated.id(), caller.subject(),
          updated.permissions());
      return UpdateDatabaseTokenResponse.newBuilder()
          .setToken(ProtoMapper.databaseToken(updated)).build();
    });
  }

  @Override
  public void revokeDatabaseTokens(RevokeDatabaseTokensRequest request,
      StreamObserver<RevokeDatabaseTokensResponse> observer) {
    ErrorMapping.respond(observer, () -> {
      Caller caller = CallerContext.current();
      List<Revocation> outcomes = revoke.revoke(new RevokeDatabaseTokensUseCase.Command(caller,
          ProtoMapper.tokenIds("ids", request.getIdsList())));
      LOG.info("revoke database tokens by {}: {}", caller.subject(), ProtoMapper.summary(outcomes));
      return RevokeDatabaseTokensResponse.newBuilder()
          .addAllResults(ProtoMapper.revokeResults(outcomes, "database token")).build();
    });
  }
}
