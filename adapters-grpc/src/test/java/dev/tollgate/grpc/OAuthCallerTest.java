package dev.tollgate.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.domain.model.UserGroup;
import dev.tollgate.proto.management.v1.CreateManagementTokenRequest;
import dev.tollgate.proto.management.v1.ListManagementTokensRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * OAuth users against the management API: JWTs signed with keys made here, the JWKS served over
 * HTTP as an identity provider would, and the user list as Clustered configures it.
 */
class OAuthCallerTest {

  private static final String ISSUER = "https://idp.example.test/realms/cluster";
  private static final String AUDIENCE = "tollgate";
  private static final Map<String, Set<UserGroup>> USERS = Map.of(
      "alice", Set.of(UserGroup.ADMIN),
      "bob", Set.of(UserGroup.MEMBER),
      "carol", Set.of(UserGroup.AUDITOR));

  private static RSAKey rsaKey;
  private static ECKey ecKey;
  private static HttpServer jwksServer;

  private InProcessTollgate server;

  @BeforeAll
  static void startIdentityProvider() throws Exception {
    rsaKey = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    byte[] jwks = new JWKSet(java.util.List.of(rsaKey.toPublicJWK(), ecKey.toPublicJWK()))
        .toString().getBytes(StandardCharsets.UTF_8);
    jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jwksServer.createContext("/certs", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, jwks.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(jwks);
      }
    });
    jwksServer.start();
  }

  @AfterAll
  static void stopIdentityProvider() {
    jwksServer.stop(0);
  }

  private void startTollgate(URI jwks) throws Exception {
    server = new InProcessTollgate(new OidcIdentityProvider(
        new OAuthSettings(ISSUER, AUDIENCE, Optional.of(jwks), "sub", USERS)));
  }

  private void startTollgateWithServedJwks() throws Exception {
    startTollgate(URI.create("http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/certs"));
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static JWTClaimsSet.Builder claims(String user) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder().subject(user).issuer(ISSUER).audience(AUDIENCE)
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
  }

  private static String rs256(JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
        .keyID(rsaKey.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new RSASSASigner(rsaKey));
    return jwt.serialize();
  }

  private static String es256(JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
        .keyID(ecKey.getKeyID()).build(), claims);
    jwt.sign(new ECDSASigner(ecKey));
    return jwt.serialize();
  }

  private Status createAs(String jwt) {
    try {
      server.managementAs(jwt).createManagementToken(
          CreateManagementTokenRequest.newBuilder().setDescription("from oauth").build());
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  private Status listAs(String jwt) {
    try {
      server.managementAs(jwt).listManagementTokens(ListManagementTokensRequest.getDefaultInstance());
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  @Test
  void adminUserWithRs256Token_create_succeedsAndRecordsTheUser() throws Exception {
    startTollgateWithServedJwks();

    var response = server.managementAs(rs256(claims("alice").build())).createManagementToken(
        CreateManagementTokenRequest.newBuilder().setDescription("from oauth").build());

    assertThat(response.getToken().getCreatedBy()).isEqualTo("user:alice");
  }

  @Test
  void adminUserWithEs256Token_create_succeeds() throws Exception {
    startTollgateWithServedJwks();

    assertThat(createAs(es256(claims("alice").build())).getCode()).isEqualTo(Status.Code.OK);
  }

  @Test
  void auditor_listsButCannotCreate() throws Exception {
    startTollgateWithServedJwks();
    String jwt = rs256(claims("carol").build());

    assertThat(listAs(jwt).getCode()).isEqualTo(Status.Code.OK);
    assertThat(createAs(jwt).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void member_cannotCreateNorList() throws Exception {
    startTollgateWithServedJwks();
    String jwt = rs256(claims("bob").build());

    assertThat(createAs(jwt).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(listAs(jwt).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void unlistedUser_create_isRefused() throws Exception {
    startTollgateWithServedJwks();

    Status status = createAs(rs256(claims("mallory").build()));

    assertThat(status.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(status.getDescription()).contains("user mallory (in no group");
  }

  @Test
  void unlistedUser_listsWithAMadeUpPageToken_isRefusedBeforeThePageTokenIsRead() throws Exception {
    startTollgateWithServedJwks();
    String jwt = rs256(claims("mallory").build());

    java.util.List<Runnable> lists = java.util.List.of(
        () -> server.managementAs(jwt).listManagementTokens(
            ListManagementTokensRequest.newBuilder().setPageToken("made-up").build()),
        () -> server.databaseTokensAs(jwt).listDatabaseTokens(
            dev.tollgate.proto.management.v1.ListDatabaseTokensRequest.newBuilder()
                .setPageToken("made-up").build()),
        () -> server.tokenEventsAs(jwt).listTokenEvents(
            dev.tollgate.proto.management.v1.ListTokenEventsRequest.newBuilder()
                .setPageToken("made-up").build()));
    for (Runnable list : lists) {
      assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(list::run,
          StatusRuntimeException.class).getStatus().getCode())
          .isEqualTo(Status.Code.PERMISSION_DENIED);
    }
  }

  @Test
  void expiredToken_isUnauthenticated() throws Exception {
    startTollgateWithServedJwks();
    Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));

    Status status = createAs(rs256(claims("alice")
        .expirationTime(Date.from(anHourAgo)).build()));

    assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(status.getDescription()).contains("Expired JWT");
  }

  @Test
  void notYetValidToken_isUnauthenticated() throws Exception {
    startTollgateWithServedJwks();

    Status status = createAs(rs256(claims("alice")
        .notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build()));

    assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void wrongIssuerOrAudience_isUnauthenticated() throws Exception {
    startTollgateWithServedJwks();

    assertThat(createAs(rs256(claims("alice").issuer("https://evil.example").build())).getCode())
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(createAs(rs256(claims("alice").audience("someone-else").build())).getCode())
        .isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void tokenSignedByAnUnknownKey_isUnauthenticated() throws Exception {
    startTollgateWithServedJwks();
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
        claims("alice").build());
    jwt.sign(new RSASSASigner(stranger));

    assertThat(createAs(jwt.serialize()).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    // again at once, while the key set may not be fetched again yet
    for (int i = 0; i < 4; i++) {
      Status again = createAs(jwt.serialize());
      assertThat(again.getCode()).as(again.toString()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(again.getDescription()).doesNotContain("http://");
    }
  }

  @Test
  void unreachableJwksUrl_isUnavailableNotABadCredential() throws Exception {
    startTollgate(URI.create("http://127.0.0.1:1/certs"));

    Status status = createAs(rs256(claims("alice").build()));

    assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(status.getDescription()).startsWith("cannot get the identity provider's keys")
        .doesNotContain("127.0.0.1:1").doesNotContain("/certs");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://idp.example.test/certs", "http://127.attacker.example/jwks",
      "http://127.0.0.1.nip.io/jwks", "http://localhost.attacker.example/jwks",
      "http://10.0.0.1/jwks", "http://[::2]/jwks", "http://0177.0.0.1/jwks"})
  void plainHttpJwksOffLoopback_isRefused_judgedByTheAddressNotTheSpelling(String url) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OAuthSettings(ISSUER, AUDIENCE,
        Optional.of(URI.create(url)), "sub", USERS))
        .hasMessageContaining("plain http only on loopback");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080/jwks", "http://127.5.6.7/jwks",
      "http://localhost:9000/jwks", "http://LOCALHOST/jwks", "http://[::1]:9000/jwks"})
  void plainHttpJwksOnLoopback_isAccepted(String url) {
    assertThat(new OAuthSettings(ISSUER, AUDIENCE, Optional.of(URI.create(url)), "sub", USERS)
        .jwks()).contains(URI.create(url));
  }

  @Test
  void keysFromAJwksFile_adminUser_create_succeeds(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("jwks.json");
    Files.writeString(file, new JWKSet(rsaKey.toPublicJWK()).toString());
    startTollgate(file.toUri());

    assertThat(createAs(rs256(claims("alice").build())).getCode()).isEqualTo(Status.Code.OK);
  }

  @Test
  void oauthUser_whoAmI_namesTheUserItsGroupsAndTheTokensExpiry() throws Exception {
    startTollgateWithServedJwks();
    JWTClaimsSet claims = claims("carol").build();

    var me = server.managementAs(rs256(claims)).whoAmI(
        dev.tollgate.proto.management.v1.WhoAmIRequest.getDefaultInstance());

    assertThat(me.getKind()).isEqualTo("user");
    assertThat(me.getUserId()).isEqualTo("carol");
    assertThat(me.getGroupsList()).containsExactly("Auditor");
    assertThat(me.getExpiresAt().getSeconds())
        .isEqualTo(claims.getExpirationTime().toInstant().getEpochSecond());
  }
}
