package dev.tollgate.grpc;

import io.grpc.Metadata;

/**
 * The response header that tells a management token's holder when the token stops working, so
 * that a command line can warn before it does. Sent on the management API's answers to calls
 * made with a management token that expires; never for other credentials.
 */
public final class CredentialExpiry {

  /** RFC 3339 (UTC) expiry of the management token the call presented. */
  public static final Metadata.Key<String> HEADER =
      Metadata.Key.of("tollgate-credential-expires-at", Metadata.ASCII_STRING_MARSHALLER);

  private CredentialExpiry() {}
}
