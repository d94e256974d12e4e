package dev.tollgate.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.proto.authz.v1.AuthorizeRequest;
import dev.tollgate.proto.authz.v1.AuthorizeResponse;
import dev.tollgate.proto.authz.v1.Permission;
import dev.tollgate.proto.authz.v1.ResourceActionPermission;
import dev.tollgate.proto.authz.v1.ResourceActionPermission.Action;
import dev.tollgate.proto.authz.v1.ResourceActionPermission.ResourceType;
import dev.tollgate.proto.authz.v1.Subject;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.CreateManagementTokenRequest;
import dev.tollgate.proto.management.v1.CreateManagementTokenResponse;
import dev.tollgate.proto.management.v1.DatabasePermission;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IoxAuthorizerGrpcServiceTest {

  private InProcessTollgate server;

  @BeforeEach
  void start() throws Exception {
    server = new InProcessTollgate(IdentityProvider.NONE);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  static Permission byName(String database, Action action) {
    return Permission.newBuilder().setResourceAction(ResourceActionPermission.newBuilder()
        .setResourceType(ResourceType.RESOURCE_TYPE_DATABASE).setResourceName(database)
        .setAction(action)).build();
  }

  private String databaseToken(String action, String database) {
    return server.databaseTokensAs(server.bootstrapAdmin.value()).createDatabaseToken(
        CreateDatabaseTokenRequest.newBuilder().setDescription("t").addPermissions(
            DatabasePermission.newBuilder().setAction(action).setResource(database))
            .build()).getAccessToken();
  }

  private AuthorizeResponse authorize(String token, Permission... permissions) {
    AuthorizeRequest.Builder request = AuthorizeRequest.newBuilder()
        .setToken(ByteString.copyFromUtf8(token));
    for (Permission permission : permissions) {
      request.addPermissions(permission);
    }
    return server.authorizer().authorize(request.build());
  }

  @Test
  void readToken_authorize_echoesTheGrantedSubsetExactlyAsAsked() {
    String token = databaseToken("read", "db1");
    Permission byId = Permission.newBuilder().setResourceAction(ResourceActionPermission.newBuilder()
        .setResourceType(ResourceType.RESOURCE_TYPE_DATABASE).setResourceId("db1")
        .setAction(Action.ACTION_READ)).build();

    AuthorizeResponse response = authorize(token, byName("db1", Action.ACTION_READ),
        byName("db1", Action.ACTION_WRITE), byId, byName("db1", Action.ACTION_READ_SCHEMA));

    assertThat(response.getValid()).isTrue();
    assertThat(response.hasSubject()).isTrue();
    assertThat(response.getPermissionsList()).containsExactly(byName("db1", Action.ACTION_READ),
        byName("db1", Action.ACTION_READ_SCHEMA));
  }

  @Test
  void emptyProbe_authorize_answersInvalidWithNothingElse() {
    AuthorizeResponse response = server.authorizer().authorize(AuthorizeRequest.getDefaultInstance());

    assertThat(response).isEqualTo(AuthorizeResponse.newBuilder().setValid(false).build());
    assertThat(response.hasSubject()).isFalse();
  }

  @Test
  void managementToken_authorize_isValidWithItsIdAndNoPermissions() {
    CreateManagementTokenResponse management = server.managementAs(server.bootstrapAdmin.value())
        .createManagementToken(CreateManagementTokenRequest.getDefaultInstance());

    AuthorizeResponse response = authorize(management.getAccessToken(),
        byName("db1", Action.ACTION_READ));

    assertThat(response.getValid()).isTrue();
    assertThat(response.getSubject().getId()).isEqualTo(management.getToken().getId());
    assertThat(response.getPermissionsList()).isEmpty();
  }

  @Test
  void handBuiltRequestBytes_decode_asFieldsOneAndFifteen() throws Exception {
    ByteArrayOutputStream action = new ByteArrayOutputStream();
    action.write(new byte[] {0x08, 0x01});                       // resource_type = DATABASE
    action.write(new byte[] {0x12, 0x03});                       // resource_name (2), 3 bytes
    action.write("db1".getBytes(StandardCharsets.US_ASCII));
    action.write(new byte[] {0x18, 0x03});                       // action = WRITE
    byte[] resourceAction = action.toByteArray();
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.write(new byte[] {0x0a, 0x05});                      // token (1), 5 bytes
    request.write("tok-1".getBytes(StandardCharsets.US_ASCII));
    request.write(new byte[] {0x7a, (byte) (resourceAction.length + 2)}); // permissions (15)
    request.write(new byte[] {0x0a, (byte) resourceAction.length});      // resource_action (1)
    request.write(resourceAction);

    AuthorizeRequest decoded = AuthorizeRequest.parseFrom(request.toByteArray());

    assertThat(decoded.getToken().toStringUtf8()).isEqualTo("tok-1");
    assertThat(decoded.getPermissionsList()).containsExactly(byName("db1", Action.ACTION_WRITE));
    assertThat(decoded.toByteArray()).isEqualTo(request.toByteArray());
  }

  @Test
  void rustClientsFieldTwo_decode_asResourceNameAndResourceIdIsFieldFour() throws Exception {
    // the open-source client calls field 2 resource_id and puts the database name there
    byte[] field2 = HexFormat.of().parseHex("0801" + "1203" + "646231" + "1802");
    byte[] field4 = HexFormat.of().parseHex("0801" + "2203" + "646231" + "1802");

    assertThat(ResourceActionPermission.parseFrom(field2).getResourceName()).isEqualTo("db1");
    assertThat(ResourceActionPermission.parseFrom(field4).getResourceId()).isEqualTo("db1");
  }

  @Test
  void validResponse_encodes_validSubjectAndPermissionsAsFieldsOneTwoAndFifteen() {
    AuthorizeResponse response = AuthorizeResponse.newBuilder().setValid(true)
        .setSubject(Subject.newBuilder().setId("s1"))
        .addPermissions(byName("db1", Action.ACTION_READ)).build();

    String hex = HexFormat.of().formatHex(response.toByteArray());

    assertThat(hex).isEqualTo("0801"                              // valid = true
        + "1204" + "0a02" + "7331"                               // subject (2) { id (1) = "s1" }
        + "7a0b" + "0a09" + "0801" + "1203" + "646231" + "1802"); // permissions (15)
    assertThat(HexFormat.of().formatHex(
        AuthorizeResponse.newBuilder().setValid(false).build().toByteArray())).isEmpty();
  }
}
