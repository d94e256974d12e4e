package dev.tollgate.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.proto.management.v1.CreateManagementTokenRequest;
import dev.tollgate.proto.management.v1.CreateManagementTokenResponse;
import dev.tollgate.proto.management.v1.ListManagementTokensRequest;
import dev.tollgate.proto.management.v1.ManagementToken;
import dev.tollgate.proto.management.v1.RevokeManagementTokensRequest;
import dev.tollgate.proto.management.v1.RevokeManagementTokensResponse;
import dev.tollgate.proto.management.v1.RevokeOutcome;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManagementTokenGrpcServiceTest {

  private InProcessTollgate server;

  @BeforeEach
  void start() throws Exception {
    server = new InProcessTollgate(IdentityProvider.NONE);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private CreateManagementTokenResponse createAsAdmin(String description) {
    return server.managementAs(server.bootstrapAdmin.value()).createManagementToken(
        CreateManagementTokenRequest.newBuilder().setDescription(description).build());
  }

  private static Status.Code codeOf(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
    throw new AssertionError("the call succeeded");
  }

  @Test
  void bootstrapAdmin_create_returnsTheTokenStringOnceWithItsFields() {
    Timestamp expiresAt = ProtoMapper.timestamp(InProcessTollgate.START.plusSeconds(3600));

    CreateManagementTokenResponse response = server.managementAs(server.bootstrapAdmin.value())
        .createManagementToken(CreateManagementTokenRequest.newBuilder()
            .setDescription("CI pipeline").setExpiresAt(expiresAt).build());

    ManagementToken token = response.getToken();
    assertThat(response.getAccessToken()).startsWith("M.V1.").hasSize(91)
        .startsWith(token.getTokenPrefix());
    assertThat(token.getDescription()).isEqualTo("CI pipeline");
    assertThat(token.getExpiresAt()).isEqualTo(expiresAt);
    assertThat(token.getCreatedBy()).isEqualTo("bootstrap-admin");
    assertThat(token.hasRevokedAt()).isFalse();
  }

  @Test
  void managementToken_listThenRevokeItself_worksAndIsThenRefused() {
    CreateManagementTokenResponse created = createAsAdmin("automation");
    var asToken = server.managementAs(created.getAccessToken());

    List<ManagementToken> listed = asToken.listManagementTokens(
        ListManagementTokensRequest.getDefaultInstance()).getTokensList();
    RevokeManagementTokensResponse revoked = asToken.revokeManagementTokens(
        RevokeManagementTokensRequest.newBuilder().addIds(created.getToken().getId()).build());

    assertThat(listed).extracting(ManagementToken::getId).containsExactly(created.getToken().getId());
    assertThat(revoked.getResults(0).getOutcome()).isEqualTo(RevokeOutcome.REVOKE_OUTCOME_REVOKED);
    assertThat(codeOf(() -> asToken.listManagementTokens(ListManagementTokensRequest.getDefaultInstance())))
        .isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void managementToken_create_isPermissionDeniedAndCreatesNothing() {
    CreateManagementTokenResponse created = createAsAdmin("automation");

    StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(
        StatusRuntimeException.class, () -> server.managementAs(created.getAccessToken())
            .createManagementToken(CreateManagementTokenRequest.getDefaultInstance()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(e.getStatus().getDescription()).contains("may not create management tokens");
    assertThat(server.tollgate.repository().findByKind(TokenKind.MANAGEMENT, true, java.util.Optional.empty(), 100)).hasSize(1);
  }

  @Test
  void missingMalformedOrUnknownCredential_anyCall_isUnauthenticated() {
    ListManagementTokensRequest request = ListManagementTokensRequest.getDefaultInstance();

    assertThat(codeOf(() -> server.managementAs(null).listManagementTokens(request)))
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(codeOf(() -> server.managementAs("not-a-token").listManagementTokens(request)))
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    String typo = server.bootstrapAdmin.value().substring(0, 90) + "A";
    assertThat(codeOf(() -> server.managementAs(typo).listManagementTokens(request)))
        .isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void unauthenticatedCall_description_neverEchoesTheCredential() {
    String typo = server.bootstrapAdmin.value().substring(0, 90) + "A";

    StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(
        StatusRuntimeException.class, () -> server.managementAs(typo)
            .listManagementTokens(ListManagementTokensRequest.getDefaultInstance()));

    assertThat(e.getStatus().getDescription().contains(typo.substring(5, 40)))
        .as("holds no token string").isFalse();
  }

  @Test
  void pastExpiry_create_isInvalidArgumentNamingTheFieldAndWritesNothing() {
    Timestamp past = Timestamp.newBuilder().setSeconds(1577836800).build(); // 2020-01-01

    StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(
        StatusRuntimeException.class, () -> server.managementAs(server.bootstrapAdmin.value())
            .createManagementToken(CreateManagementTokenRequest.newBuilder().setExpiresAt(past).build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).startsWith("expires_at: 2020-01-01T00:00:00Z is in the past");
    BadRequest.FieldViolation violation = badRequest(e).getFieldViolations(0);
    assertThat(violation.getField()).isEqualTo("expires_at");
    assertThat(server.eventsWritten()).isEmpty();
  }

  @Test
  void tooLongDescription_create_isInvalidArgumentNamingDescription() {
    StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(
        StatusRuntimeException.class, () -> createAsAdmin("x".repeat(1025)));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(badRequest(e).getFieldViolations(0).getField()).isEqualTo("description");
  }

  @Test
  void oneMalformedId_revoke_isInvalidArgumentAndRevokesNothing() {
    CreateManagementTokenResponse created = createAsAdmin("keep me");

    StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(
        StatusRuntimeException.class, () -> server.managementAs(server.bootstrapAdmin.value())
            .revokeManagementTokens(RevokeManagementTokensRequest.newBuilder()
                .addIds(created.getToken().getId()).addIds("nope").build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).contains("\"nope\" is not a token id");
    assertThat(server.tollgate.repository().findByKind(TokenKind.MANAGEMENT, true, java.util.Optional.empty(), 100).get(0).isRevoked())
        .isFalse();
  }

  @Test
  void unknownAndKnownIds_revoke_reportsNotFoundForTheUnknownOnly() {
    CreateManagementTokenResponse created = createAsAdmin("a");
    String unknown = "4f5e1a2b-0c3d-4e5f-8a9b-0c1d2e3f4a5b";

    RevokeManagementTokensResponse response = server.managementAs(server.bootstrapAdmin.value())
        .revokeManagementTokens(RevokeManagementTokensRequest.newBuilder()
            .addIds(unknown).addIds(created.getToken().getId()).build());

    assertThat(response.getResultsList()).extracting(r -> r.getOutcome()).containsExactly(
        RevokeOutcome.REVOKE_OUTCOME_NOT_FOUND, RevokeOutcome.REVOKE_OUTCOME_REVOKED);
    assertThat(response.getResults(0).getMessage()).isEqualTo("no management token with id " + unknown);
    assertThat(response.getResults(1).hasRevokedAt()).isTrue();
  }

  @Test
  void revokedToken_list_isStillListedWithRevokedAtAndBy() {
    CreateManagementTokenResponse created = createAsAdmin("a");
    server.managementAs(server.bootstrapAdmin.value()).revokeManagementTokens(
        RevokeManagementTokensRequest.newBuilder().addIds(created.getToken().getId()).build());

    ManagementToken listed = server.managementAs(server.bootstrapAdmin.value())
        .listManagementTokens(ListManagementTokensRequest.getDefaultInstance()).getTokens(0);

    assertThat(listed.hasRevokedAt()).isTrue();
    assertThat(listed.getRevokedBy()).isEqualTo("bootstrap-admin");
  }

  @Test
  void noIds_revoke_isInvalidArgument() {
    assertThatThrownBy(() -> server.managementAs(server.bootstrapAdmin.value())
        .revokeManagementTokens(RevokeManagementTokensRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
  }

  private static BadRequest badRequest(StatusRuntimeException e) {
    try {
      return StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class);
    } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
      throw new AssertionError(ex);
    }
  }

  @Test
  void anyValidCaller_whoAmI_saysWhoItIsAndWhenItsCredentialExpires() {
    Timestamp expiresAt = ProtoMapper.timestamp(InProcessTollgate.START.plusSeconds(3600));
    CreateManagementTokenResponse management = server.managementAs(server.bootstrapAdmin.value())
        .createManagementToken(CreateManagementTokenRequest.newBuilder()
            .setDescription("ci").setExpiresAt(expiresAt).build());
    String database = server.databaseTokensAs(server.bootstrapAdmin.value()).createDatabaseToken(
        dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest.newBuilder()
            .setDescription("reader").build()).getAccessToken();

    var admin = server.managementAs(server.bootstrapAdmin.value()).whoAmI(
        dev.tollgate.proto.management.v1.WhoAmIRequest.getDefaultInstance());
    var token = server.managementAs(management.getAccessToken()).whoAmI(
        dev.tollgate.proto.management.v1.WhoAmIRequest.getDefaultInstance());
    var reader = server.managementAs(database).whoAmI(
        dev.tollgate.proto.management.v1.WhoAmIRequest.getDefaultInstance());

    assertThat(admin.getKind()).isEqualTo("bootstrap-admin");
    assertThat(admin.getSubject()).isEqualTo("bootstrap-admin");
    assertThat(admin.hasExpiresAt()).isFalse();
    assertThat(token.getKind()).isEqualTo("management-token");
    assertThat(token.getTokenId()).isEqualTo(management.getToken().getId());
    assertThat(token.getExpiresAt()).isEqualTo(expiresAt);
    assertThat(reader.getKind()).isEqualTo("database-token");
    assertThat(codeOf(() -> server.managementAs("M.V1.not-a-token").whoAmI(
        dev.tollgate.proto.management.v1.WhoAmIRequest.getDefaultInstance())))
        .isEqualTo(Status.Code.UNAUTHENTICATED);
  }
}
