package dev.tollgate.testidp;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The web console's client: public (no secret), authorization code with PKCE (S256) required, no
 * consent page, scope {@code tollgate}, redirected to {@code --tollgate.console-redirect-uris}.
 * A loopback IP literal there matches any port (RFC 8252 §7.3; Spring Authorization Server
 * compares such URIs without their port), so {@code http://127.0.0.1/console/} serves a Tollgate
 * on any port. The token endpoint answers CORS requests from the origins of those URIs, since the
 * console exchanges its code with {@code fetch}.
 */
final class ConsoleClient {

  private final String clientId;
  private final List<URI> redirectUris = new ArrayList<>();

  /** @param redirectUris absolute http(s) URIs without a fragment, separated by commas */
  ConsoleClient(String clientId, String redirectUris) {
    this.clientId = clientId;
    for (String entry : redirectUris.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      URI uri;
      try {
        uri = URI.create(entry.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--tollgate.console-redirect-uris: \"" + entry.strip()
            + "\" is not a URI; expected e.g. http://127.0.0.1/console/", e);
      }
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null || uri.getFragment() != null) {
        throw new IllegalArgumentException("--tollgate.console-redirect-uris: \"" + uri
            + "\" is not an absolute http(s) URI without a fragment; expected e.g."
            + " http://127.0.0.1/console/");
      }
      this.redirectUris.add(uri);
    }
    if (this.redirectUris.isEmpty()) {
      throw new IllegalArgumentException("--tollgate.console-redirect-uris is empty; expected at"
          + " least one URI, e.g. http://127.0.0.1/console/");
    }
  }

  RegisteredClient client(Duration accessTokenTtl) {
    return RegisteredClient.withId(UUID.randomUUID().toString())
        .clientId(clientId)
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUris(uris -> redirectUris.forEach(uri -> uris.add(uri.toString())))
        .scope("tollgate")
        .clientSettings(ClientSettings.builder()
            .requireProofKey(true)
            .requireAuthorizationConsent(false)
            .build())
        .tokenSettings(TokenSettings.builder()
            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
            .accessTokenTimeToLive(accessTokenTtl)
            .build())
        .build();
  }

  /** CORS for the token endpoint (and its preflight), from the redirect URIs' origins only. */
  CorsConfigurationSource cors(String tokenEndpoint) {
    CorsConfiguration configuration = new CorsConfiguration();
    configuration.setAllowedOriginPatterns(List.copyOf(origins()));
    configuration.setAllowedMethods(List.of("POST"));
    configuration.setAllowedHeaders(List.of("Content-Type", "Accept"));
    configuration.setAllowCredentials(false);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration(tokenEndpoint, configuration);
    return source;
  }

  /** Each redirect URI's origin; a loopback IP literal without a port, on any port. */
  private Set<String> origins() {
    Set<String> origins = new LinkedHashSet<>();
    for (URI uri : redirectUris) {
      String origin = uri.getScheme() + "://" + uri.getHost();
      boolean loopback = uri.getHost().equals("127.0.0.1") || uri.getHost().equals("[::1]");
      origins.add(uri.getPort() >= 0 ? origin + ":" + uri.getPort()
          : loopback ? origin + ":[*]" : origin);
    }
    return origins;
  }
}
