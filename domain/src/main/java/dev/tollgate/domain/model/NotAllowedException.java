package dev.tollgate.domain.model;

/** The caller is known but may not perform the operation. */
public final class NotAllowedException extends TollgateException {

  private static final long serialVersionUID = 1L;

  public NotAllowedException(String message) {
    super(message);
  }
}
