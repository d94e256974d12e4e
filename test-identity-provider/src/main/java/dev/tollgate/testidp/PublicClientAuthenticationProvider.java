package dev.tollgate.testidp;

import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Authenticates a {@link PublicClientAuthenticationToken}: the client must be registered with
 * client authentication method {@code none}.
 */
final class PublicClientAuthenticationProvider implements AuthenticationProvider {

  private final RegisteredClientRepository clients;

  PublicClientAuthenticationProvider(RegisteredClientRepository clients) {
    this.clients = clients;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String clientId = (String) authentication.getPrincipal();
    RegisteredClient client = clients.findByClientId(clientId);
    if (client == null) {
      throw invalidClient("unknown client_id");
    }
    if (!client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
      throw invalidClient("client " + clientId + " is not a public client");
    }
    return new PublicClientAuthenticationToken(client);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return PublicClientAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private static OAuth2AuthenticationException invalidClient(String description) {
    return new OAuth2AuthenticationException(
        new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description, null));
  }
}
