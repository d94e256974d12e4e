package dev.tollgate.domain.model;

/** A request field holds a value the domain cannot accept; {@link #field()} names it in snake_case. */
public final class InvalidRequestException extends TollgateException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String reason;

  public InvalidRequestException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** The request field at fault, e.g. {@code expires_at}. */
  public String field() {
    return field;
  }

  /** What is wrong with the value and what is expected, without the field name. */
  public String reason() {
    return reason;
  }
}
