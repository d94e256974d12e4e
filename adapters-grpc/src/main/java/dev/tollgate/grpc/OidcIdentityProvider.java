package dev.tollgate.grpc;

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
import dev.tollgate.domain.model.UserGroup;
import dev.tollgate.domain.port.out.IdentityProvider;
import io.grpc.Status;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies RS256 and ES256 access tokens against the identity provider's keys (nimbus-jose-jwt):
 * signature, issuer, audience, expiry and not-before, then looks the user up in the user list.
 */
final class OidcIdentityProvider implements IdentityProvider {

  private static final Logger LOG = LoggerFactory.getLogger(OidcIdentityProvider.class);

  /** created_by and revoked_by hold "user:" and the id. */
  private static final int MAX_USER_ID = 256;

  private final OAuthSettings settings;
  private final ConfigurableJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  OidcIdentityProvider(OAuthSettings settings) {
    this.settings = settings;
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
        new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
        Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keySource(settings)));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
        Set.of(settings.audience()),
        new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
        Set.of(settings.userClaim(), "exp"),
        null));
  }

  private static JWKSource<SecurityContext> keySource(OAuthSettings settings) {
    if ("file".equals(settings.jwks().getScheme())) {
      try {
        return new ImmutableJWKSet<>(JWKSet.load(new File(settings.jwks())));
      } catch (IOException | ParseException e) {
        throw new IllegalArgumentException("cannot read the JWKS file " + settings.jwks().getPath()
            + ": " + e.getMessage() + "; expected a JSON Web Key Set", e);
      }
    }
    try {
      return JWKSourceBuilder.<SecurityContext>create(settings.jwks().toURL()).retrying(true).build();
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
      // a key id the provider has not published, asked again before the keys may be fetched anew
      return new Authentication.Rejected("the OAuth access token was refused: it is signed with a"
          + " key the identity provider does not publish");
    } catch (KeySourceException e) {
      // the key set's location is for the operator's log, not for the client
      LOG.warn("cannot get the identity provider's keys from {}: {}", settings.jwks(),
          e.getMessage());
      throw Status.UNAVAILABLE.withDescription("cannot get the identity provider's keys; the"
          + " server log says why").asRuntimeException();
    } catch (ParseException | BadJOSEException | JOSEException e) {
      return new Authentication.Rejected("the OAuth access token was refused: " + e.getMessage());
    }
    Object user = claims.getClaim(settings.userClaim());
    if (!(user instanceof String userId) || userId.isBlank() || userId.length() > MAX_USER_ID) {
      return new Authentication.Rejected("the OAuth access token has no user id of 1 to "
          + MAX_USER_ID + " characters in claim " + settings.userClaim());
    }
    Set<UserGroup> groups = settings.users().getOrDefault(userId, Set.of());
    return new Authentication.Authenticated(new Caller.User(userId, groups));
  }
}
