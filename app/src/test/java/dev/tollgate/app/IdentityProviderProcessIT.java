package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test authorization server and {@link IdentityProviderProcess}: the device authorization
 * grant done by hand, as Tollgate's CLI (and influxctl) does it, with {@code client_id} alone.
 */
class IdentityProviderProcessIT {

  private static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

  @TempDir
  static Path work;

  private static IdentityProviderProcess idp;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    idp = IdentityProviderProcess.start(work, Map.of("alice", "alice-pw", "bob", "bob-pw"),
        Duration.ofMinutes(5), Duration.ofMinutes(5));
  }

  @AfterAll
  static void stop() {
    if (idp != null) {
      idp.close();
    }
  }

  @Test
  void discovery_namesTheIssuerAndTheEndpoints() throws Exception {
    assertThat(idp.issuer()).matches("http://127\\.0\\.0\\.1:\\d+");
    for (String document : List.of("openid-configuration", "oauth-authorization-server")) {
      Map<String, Object> metadata = json(http.send(
          HttpRequest.newBuilder(URI.create(idp.issuer() + "/.well-known/" + document)).build(),
          HttpResponse.BodyHandlers.ofString()));
      assertThat(metadata).as(document)
          .containsEntry("issuer", idp.issuer())
          .containsEntry("jwks_uri", idp.issuer() + "/oauth2/jwks")
          .containsEntry("device_authorization_endpoint", idp.deviceAuthorizationEndpoint().toString())
          .containsEntry("token_endpoint", idp.tokenEndpoint().toString());
    }
  }

  @Test
  void deviceFlow_pendingUntilApproved_thenJwtAndRefreshTokenWithClientIdAlone() throws Exception {
    Map<String, Object> device = authorizeDevice();
    String deviceCode = (String) device.get("device_code");
    assertThat((String) device.get("verification_uri")).startsWith(idp.issuer());

    HttpResponse<String> pending = pollToken(deviceCode);
    assertThat(pending.statusCode()).isEqualTo(400);
    assertThat(json(pending)).containsEntry("error", "authorization_pending");

    idp.approve((String) device.get("user_code"), "alice", "alice-pw");
    HttpResponse<String> granted = pollToken(deviceCode);
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    Map<String, Object> tokens = json(granted);
    assertThat(tokens).containsEntry("token_type", "Bearer").containsKey("refresh_token");
    SignedJWT accessToken = verifiedAccessToken((String) tokens.get("access_token"));
    JWTClaimsSet claims = accessToken.getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo("alice");
    assertThat(claims.getIssuer()).isEqualTo(idp.issuer());
    assertThat(claims.getAudience()).containsExactly(IdentityProviderProcess.AUDIENCE);
    assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());

    HttpResponse<String> refreshed = token(Map.of("grant_type", "refresh_token",
        "client_id", IdentityProviderProcess.CLIENT_ID,
        "refresh_token", (String) tokens.get("refresh_token")));
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    Map<String, Object> renewed = json(refreshed);
    assertThat(renewed.get("access_token")).isNotEqualTo(tokens.get("access_token"));
    assertThat(renewed.get("refresh_token")).isNotNull().isNotEqualTo(tokens.get("refresh_token"));
    JWTClaimsSet renewedClaims =
        verifiedAccessToken((String) renewed.get("access_token")).getJWTClaimsSet();
    assertThat(renewedClaims.getSubject()).isEqualTo("alice");
    assertThat(renewedClaims.getAudience()).containsExactly(IdentityProviderProcess.AUDIENCE);
  }

  @Test
  void deny_pollGetsAccessDenied() throws Exception {
    Map<String, Object> device = authorizeDevice();

    idp.deny((String) device.get("user_code"), "bob", "bob-pw");

    HttpResponse<String> denied = pollToken((String) device.get("device_code"));
    assertThat(denied.statusCode()).isEqualTo(400);
    assertThat(json(denied)).containsEntry("error", "access_denied");
  }

  @Test
  void rotateSigningKey_newTokensCarryTheNewKid_andTheJwksListsOldAndNew() throws Exception {
    String before = jwks().getKeys().get(0).getKeyID();

    String kid = idp.rotateSigningKey();

    assertThat(kid).isNotEqualTo(before);
    assertThat(jwks().getKeys()).extracting(key -> key.getKeyID()).contains(kid, before);
    Map<String, Object> device = authorizeDevice();
    idp.approve((String) device.get("user_code"), "bob", "bob-pw");
    HttpResponse<String> granted = pollToken((String) device.get("device_code"));
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    SignedJWT accessToken = verifiedAccessToken((String) json(granted).get("access_token"));
    assertThat(accessToken.getHeader().getKeyID()).isEqualTo(kid);
    assertThat(accessToken.getJWTClaimsSet().getSubject()).isEqualTo("bob");
  }

  // ----- the device, by hand -----

  private static Map<String, Object> authorizeDevice() throws Exception {
    HttpResponse<String> answer = form(idp.deviceAuthorizationEndpoint(), Map.of(
        "client_id", IdentityProviderProcess.CLIENT_ID,
        "scope", String.join(" ", IdentityProviderProcess.SCOPES)));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    Map<String, Object> device = json(answer);
    assertThat(device).containsKeys("device_code", "user_code", "verification_uri", "expires_in");
    return device;
  }

  private static HttpResponse<String> pollToken(String deviceCode) throws Exception {
    return token(Map.of("grant_type", DEVICE_CODE_GRANT,
        "client_id", IdentityProviderProcess.CLIENT_ID, "device_code", deviceCode));
  }

  private static HttpResponse<String> token(Map<String, String> parameters) throws Exception {
    return form(idp.tokenEndpoint(), parameters);
  }

  private static HttpResponse<String> form(URI uri, Map<String, String> parameters)
      throws Exception {
    StringJoiner body = new StringJoiner("&");
    new LinkedHashMap<>(parameters).forEach((name, value) -> body.add(
        name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return http.send(HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Parses the token and checks its RS256 signature with the key its kid names in the JWKS. */
  private static SignedJWT verifiedAccessToken(String token) throws Exception {
    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    String kid = jwt.getHeader().getKeyID();
    assertThat(kid).isNotBlank();
    RSAKey key = (RSAKey) jwks().getKeyByKeyId(kid);
    assertThat(key).as("JWKS key " + kid).isNotNull();
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    return jwt;
  }

  private static JWKSet jwks() throws Exception {
    String jwksUri = (String) json(http.send(HttpRequest.newBuilder(
            URI.create(idp.issuer() + "/.well-known/openid-configuration")).build(),
        HttpResponse.BodyHandlers.ofString())).get("jwks_uri");
    return JWKSet.parse(http.send(HttpRequest.newBuilder(URI.create(jwksUri)).build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }

  private static Map<String, Object> json(HttpResponse<String> answer) throws Exception {
    return JSONObjectUtils.parse(answer.body());
  }
}
