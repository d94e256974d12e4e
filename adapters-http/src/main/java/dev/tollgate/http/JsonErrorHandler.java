package dev.tollgate.http;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Jetty's own refusals (a malformed request line, headers too large) in the API's error shape. */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  protected void generateResponse(Request request, Response response, int code, String message,
      Throwable cause, Callback callback) {
    String text = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
    Answers.error(response, callback, code, text);
  }
}
