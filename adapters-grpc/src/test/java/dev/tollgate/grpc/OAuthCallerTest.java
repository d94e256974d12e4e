package dev.tollgate.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.domain.model.Authentication;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.UnavailableException;
import dev.tollgate.domain.model.UserGroup;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.proto.management.v1.CreateManagementTokenRequest;
import dev.tollgate.proto.management.v1.ListDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.ListManagementTokensRequest;
import dev.tollgate.proto.management.v1.ListTokenEventsRequest;
import dev.tollgate.proto.management.v1.WhoAmIRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OAuth users against the management API: what the identity provider port decides (a user and
 * its groups, a refusal, or "cannot check now") and the status each becomes. The verification
 * of real access tokens is the OAuth adapter's test; here the port answers by the credential.
 */
class OAuthCallerTest {

  private static final Instant EXPIRES_AT = Instant.parse("2030-01-01T00:00:00Z");

  /** The user list as Clustered configures it, and the outcomes an identity provider has. */
  private static final IdentityProvider PROVIDER = credential -> switch (credential) {
    case "alice" -> user("alice", UserGroup.ADMIN);
    case "bob" -> user("bob", UserGroup.MEMBER);
    case "carol" -> user("carol", UserGroup.AUDITOR);
    case "mallory" -> new Authentication.Authenticated(new Caller.User("mallory", Set.of()));
    case "expired" -> new Authentication.Rejected("the OAuth access token was refused: Expired JWT");
    case "keys-unreachable" -> throw new UnavailableException(
        "cannot get the identity provider's keys; the server log says why");
    default -> new Authentication.Rejected("the OAuth access token was refused");
  };

  private InProcessTollgate server;

  private static Authentication user(String id, UserGroup group) {
    return new Authentication.Authenticated(new Caller.User(id, Set.of(group)),
        Optional.of(EXPIRES_AT));
  }

  @BeforeEach
  void start() throws Exception {
    server = new InProcessTollgate(PROVIDER);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private Status createAs(String credential) {
    try {
      server.managementAs(credential).createManagementToken(
          CreateManagementTokenRequest.newBuilder().setDescription("from oauth").build());
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  private Status listAs(String credential) {
    try {
      server.managementAs(credential).listManagementTokens(
          ListManagementTokensRequest.getDefaultInstance());
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  @Test
  void adminUser_create_succeedsAndRecordsTheUser() {
    var response = server.managementAs("alice").createManagementToken(
        CreateManagementTokenRequest.newBuilder().setDescription("from oauth").build());

    assertThat(response.getToken().getCreatedBy()).isEqualTo("user:alice");
  }

  @Test
  void auditor_listsButCannotCreate() {
    assertThat(listAs("carol").getCode()).isEqualTo(Status.Code.OK);
    assertThat(createAs("carol").getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void member_cannotCreateNorList() {
    assertThat(createAs("bob").getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(listAs("bob").getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void unlistedUser_create_isRefused() {
    Status status = createAs("mallory");

    assertThat(status.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(status.getDescription()).contains("user mallory (in no group");
  }

  @Test
  void unlistedUser_listsWithAMadeUpPageToken_isRefusedBeforeThePageTokenIsRead() {
    List<Runnable> lists = List.of(
        () -> server.managementAs("mallory").listManagementTokens(
            ListManagementTokensRequest.newBuilder().setPageToken("made-up").build()),
        () -> server.databaseTokensAs("mallory").listDatabaseTokens(
            ListDatabaseTokensRequest.newBuilder().setPageToken("made-up").build()),
        () -> server.tokenEventsAs("mallory").listTokenEvents(
            ListTokenEventsRequest.newBuilder().setPageToken("made-up").build()));
    for (Runnable list : lists) {
      assertThat(catchThrowableOfType(StatusRuntimeException.class, list::run).getStatus()
          .getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }
  }

  @Test
  void refusedAccessToken_isUnauthenticatedWithTheReason() {
    Status status = createAs("expired");

    assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(status.getDescription()).contains("Expired JWT");
  }

  @Test
  void identityProviderCannotCheckNow_isUnavailableNotABadCredential() {
    Status status = createAs("keys-unreachable");

    assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(status.getDescription()).startsWith("cannot get the identity provider's keys");
  }

  @Test
  void oauthUser_whoAmI_namesTheUserItsGroupsAndTheTokensExpiry() {
    var me = server.managementAs("carol").whoAmI(WhoAmIRequest.getDefaultInstance());

    assertThat(me.getKind()).isEqualTo("user");
    assertThat(me.getUserId()).isEqualTo("carol");
    assertThat(me.getGroupsList()).containsExactly("Auditor");
    assertThat(me.getExpiresAt().getSeconds()).isEqualTo(EXPIRES_AT.getEpochSecond());
  }
}
