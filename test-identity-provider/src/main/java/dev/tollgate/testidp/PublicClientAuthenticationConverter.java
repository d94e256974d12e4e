package dev.tollgate.testidp;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads a public client's {@code client_id} from requests that carry no other client
 * credentials: device authorization requests and token requests for the device_code and
 * refresh_token grants (what influxctl and Tollgate's CLI send). Spring's own converters accept a
 * bare {@code client_id} only for authorization_code with PKCE, so without this one those requests
 * fail with invalid_client.
 */
final class PublicClientAuthenticationConverter implements AuthenticationConverter {

  private static final Set<String> GRANTS = Set.of(
      AuthorizationGrantType.DEVICE_CODE.getValue(), AuthorizationGrantType.REFRESH_TOKEN.getValue());

  private final String deviceAuthorizationEndpoint;
  private final String tokenEndpoint;

  PublicClientAuthenticationConverter(String deviceAuthorizationEndpoint, String tokenEndpoint) {
    this.deviceAuthorizationEndpoint = deviceAuthorizationEndpoint;
    this.tokenEndpoint = tokenEndpoint;
  }

  @Override
  public Authentication convert(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
        || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
      return null; // credentials of another kind: Spring's converters handle them
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean deviceAuthorization = path.equals(deviceAuthorizationEndpoint);
    boolean token = path.equals(tokenEndpoint)
        && GRANTS.contains(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
    if (!deviceAuthorization && !token) {
      return null;
    }
    String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
    if (clientIds == null) {
      return null;
    }
    if (clientIds.length != 1 || clientIds[0].isBlank()) {
      throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
    }
    return new PublicClientAuthenticationToken(clientIds[0]);
  }
}
