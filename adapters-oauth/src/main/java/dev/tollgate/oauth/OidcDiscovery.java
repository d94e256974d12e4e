package dev.tollgate.oauth;

import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's OpenID discovery document, read once when first asked and only once it has shown
 * that it is that issuer's ({@link OAuthSettings#isIssuer}): where its keys are, and where a
 * browser signs in.
 */
public final class OidcDiscovery {

  /** Where a browser signs a person in at the issuer: authorization code with PKCE. */
  public record SignInEndpoints(String issuer, URI authorization, URI token) {}

  private static final Logger LOG = LoggerFactory.getLogger(OidcDiscovery.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final OAuthSettings settings;
  private OIDCProviderMetadata metadata;

  OidcDiscovery(OAuthSettings settings) {
    this.settings = settings;
  }

  /**
   * The {@code jwks_uri} of the discovery document.
   *
   * @throws IllegalStateException naming the issuer and what to do, when the document cannot be
   *     read, names no keys, or is another issuer's
   */
  URI keys() {
    URI keys = metadata("give the identity provider's keys with --oauth-jwks").getJWKSetURI();
    if (keys == null) {
      throw new IllegalStateException("the OpenID discovery document of " + settings.issuer()
          + " names no jwks_uri; give the identity provider's keys with --oauth-jwks");
    }
    OAuthSettings.requireSafe("JWKS location", keys);
    LOG.info("identity provider {}: keys from {} (OpenID discovery)", settings.issuer(), keys);
    return keys;
  }

  /**
   * The {@code authorization_endpoint} and {@code token_endpoint} of the discovery document.
   *
   * @throws IllegalStateException naming the issuer and what is missing, when the document cannot
   *     be read, is another issuer's, or lacks either endpoint
   * @throws IllegalArgumentException when an endpoint is neither https nor http on loopback
   */
  public SignInEndpoints signInEndpoints() {
    OIDCProviderMetadata document = metadata("the console's sign-in needs its endpoints (or"
        + " leave --oauth-console-client-id out)");
    URI authorization = document.getAuthorizationEndpointURI();
    URI token = document.getTokenEndpointURI();
    if (authorization == null || token == null) {
      throw new IllegalStateException("the OpenID discovery document of " + settings.issuer()
          + " names no " + (authorization == null ? "authorization_endpoint" : "token_endpoint")
          + "; the console signs in with the authorization code grant, so the identity provider"
          + " must offer it (or leave --oauth-console-client-id out)");
    }
    OAuthSettings.requireSafe("authorization endpoint", authorization);
    OAuthSettings.requireSafe("token endpoint", token);
    return new SignInEndpoints(document.getIssuer().getValue(), authorization, token);
  }

  /** The document, read at the first ask; {@code remedy} says what to do when it cannot be. */
  private synchronized OIDCProviderMetadata metadata(String remedy) {
    if (metadata == null) {
      metadata = read(settings, remedy);
    }
    return metadata;
  }

  private static OIDCProviderMetadata read(OAuthSettings settings, String remedy) {
    String issuer = settings.issuer();
    URL location;
    OIDCProviderMetadata metadata;
    try {
      location = OIDCProviderMetadata.resolveURL(new Issuer(issuer));
      HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, location);
      request.setConnectTimeout((int) TIMEOUT.toMillis());
      request.setReadTimeout((int) TIMEOUT.toMillis());
      HTTPResponse response = request.send();
      if (response.getStatusCode() != 200) {
        throw new IOException(location + " answered HTTP " + response.getStatusCode());
      }
      metadata = OIDCProviderMetadata.parse(response.getBodyAsJSONObject());
    } catch (GeneralException | IOException e) {
      throw new IllegalStateException("cannot read the OpenID discovery document of " + issuer
          + " (" + e.getMessage() + "); " + remedy, e);
    }
    String stated = metadata.getIssuer().getValue();
    if (!settings.isIssuer(stated)) {
      throw new IllegalStateException("--oauth-issuer " + issuer + " is not the issuer of the"
          + " identity provider there: its discovery document (" + location + ") states its"
          + " issuer as " + stated + "; give --oauth-issuer as the provider states it");
    }
    return metadata;
  }
}
