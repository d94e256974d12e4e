package dev.tollgate.grpc;

import dev.tollgate.domain.model.UserGroup;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

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

  private static final Pattern IPV4_LITERAL =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  public OAuthSettings {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(jwks, "jwks");
    Objects.requireNonNull(userClaim, "userClaim");
    users = Map.copyOf(users);
    String scheme = jwks.getScheme() == null ? "" : jwks.getScheme();
    boolean loopbackHttp = scheme.equals("http") && isLoopback(jwks.getHost());
    if (!scheme.equals("file") && !scheme.equals("https") && !loopbackHttp) {
      throw new IllegalArgumentException("JWKS location " + jwks + " is not supported; expected a"
          + " file path or an https:// URL (plain http only on loopback: anyone on the way could"
          + " swap the keys)");
    }
  }

  /**
   * Whether a URL's host is this machine: {@code localhost} or a literal loopback address. A name
   * is never resolved, so {@code 127.example.com} or a name that resolves to 127.0.0.1 today is
   * not loopback.
   */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    boolean v6 = host.startsWith("[") && host.endsWith("]");
    if (!v6 && !IPV4_LITERAL.matcher(host).matches()) {
      return false;
    }
    try {
      // a literal address: no name lookup happens
      return InetAddress.getByName(v6 ? host.substring(1, host.length() - 1) : host)
          .isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
