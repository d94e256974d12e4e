package dev.tollgate.domain.model;

/**
 * The answer cannot be given right now, for instance because the token store is out of reach or
 * still loading; the same request may succeed when retried.
 */
public final class UnavailableException extends TollgateException {

  private static final long serialVersionUID = 1L;

  public UnavailableException(String message) {
    super(message);
  }
}
