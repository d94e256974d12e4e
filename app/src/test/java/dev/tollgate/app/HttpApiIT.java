package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.tollgate.files.TokenFile;
import dev.tollgate.generated.ApiClient;
import dev.tollgate.generated.ApiException;
import dev.tollgate.generated.api.DatabaseTokensApi;
import dev.tollgate.generated.api.DatabaseTokensCloudDedicatedFormApi;
import dev.tollgate.generated.api.ManagementTokensApi;
import dev.tollgate.generated.api.TollgateApi;
import dev.tollgate.generated.model.CreateDatabaseTokenRequest;
import dev.tollgate.generated.model.CreateManagementTokenRequest;
import dev.tollgate.generated.model.DatabaseToken;
import dev.tollgate.generated.model.DatabaseTokenWithSecret;
import dev.tollgate.generated.model.ManagementTokenWithSecret;
import dev.tollgate.generated.model.Permission;
import dev.tollgate.generated.model.RotateRequest;
import dev.tollgate.generated.model.UpdateDatabaseTokenRequest;
import dev.tollgate.generated.model.WhoAmI;
import dev.tollgate.proto.authz.v1.AuthorizeRequest;
import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API of the real jar, driven by a client generated from the OpenAPI document it serves
 * (as a third party would generate one): every operation of the v0 paths in both forms, and
 * Tollgate's own; what it creates works over gRPC too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpApiIT {

  private static final String ACCOUNT = "acc-7";
  private static final String CLUSTER = "cl-3";

  @TempDir
  static Path work;

  private TollgateJar.Server server;
  private ApiClient client;
  private ManagedChannel channel;

  @BeforeAll
  void start() throws Exception {
    server = new TollgateJar.Server(work.resolve("data"), work.resolve("server.log"),
        "--account-id", ACCOUNT, "--cluster-id", CLUSTER).start();
    client = client(URI.create(server.httpAddress()), TokenFile.read(work.resolve("data/admin-token.json")));
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
  }

  @AfterAll
  void stop() throws Exception {
    channel.shutdownNow();
    server.close();
  }

  static ApiClient client(URI base, String bearer) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(base.toString());
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearer));
    return client;
  }

  private boolean authorized(String token) {
    return IoxAuthorizerServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
        .authorize(AuthorizeRequest.newBuilder().setToken(ByteString.copyFromUtf8(token)).build())
        .getValid();
  }

  @Test
  void generatedClient_v0DatabaseTokens_createGetUpdateListDelete() throws Exception {
    DatabaseTokensApi tokens = new DatabaseTokensApi(client);
    OffsetDateTime expires = OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    DatabaseTokenWithSecret created = tokens.createDatabaseToken(new CreateDatabaseTokenRequest()
        .description("ingest").addPermissionsItem(new Permission()
            .action(Permission.ActionEnum.WRITE).resource("metrics"))
        .expiresAt(expires).expirationType(CreateDatabaseTokenRequest.ExpirationTypeEnum.DATETIME));
    assertThat(created.getAccessToken()).startsWith("apiv1_");
    assertThat(created.getExpiresAt()).isEqualTo(expires);
    assertThat(authorized(created.getAccessToken())).as("created over HTTP, valid over gRPC")
        .isTrue();

    DatabaseToken got = tokens.getDatabaseToken(created.getId());
    assertThat(got.getDescription()).isEqualTo("ingest");
    assertThat(got.getRevokedAt()).isNull();
    DatabaseToken updated = tokens.updateDatabaseToken(created.getId(),
        new UpdateDatabaseTokenRequest().description("ingest v2").permissions(List.of()));
    assertThat(updated.getDescription()).isEqualTo("ingest v2");
    assertThat(updated.getPermissions()).isEmpty();
    assertThat(tokens.getDatabaseTokens()).extracting(DatabaseToken::getId)
        .contains(created.getId());

    tokens.deleteDatabaseToken(created.getId());
    assertThat(tokens.getDatabaseToken(created.getId()).getRevokedAt()).isNotNull();
    assertThat(authorized(created.getAccessToken())).as("revoked over HTTP").isFalse();
    assertThatThrownBy(() -> tokens.getDatabaseToken(java.util.UUID.randomUUID()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
  }

  @Test
  void generatedClient_cloudDedicatedForm_carriesTheIds_otherClusterIs404() throws Exception {
    DatabaseTokensCloudDedicatedFormApi tokens = new DatabaseTokensCloudDedicatedFormApi(client);

    DatabaseTokenWithSecret created = tokens.createDatabaseTokenInCluster(ACCOUNT, CLUSTER,
        new CreateDatabaseTokenRequest().description("from terraform"));
    assertThat(created.getAccountId()).isEqualTo(ACCOUNT);
    assertThat(created.getClusterId()).isEqualTo(CLUSTER);
    assertThat(tokens.getDatabaseTokensInCluster(ACCOUNT, CLUSTER))
        .allSatisfy(token -> assertThat(token.getClusterId()).isEqualTo(CLUSTER));
    assertThat(tokens.updateDatabaseTokenInCluster(ACCOUNT, CLUSTER, created.getId(),
        new UpdateDatabaseTokenRequest().description("renamed")).getDescription())
        .isEqualTo("renamed");
    assertThat(tokens.getDatabaseTokenInCluster(ACCOUNT, CLUSTER, created.getId())
        .getDescription()).isEqualTo("renamed");
    tokens.deleteDatabaseTokenInCluster(ACCOUNT, CLUSTER, created.getId());

    assertThatThrownBy(() -> tokens.getDatabaseTokensInCluster(ACCOUNT, "another"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
  }

  @Test
  void generatedClient_tollgatesOwnResources() throws Exception {
    ManagementTokensApi management = new ManagementTokensApi(client);
    TollgateApi tollgate = new TollgateApi(client);

    ManagementTokenWithSecret created = management.createManagementToken(
        new CreateManagementTokenRequest().description("automation"));
    WhoAmI holder = new TollgateApi(client(URI.create(server.httpAddress()), created.getAccessToken())).whoAmI();
    assertThat(holder.getKind()).isEqualTo(WhoAmI.KindEnum.MANAGEMENT_TOKEN);
    assertThat(holder.getAllowed()).contains(WhoAmI.AllowedEnum.CHANGE_DATABASE_TOKENS)
        .doesNotContain(WhoAmI.AllowedEnum.CREATE_MANAGEMENT_TOKEN);
    assertThat(management.getManagementToken(created.getId()).getCreatedBy())
        .isEqualTo("bootstrap-admin");
    assertThat(management.listManagementTokens(1000, null).getManagementTokens())
        .anySatisfy(token -> assertThat(token.getId()).isEqualTo(created.getId()));
    ManagementTokenWithSecret rotated = management.rotateManagementToken(created.getId(),
        new RotateRequest().overlapSeconds(60L));
    assertThat(rotated.getAccessToken()).isNotEqualTo(created.getAccessToken());
    assertThat(rotated.getPreviousValidUntil()).isNotNull();
    management.revokeManagementToken(created.getId());
    assertThat(management.getManagementToken(created.getId()).getRevokedAt()).isNotNull();

    DatabaseTokenWithSecret database = new DatabaseTokensApi(client).createDatabaseToken(
        new CreateDatabaseTokenRequest().description("to rotate"));
    DatabaseTokenWithSecret newString = tollgate.rotateDatabaseToken(database.getId(),
        new RotateRequest());
    assertThat(newString.getAccessToken()).isNotEqualTo(database.getAccessToken());
    assertThat(tollgate.listDatabaseTokenPages(true, null, null).getDatabaseTokens())
        .filteredOn(token -> token.getId().equals(database.getId())).singleElement()
        .satisfies(token -> assertThat(token.getPreviousValidUntil()).isNotNull());
    assertThat(tollgate.listTokenEvents(created.getId(), null, null, null, null).getEvents())
        .extracting(event -> event.getEvent()).containsExactly(
            dev.tollgate.generated.model.TokenEvent.EventEnum.CREATED,
            dev.tollgate.generated.model.TokenEvent.EventEnum.ROTATED,
            dev.tollgate.generated.model.TokenEvent.EventEnum.REVOKED);
    assertThat(tollgate.getReplicaStatus().getLoaded()).isTrue();
    assertThat(tollgate.whoAmI().getKind()).isEqualTo(WhoAmI.KindEnum.BOOTSTRAP_ADMIN);
    // without OAuth the console signs in with a pasted token only
    assertThat(tollgate.getSignIn().getOauth()).isNull();
  }
}
