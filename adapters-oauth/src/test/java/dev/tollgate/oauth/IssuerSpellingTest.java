package dev.tollgate.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.domain.model.Authentication;
import dev.tollgate.domain.model.UserGroup;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An issuer spelled with or without its trailing slash: providers disagree (Auth0 ends its issuer
 * with one, Keycloak, Entra ID and Spring do not), and the operator may copy either spelling.
 */
class IssuerSpellingTest {

  private final AtomicReference<String> statedIssuer = new AtomicReference<>();
  private HttpServer provider;
  private RSAKey key;

  @BeforeEach
  void start() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k").generate();
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // both spellings of the issuer reach the same document, as at a real provider
    provider.createContext("/.well-known/openid-configuration", exchange -> {
      byte[] body = discoveryDocument().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    provider.createContext("/certs", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, jwks.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(jwks);
      }
    });
    provider.start();
  }

  @AfterEach
  void stop() {
    provider.stop(0);
  }

  private String base() {
    return "http://127.0.0.1:" + provider.getAddress().getPort();
  }

  private String discoveryDocument() {
    return "{\"issuer\": \"" + statedIssuer.get() + "\", \"jwks_uri\": \"" + base() + "/certs\","
        + " \"authorization_endpoint\": \"" + base() + "/authorize\","
        + " \"token_endpoint\": \"" + base() + "/token\","
        + " \"response_types_supported\": [\"code\"],"
        + " \"subject_types_supported\": [\"public\"],"
        + " \"id_token_signing_alg_values_supported\": [\"RS256\"]}";
  }

  private static OAuthSettings settings(String issuer, Optional<URI> jwks) {
    return new OAuthSettings(issuer, "tollgate", jwks, "sub",
        Map.of("alice", Set.of(UserGroup.ADMIN)));
  }

  private String signedBy(String issuer) throws JOSEException {
    Instant now = Instant.now();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k").build(),
        new JWTClaimsSet.Builder().subject("alice").issuer(issuer).audience("tollgate")
            .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
            .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  void issuerGivenWithASlash_providerStatesItWithout_keysAreFoundAndItsTokensAccepted()
      throws Exception {
    statedIssuer.set(base());

    OidcIdentityProvider verifier = new OidcIdentityProvider(settings(base() + "/",
        Optional.empty()));

    assertThat(verifier.verify(signedBy(base())))
        .isInstanceOf(Authentication.Authenticated.class);
  }

  @Test
  void issuerGivenWithoutTheSlash_providerStatesItWithOne_itsTokensAccepted() throws Exception {
    statedIssuer.set(base() + "/");

    OidcIdentityProvider verifier = new OidcIdentityProvider(settings(base(), Optional.empty()));

    assertThat(verifier.verify(signedBy(base() + "/")))
        .isInstanceOf(Authentication.Authenticated.class);
  }

  @Test
  void discoveryDocumentOfAnotherIssuer_isRefusedAtStart_namingBothIssuers() {
    statedIssuer.set("https://other.example.test");

    assertThatThrownBy(() -> new OidcIdentityProvider(settings(base(), Optional.empty())))
        .hasMessageContaining("--oauth-issuer " + base())
        .hasMessageContaining("states its issuer as https://other.example.test")
        .hasMessageNotContaining("--oauth-jwks");
  }

  @Test
  void keysGivenWithOAuthJwks_tokenCarriesTheOtherSpelling_isAccepted() throws Exception {
    OidcIdentityProvider verifier = new OidcIdentityProvider(settings(base() + "/",
        Optional.of(URI.create(base() + "/certs"))));

    assertThat(verifier.verify(signedBy(base())))
        .isInstanceOf(Authentication.Authenticated.class);
  }

  @Test
  void tokenOfAnotherIssuer_isRejected_namingTheIssuerExpectedAndTheOneItCarries()
      throws Exception {
    OidcIdentityProvider verifier = new OidcIdentityProvider(settings(base(),
        Optional.of(URI.create(base() + "/certs"))));

    Authentication answer = verifier.verify(signedBy("https://other.example.test/"));

    assertThat(answer).isInstanceOfSatisfying(Authentication.Rejected.class, rejected ->
        assertThat(rejected.reason())
            .contains("issued by \"https://other.example.test/\"")
            .contains("accepts access tokens of " + base()));
  }

  @Test
  void discovery_signInEndpoints_areTheDocumentsAuthorizationAndTokenEndpoints() {
    statedIssuer.set(base());
    OidcDiscovery discovery = new OidcDiscovery(settings(base() + "/", Optional.empty()));

    OidcDiscovery.SignInEndpoints endpoints = discovery.signInEndpoints();
    assertThat(endpoints.issuer()).isEqualTo(base());
    assertThat(endpoints.authorization()).isEqualTo(URI.create(base() + "/authorize"));
    assertThat(endpoints.token()).isEqualTo(URI.create(base() + "/token"));
    assertThat(discovery.keys()).isEqualTo(URI.create(base() + "/certs"));
  }

  @Test
  void unreadableDiscovery_signInEndpoints_isRefusedSayingWhatToDo() {
    String nobody = "http://127.0.0.1:1"; // nothing listens on port 1

    assertThatThrownBy(() -> new OidcDiscovery(settings(nobody, Optional.empty()))
        .signInEndpoints()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot read the OpenID discovery document of " + nobody)
        .hasMessageEndingWith("the console's sign-in needs its endpoints (or leave"
            + " --oauth-console-client-id out)");
  }

  @Test
  void plainHttpTokenEndpointOffLoopback_signInEndpoints_isRefusedNamingIt() throws Exception {
    statedIssuer.set(base());
    provider.removeContext("/.well-known/openid-configuration");
    provider.createContext("/.well-known/openid-configuration", exchange -> {
      byte[] body = discoveryDocument().replace(base() + "/token", "http://idp.example.com/token")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });

    assertThatThrownBy(() -> new OidcDiscovery(settings(base(), Optional.empty()))
        .signInEndpoints()).hasMessage("token endpoint http://idp.example.com/token is not"
            + " supported; expected an https:// URL (plain http only on loopback: anyone on the"
            + " way could read or change the codes and tokens that pass)");
  }
}
