package dev.tollgate.net;

/**
 * The response header that tells a management token's holder when the token stops working, so
 * that a command line can warn before it does. Sent on the management API's answers to calls
 * made with a management token that expires; never for other credentials.
 */
public final class CredentialExpiry {

  /** Its name; the value is the RFC 3339 (UTC) expiry of the management token the call presented. */
  public static final String HEADER = "tollgate-credential-expires-at";

  private CredentialExpiry() {}
}
