package dev.tollgate.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tollgate.domain.model.Authentication;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.UnavailableException;
import dev.tollgate.domain.model.UserGroup;
import dev.tollgate.domain.model.UserInput;
import dev.tollgate.domain.port.out.IdentityProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies RS256 and ES256 access tokens against the identity provider's keys (nimbus-jose-jwt):
 * signature, issuer, audience, expiry and not-before, then looks the user up in the user list.
 */
final class OidcIdentityProvider implements IdentityProvider {

  private static final Logger LOG = LoggerFactory.getLogger(OidcIdentityProvider.class);

  /** At most one fetch of the key set in this time, however many unknown key ids arrive. */
  static final Duration MIN_REFETCH = Duration.ofSeconds(10);

  /** created_by and revoked_by hold "user:" and the id. */
  private static final int MAX_USER_ID = 256;

  private final OAuthSettings settings;
  /** Where the keys come from: the key set given, or the one the issuer publishes. */
  private final URI keys;
  private final Duration minRefetch;
  private final ConfigurableJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  OidcIdentityProvider(OAuthSettings settings) {
    this(settings, new OidcDiscovery(settings), MIN_REFETCH);
  }

  /** @param minRefetch the least time between two fetches of the key set */
  OidcIdentityProvider(OAuthSettings settings, Duration minRefetch) {
    this(settings, new OidcDiscovery(settings), minRefetch);
  }

  /**
   * @param discovery the issuer's discovery document, read for the keys only when the settings
   *     name none
   * @param minRefetch the least time between two fetches of the key set
   */
  OidcIdentityProvider(OAuthSettings settings, OidcDiscovery discovery, Duration minRefetch) {
    this.settings = settings;
    this.minRefetch = minRefetch;
    this.keys = settings.jwks().orElseGet(discovery::keys);
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
        new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
        Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keySource(keys, minRefetch)));
    // the issuer is checked after the signature, by OAuthSettings.isIssuer: the library's exact
    // match would refuse the provider's own spelling, and say neither issuer
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
        Set.of(settings.audience()),
        new JWTClaimsSet.Builder().build(),
        Set.of(settings.userClaim(), "exp", "iss"),
        null));
  }

  private static JWKSource<SecurityContext> keySource(URI location, Duration minRefetch) {
    if ("file".equals(location.getScheme())) {
      try {
        return new ImmutableJWKSet<>(JWKSet.load(new File(location)));
      } catch (IOException | ParseException e) {
        throw new IllegalArgumentException("cannot read the JWKS file " + location.getPath()
            + ": " + e.getMessage() + "; expected a JSON Web Key Set", e);
      }
    }
    try {
      // a key id not in the set fetches it again (a rotated key works at once), one fetch in
      // flight and at most one per minRefetch, so made-up key ids cannot hammer the provider
      return JWKSourceBuilder.<SecurityContext>create(location.toURL())
          .rateLimited(minRefetch.toMillis())
          .retrying(true)
          .build();
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Authentication verify(String accessToken) {
    if (accessToken.chars().filter(c -> c == '.').count() != 2) {
      return new Authentication.Rejected(
          "the credential is neither a Tollgate token nor a JWT access token");
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(accessToken, null);
    } catch (RateLimitReachedException e) {
      // a key id not in the set, asked before the set may be fetched anew: perhaps a key the
      // provider published a moment ago, so not a bad credential but a retryable answer
      throw new UnavailableException("the OAuth access token is signed with a key the identity"
          + " provider's key set did not have when it was last fetched, and it may be fetched"
          + " again only once every " + minRefetch.toSeconds() + " s; retry after that");
    } catch (KeySourceException e) {
      // the key set's location is for the operator's log, not for the client
      LOG.warn("cannot get the identity provider's keys from {}: {}", keys,
          e.getMessage());
      throw new UnavailableException("cannot get the identity provider's keys; the server log"
          + " says why");
    } catch (ParseException | BadJOSEException | JOSEException e) {
      return new Authentication.Rejected("the OAuth access token was refused: " + e.getMessage());
    }
    if (!settings.isIssuer(claims.getIssuer())) {
      return new Authentication.Rejected("the OAuth access token was issued by "
          + UserInput.quote(String.valueOf(claims.getIssuer())) + ", and this server accepts"
          + " access tokens of " + settings.issuer() + " only (its --oauth-issuer)");
    }
    Object user = claims.getClaim(settings.userClaim());
    if (!(user instanceof String userId) || userId.isBlank() || userId.length() > MAX_USER_ID) {
      return new Authentication.Rejected("the OAuth access token has no user id of 1 to "
          + MAX_USER_ID + " characters in claim " + settings.userClaim());
    }
    Set<UserGroup> groups = settings.users().getOrDefault(userId, Set.of());
    return new Authentication.Authenticated(new Caller.User(userId, groups),
        java.util.Optional.ofNullable(claims.getExpirationTime()).map(java.util.Date::toInstant));
  }
}
