package dev.tollgate.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.tollgate.domain.model.Authentication;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.UnavailableException;
import dev.tollgate.domain.model.UserGroup;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OAuth access tokens verified: JWTs signed with keys made here, the JWKS served over HTTP as an
 * identity provider would, and the user list as Clustered configures it. What each door answers
 * for these outcomes (the gRPC status) is that door's test.
 */
class OidcIdentityProviderTest {

  private static final String ISSUER = "https://idp.example.test/realms/cluster";
  private static final String AUDIENCE = "tollgate";
  private static final Map<String, Set<UserGroup>> USERS = Map.of(
      "alice", Set.of(UserGroup.ADMIN),
      "bob", Set.of(UserGroup.MEMBER),
      "carol", Set.of(UserGroup.AUDITOR));

  private static RSAKey rsaKey;
  private static ECKey ecKey;
  private static HttpServer jwksServer;

  private OidcIdentityProvider provider;

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

  private void startVerifier(URI jwks) {
    provider = new OidcIdentityProvider(
        new OAuthSettings(ISSUER, AUDIENCE, Optional.of(jwks), "sub", USERS));
  }

  private void startVerifierWithServedJwks() {
    startVerifier(URI.create("http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/certs"));
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

  private Caller.User userOf(String jwt) {
    Authentication outcome = provider.verify(jwt);
    assertThat(outcome).isInstanceOf(Authentication.Authenticated.class);
    return (Caller.User) ((Authentication.Authenticated) outcome).caller();
  }

  private String rejectionOf(String jwt) {
    Authentication outcome = provider.verify(jwt);
    assertThat(outcome).isInstanceOf(Authentication.Rejected.class);
    return ((Authentication.Rejected) outcome).reason();
  }

  @Test
  void adminUserWithRs256Token_verify_isTheUserInTheAdminGroup() throws Exception {
    startVerifierWithServedJwks();

    assertThat(userOf(rs256(claims("alice").build())))
        .isEqualTo(new Caller.User("alice", Set.of(UserGroup.ADMIN)));
  }

  @Test
  void adminUserWithEs256Token_verify_isTheUser() throws Exception {
    startVerifierWithServedJwks();

    assertThat(userOf(es256(claims("alice").build())).id()).isEqualTo("alice");
  }

  @Test
  void auditorAndMember_verify_carryTheirGroupsFromTheUserList() throws Exception {
    startVerifierWithServedJwks();

    assertThat(userOf(rs256(claims("carol").build())).groups())
        .containsExactly(UserGroup.AUDITOR);
    assertThat(userOf(rs256(claims("bob").build())).groups()).containsExactly(UserGroup.MEMBER);
  }

  @Test
  void unlistedUser_verify_isTheUserInNoGroup() throws Exception {
    startVerifierWithServedJwks();

    assertThat(userOf(rs256(claims("mallory").build())))
        .isEqualTo(new Caller.User("mallory", Set.of()));
  }

  @Test
  void expiredToken_isRejected() throws Exception {
    startVerifierWithServedJwks();
    Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));

    assertThat(rejectionOf(rs256(claims("alice").expirationTime(Date.from(anHourAgo)).build())))
        .contains("Expired JWT");
  }

  @Test
  void notYetValidToken_isRejected() throws Exception {
    startVerifierWithServedJwks();

    rejectionOf(rs256(claims("alice")
        .notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build()));
  }

  @Test
  void wrongIssuerOrAudience_isRejected() throws Exception {
    startVerifierWithServedJwks();

    rejectionOf(rs256(claims("alice").issuer("https://evil.example").build()));
    rejectionOf(rs256(claims("alice").audience("someone-else").build()));
  }

  @Test
  void notAJwt_isRejectedWithoutBeingParsed() {
    startVerifierWithServedJwks();

    assertThat(rejectionOf("apiv1_not-a-jwt")).contains("neither a Tollgate token nor a JWT");
  }

  @Test
  void tokenSignedByAnUnknownKey_isRejected() throws Exception {
    startVerifierWithServedJwks();
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
        claims("alice").build());
    jwt.sign(new RSASSASigner(stranger));

    rejectionOf(jwt.serialize());
    // again at once, while the key set may not be fetched again yet
    for (int i = 0; i < 4; i++) {
      assertThat(rejectionOf(jwt.serialize())).doesNotContain("http://");
    }
  }

  @Test
  void unreachableJwksUrl_isUnavailableNotABadCredential() throws Exception {
    startVerifier(URI.create("http://127.0.0.1:1/certs"));
    String jwt = rs256(claims("alice").build());

    assertThatThrownBy(() -> provider.verify(jwt)).isInstanceOf(UnavailableException.class)
        .hasMessageStartingWith("cannot get the identity provider's keys")
        .message().doesNotContain("127.0.0.1:1").doesNotContain("/certs");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://idp.example.test/certs", "http://127.attacker.example/jwks",
      "http://127.0.0.1.nip.io/jwks", "http://localhost.attacker.example/jwks",
      "http://10.0.0.1/jwks", "http://[::2]/jwks", "http://0177.0.0.1/jwks"})
  void plainHttpJwksOffLoopback_isRefused_judgedByTheAddressNotTheSpelling(String url) {
    assertThatThrownBy(() -> new OAuthSettings(ISSUER, AUDIENCE,
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
  void keysFromAJwksFile_adminUser_verify_isTheUser(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("jwks.json");
    Files.writeString(file, new JWKSet(rsaKey.toPublicJWK()).toString());
    startVerifier(file.toUri());

    assertThat(userOf(rs256(claims("alice").build())).id()).isEqualTo("alice");
  }

  @Test
  void verify_reportsTheAccessTokensExpiry() throws Exception {
    startVerifierWithServedJwks();
    JWTClaimsSet claims = claims("carol").build();

    Authentication outcome = provider.verify(rs256(claims));

    assertThat(((Authentication.Authenticated) outcome).expiresAt().orElseThrow().getEpochSecond())
        .isEqualTo(claims.getExpirationTime().toInstant().getEpochSecond());
  }
}
