package dev.tollgate.domain.port.out;

import dev.tollgate.domain.model.Authentication;

/** Verifies an OAuth access token from the cluster's identity provider and names its user. */
@FunctionalInterface
public interface IdentityProvider {

  /** Used when no identity provider is configured: every access token is refused. */
  IdentityProvider NONE = credential -> new Authentication.Rejected(
      "the credential is not a Tollgate token and no OAuth identity provider is configured");

  /**
   * Checks signature, issuer, audience, expiry and not-before of the access token and looks its
   * user up in the cluster's user list; an unlisted user is authenticated with no groups. Throws
   * {@link dev.tollgate.domain.model.UnavailableException} when the token cannot be checked now
   * (the provider's keys out of reach, or not to be fetched again yet): a retry may succeed.
   */
  Authentication verify(String accessToken);
}
