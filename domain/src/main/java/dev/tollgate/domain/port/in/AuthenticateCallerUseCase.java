package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.Authentication;

/** Turns a presented bearer credential into a caller of the management API. */
public interface AuthenticateCallerUseCase {

  /**
   * Checks a management or database token, the bootstrap admin token or an OAuth access token.
   * This is a query: it never throws for a bad credential, it returns the refusal.
   */
  Authentication authenticate(String credential);

  /**
   * The same for the value of an {@code Authorization} header (HTTP) or {@code authorization}
   * metadata (gRPC), {@code Bearer <credential>} with the scheme in any case, as every door reads
   * it; none, or another scheme, is refused with the reason.
   */
  default Authentication authenticateHeader(String header) {
    if (header == null) {
      return new Authentication.Rejected(
          "no credential was presented; expected 'Authorization: Bearer <token>'");
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return new Authentication.Rejected(
          "the Authorization header is not of the form 'Bearer <token>'");
    }
    return authenticate(header.substring(BEARER.length()).trim());
  }

  /** The scheme of {@link #authenticateHeader}, with its space. */
  String BEARER = "Bearer ";
}
