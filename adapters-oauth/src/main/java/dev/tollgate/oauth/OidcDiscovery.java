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
 * Reads the key set location from the issuer's OpenID discovery document, once the document has
 * shown that it is that issuer's ({@link OAuthSettings#isIssuer}).
 */
final class OidcDiscovery {

  private static final Logger LOG = LoggerFactory.getLogger(OidcDiscovery.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private OidcDiscovery() {}

  /**
   * The {@code jwks_uri} of the discovery document of {@code settings.issuer()}.
   *
   * @throws IllegalStateException naming the issuer and what to do, when the document cannot be
   *     read, names no keys, or is another issuer's
   */
  static URI keys(OAuthSettings settings) {
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
          + " (" + e.getMessage() + "); give the identity provider's keys with --oauth-jwks", e);
    }
    String stated = metadata.getIssuer().getValue();
    if (!settings.isIssuer(stated)) {
      throw new IllegalStateException("--oauth-issuer " + issuer + " is not the issuer of the"
          + " identity provider there: its discovery document (" + location + ") states its"
          + " issuer as " + stated + "; give --oauth-issuer as the provider states it");
    }
    URI keys = metadata.getJWKSetURI();
    if (keys == null) {
      throw new IllegalStateException("the OpenID discovery document of " + issuer
          + " names no jwks_uri; give the identity provider's keys with --oauth-jwks");
    }
    OAuthSettings.requireSafe("JWKS location", keys);
    LOG.info("identity provider {}: keys from {} (OpenID discovery)", stated, keys);
    return keys;
  }
}
