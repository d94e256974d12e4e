package dev.tollgate.domain.model;

/** The request is well formed but the target's state forbids it, e.g. updating a revoked token. */
public final class ConflictException extends TollgateException {

  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}
