package dev.tollgate.oauth;

import dev.tollgate.domain.model.UserGroup;
import dev.tollgate.net.Loopback;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How OAuth access tokens from the cluster's identity provider are verified, and which users the
 * cluster admits with which groups (Clustered's {@code admin.users}).
 *
 * @param jwks a {@code file:} or {@code https:} URI of the identity provider's JSON Web Key Set
 *     ({@code http:} is accepted on loopback only); when empty, the {@code jwks_uri} of the
 *     issuer's OpenID discovery document
 * @param userClaim the claim that holds the user id matched against {@code users}, usually "sub"
 */
public record OAuthSettings(String issuer, String audience, Optional<URI> jwks, String userClaim,
    Map<String, Set<UserGroup>> users) {

  public OAuthSettings {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(jwks, "jwks");
    Objects.requireNonNull(userClaim, "userClaim");
    users = Map.copyOf(users);
    jwks.ifPresent(location -> {
      if (!"file".equals(location.getScheme())) {
        requireSafe("JWKS location", location);
      }
    });
    if (jwks.isEmpty()) {
      requireSafe("issuer", URI.create(issuer));
    }
  }

  /**
   * Whether {@code claimed} names this issuer: {@link #issuer()} with or without one trailing
   * slash. Providers differ (Auth0 ends its issuer with a slash; Keycloak, Entra ID and Spring
   * Authorization Server do not) and operators copy either spelling; both name the same
   * authority, whose discovery document and keys are at the same place.
   */
  boolean isIssuer(String claimed) {
    return claimed != null && withoutSlash(claimed).equals(withoutSlash(issuer));
  }

  private static String withoutSlash(String issuer) {
    return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
  }

  /** Keys come from there as they are: https, or plain http on loopback only. */
  static void requireSafe(String what, URI location) {
    String scheme = location.getScheme() == null ? "" : location.getScheme();
    boolean loopbackHttp = scheme.equals("http") && Loopback.isLoopback(location.getHost());
    if (!scheme.equals("https") && !loopbackHttp) {
      boolean keys = what.equals("JWKS location") || what.equals("issuer");
      throw new IllegalArgumentException(what + " " + location + " is not supported; expected"
          + (what.equals("JWKS location") ? " a file path or" : "") + " an https:// URL (plain"
          + " http only on loopback: anyone on the way could "
          + (keys ? "swap the keys)" : "read or change the codes and tokens that pass)"));
    }
  }
}
