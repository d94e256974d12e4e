package dev.tollgate.grpc;

import dev.tollgate.domain.model.UserGroup;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How OAuth access tokens from the cluster's identity provider are verified, and which users the
 * cluster admits with which groups (Clustered's {@code admin.users}).
 *
 * @param jwks a {@code file:} or {@code https:} URI of the identity provider's JSON Web Key Set
 *     ({@code http:} is accepted on loopback only)
 * @param userClaim the claim that holds the user id matched against {@code users}, usually "sub"
 */
public record OAuthSettings(String issuer, String audience, URI jwks, String userClaim,
    Map<String, Set<UserGroup>> users) {

  public OAuthSettings {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(jwks, "jwks");
    Objects.requireNonNull(userClaim, "userClaim");
    users = Map.copyOf(users);
    String scheme = jwks.getScheme() == null ? "" : jwks.getScheme();
    boolean loopbackHttp = scheme.equals("http") && Loopback.isLoopback(jwks.getHost());
    if (!scheme.equals("file") && !scheme.equals("https") && !loopbackHttp) {
      throw new IllegalArgumentException("JWKS location " + jwks + " is not supported; expected a"
          + " file path or an https:// URL (plain http only on loopback: anyone on the way could"
          + " swap the keys)");
    }
  }
}
