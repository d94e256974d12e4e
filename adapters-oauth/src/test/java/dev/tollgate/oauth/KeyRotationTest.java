package dev.tollgate.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
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
import dev.tollgate.domain.model.UnavailableException;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The identity provider rotates its signing key: a token signed with the new key works at once,
 * and a flood of made-up key ids cannot make Tollgate fetch the key set again and again.
 */
class KeyRotationTest {

  private static final String ISSUER = "https://idp.example.test";

  private final AtomicReference<byte[]> published = new AtomicReference<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private final AtomicReference<String> discovery = new AtomicReference<>();
  private HttpServer identityProvider;
  private OidcIdentityProvider provider;

  /** What a door makes of a verification. */
  private enum Verdict { AUTHENTICATED, REJECTED, UNAVAILABLE }

  @BeforeEach
  void start() throws Exception {
    identityProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    identityProvider.createContext("/.well-known/openid-configuration", exchange -> {
      byte[] body = discovery.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    identityProvider.createContext("/certs", exchange -> {
      fetches.incrementAndGet();
      byte[] body = published.get();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    identityProvider.start();
    provider = new OidcIdentityProvider(settings());
  }

  private OAuthSettings settings() {
    return new OAuthSettings(ISSUER, "tollgate", Optional.of(URI.create("http://127.0.0.1:"
        + identityProvider.getAddress().getPort() + "/certs")), "sub",
        Map.of("alice", Set.of(UserGroup.ADMIN)));
  }

  @AfterEach
  void stop() {
    identityProvider.stop(0);
  }

  private void publish(RSAKey... keys) {
    JWKSet set = new JWKSet(java.util.Arrays.stream(keys).map(RSAKey::toPublicJWK)
        .map(k -> (com.nimbusds.jose.jwk.JWK) k).toList());
    published.set(set.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String signed(RSAKey key, String keyId) throws Exception {
    return signed(key, keyId, ISSUER);
  }

  private static String signed(RSAKey key, String keyId, String issuer) throws Exception {
    Instant now = Instant.now();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId)
        .type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder().subject("alice")
        .issuer(issuer).audience("tollgate").issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))).build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private Verdict verify(String jwt) {
    return verify(provider, jwt);
  }

  private static Verdict verify(OidcIdentityProvider provider, String jwt) {
    try {
      return provider.verify(jwt) instanceof Authentication.Authenticated ? Verdict.AUTHENTICATED
          : Verdict.REJECTED;
    } catch (UnavailableException e) {
      return Verdict.UNAVAILABLE;
    }
  }

  @Test
  void rotatedKey_worksAtOnce_aFloodOfUnknownKeyIdsFetchesTheKeySetAtMostOnceMore()
      throws Exception {
    RSAKey old = new RSAKeyGenerator(2048).keyID("old").generate();
    publish(old);
    assertThat(verify(signed(old, "old"))).isEqualTo(Verdict.AUTHENTICATED);

    RSAKey rotated = new RSAKeyGenerator(2048).keyID("new").generate();
    publish(rotated);
    assertThat(verify(signed(rotated, "new"))).as("the new key at once")
        .isEqualTo(Verdict.AUTHENTICATED);
    int afterRotation = fetches.get();

    for (int i = 0; i < 50; i++) {
      // refused when the key set was fetched anew for it; to be retried when it may not be yet
      assertThat(verify(signed(rotated, "made-up-" + i)))
          .isIn(Verdict.REJECTED, Verdict.UNAVAILABLE);
    }
    assertThat(fetches.get() - afterRotation).as("fetches caused by 50 unknown key ids")
        .isLessThanOrEqualTo(1);
    assertThat(verify(signed(rotated, "new"))).isEqualTo(Verdict.AUTHENTICATED);
  }

  @Test
  void unknownKeyIdWhileTheKeySetMayNotBeFetchedAgain_verify_isUnavailableAndSaysToRetry()
      throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
    publish(key);
    OidcIdentityProvider limited = new OidcIdentityProvider(settings(), Duration.ofMinutes(4));
    assertThat(verify(limited, signed(key, "k"))).isEqualTo(Verdict.AUTHENTICATED);
    assertThat(verify(limited, signed(key, "made-up-1")))
        .as("the key set fetched anew does not have it: the credential is bad")
        .isEqualTo(Verdict.REJECTED);
    int fetched = fetches.get();

    String madeUp = signed(key, "made-up-2");

    assertThat(verify(limited, madeUp)).as("a limit is retryable, not a bad credential")
        .isEqualTo(Verdict.UNAVAILABLE);
    assertThat(fetches.get()).as("no fetch over the limit").isEqualTo(fetched);
    assertThatThrownBy(() -> limited.verify(madeUp)).hasMessage("the OAuth access token is"
        + " signed with a key the identity provider's key set did not have when it was last"
        + " fetched, and it may be fetched again only once every 240 s; retry after that");
  }

  private String base() {
    return "http://127.0.0.1:" + identityProvider.getAddress().getPort();
  }

  private String discoveryDocument(String jwksUri) {
    return "{\"issuer\": \"" + base() + "\", \"jwks_uri\": \"" + jwksUri + "\","
        + " \"authorization_endpoint\": \"" + base() + "/authorize\","
        + " \"token_endpoint\": \"" + base() + "/token\","
        + " \"response_types_supported\": [\"code\"],"
        + " \"subject_types_supported\": [\"public\"],"
        + " \"id_token_signing_alg_values_supported\": [\"RS256\"]}";
  }

  @Test
  void issuerAlone_keysComeFromItsOpenIdDiscoveryDocument() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
    publish(key);
    discovery.set(discoveryDocument(base() + "/certs"));

    OidcIdentityProvider discovered = new OidcIdentityProvider(new OAuthSettings(base(),
        "tollgate", Optional.empty(), "sub", Map.of("alice", Set.of(UserGroup.ADMIN))));

    assertThat(verify(discovered, signed(key, "k", base()))).isEqualTo(Verdict.AUTHENTICATED);
  }

  @Test
  void discoveryDocumentPointingAtPlainHttpElsewhere_isRefusedAtStart() {
    discovery.set(discoveryDocument("http://idp.attacker.example/certs"));

    assertThatThrownBy(() -> new OidcIdentityProvider(
        new OAuthSettings(base(), "tollgate", Optional.empty(), "sub", Map.of())))
        .hasMessageContaining("http://idp.attacker.example/certs is not supported");
  }
}
