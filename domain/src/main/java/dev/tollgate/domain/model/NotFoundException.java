package dev.tollgate.domain.model;

/** The request names something that does not exist (or that the caller may not see). */
public final class NotFoundException extends TollgateException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
