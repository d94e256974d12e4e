package dev.tollgate.http;

import dev.tollgate.domain.model.UserInput;
import java.net.URI;
import java.util.Objects;

/**
 * How the web console signs a person in at the cluster's identity provider: the authorization
 * code grant with PKCE, as the public client {@code clientId}, asking for {@code scope}. The
 * console's Content-Security-Policy lets it reach the token endpoint's origin, and no other.
 *
 * @param issuer the identity provider, as its discovery document states it
 * @param authorizationEndpoint where the browser is sent to sign in
 * @param tokenEndpoint where the console exchanges the code for an access token
 */
public record OAuthSignIn(String issuer, URI authorizationEndpoint, URI tokenEndpoint,
    String clientId, String scope) {

  public OAuthSignIn {
    Objects.requireNonNull(issuer, "issuer");
    absolute("authorization endpoint", authorizationEndpoint);
    absolute("token endpoint", tokenEndpoint);
    requireClientId("client id", clientId);
    requireScope("scope", scope);
  }

  /** @throws IllegalArgumentException naming {@code what} and the value, unless an OAuth client id */
  public static void requireClientId(String what, String clientId) {
    if (clientId == null || !clientId.matches("[\\x21-\\x7e]{1,255}")) {
      throw new IllegalArgumentException(what + " " + UserInput.quote(String.valueOf(clientId))
          + " is not an OAuth client id; expected 1 to 255 printable ASCII characters without"
          + " spaces");
    }
  }

  /** @throws IllegalArgumentException naming {@code what} and the value, unless OAuth scopes */
  public static void requireScope(String what, String scope) {
    String name = "[\\x21\\x23-\\x5b\\x5d-\\x7e]+";
    if (scope == null || !scope.matches(name + "( " + name + ")*")) {
      throw new IllegalArgumentException(what + " " + UserInput.quote(String.valueOf(scope))
          + " is not a list of OAuth scopes; expected scope names separated by single spaces,"
          + " without quotes or backslashes");
    }
  }

  /** The token endpoint's origin, {@code scheme://host[:port]}: all the console may reach there. */
  public String tokenOrigin() {
    return tokenEndpoint.getScheme() + "://" + tokenEndpoint.getRawAuthority();
  }

  private static void absolute(String what, URI endpoint) {
    Objects.requireNonNull(endpoint, what);
    if (!("https".equals(endpoint.getScheme()) || "http".equals(endpoint.getScheme()))
        || endpoint.getRawAuthority() == null || endpoint.getRawAuthority().contains("@")) {
      throw new IllegalArgumentException(what + " " + endpoint + " is not an absolute http(s)"
          + " URL without user information; expected e.g. https://idp.example.com/oauth2/token");
    }
  }
}
