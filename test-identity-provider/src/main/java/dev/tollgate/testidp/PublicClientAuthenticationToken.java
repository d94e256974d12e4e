package dev.tollgate.testidp;

import java.util.Map;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * A public client that identifies itself by {@code client_id} alone, at the device authorization
 * endpoint and at the token endpoint for the device_code and refresh_token grants. Its own type
 * so that only {@link PublicClientAuthenticationProvider} handles it (Spring's own public-client
 * provider insists on PKCE).
 */
final class PublicClientAuthenticationToken extends OAuth2ClientAuthenticationToken {

  private static final long serialVersionUID = 1L;

  PublicClientAuthenticationToken(String clientId) {
    super(clientId, ClientAuthenticationMethod.NONE, null, Map.of());
  }

  PublicClientAuthenticationToken(RegisteredClient registeredClient) {
    super(registeredClient, ClientAuthenticationMethod.NONE, null);
  }
}
