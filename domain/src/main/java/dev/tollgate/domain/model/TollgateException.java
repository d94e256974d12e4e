package dev.tollgate.domain.model;

/** A command the domain refused; the message is written for the person who sent it. */
public abstract sealed class TollgateException extends RuntimeException
    permits InvalidRequestException, NotFoundException, NotAllowedException, ConflictException,
    UnavailableException {

  private static final long serialVersionUID = 1L;

  TollgateException(String message) {
    super(message, null, false, false);
  }
}
