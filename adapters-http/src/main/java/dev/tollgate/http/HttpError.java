package dev.tollgate.http;

/** A refusal the HTTP door decides by itself (path, method, media type, size, syntax). */
final class HttpError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
