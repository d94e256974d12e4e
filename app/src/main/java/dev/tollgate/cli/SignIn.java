package dev.tollgate.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a sign-in at the identity provider gave: an access token to present to Tollgate, the
 * refresh token that renews it, and when the access token expires. Bound to the client and token
 * endpoint that issued it, so that a profile pointed at another provider never presents it.
 */
record SignIn(String clientId, String tokenUrl, String accessToken, Optional<String> refreshToken,
    Optional<Instant> expiresAt) {

  /** An access token this close to its expiry is renewed before use, not sent to fail. */
  static final Duration EARLY = Duration.ofSeconds(30);

  /** Whether the access token may still be presented at {@code now}. */
  boolean usableAt(Instant now) {
    return expiresAt.map(at -> now.plus(EARLY).isBefore(at)).orElse(true);
  }

  boolean issuedFor(OAuth2Profile oauth2) {
    return clientId.equals(oauth2.clientId()) && tokenUrl.equals(oauth2.tokenUrl().toString());
  }

  @Override
  public String toString() {
    return "SignIn[client " + clientId + " at " + tokenUrl + ", expires "
        + expiresAt.map(Instant::toString).orElse("unknown") + ", refresh token "
        + (refreshToken.isPresent() ? "present" : "absent") + "]";
  }
}
