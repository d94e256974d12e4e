package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.Authentication;

/** Turns a presented bearer credential into a caller of the management API. */
public interface AuthenticateCallerUseCase {

  /**
   * Checks a management or database token, the bootstrap admin token or an OAuth access token.
   * This is a query: it never throws for a bad credential, it returns the refusal.
   */
  Authentication authenticate(String credential);
}
