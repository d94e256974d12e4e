package dev.tollgate.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes whole answers: a JSON body with its status, no body, or an error object; and reads the
 * files answered from the jar.
 */
final class Answers {

  static final String JSON = "application/json";

  private Answers() {}

  /**
   * A file of this package's resources, read whole once at start.
   *
   * @throws IllegalStateException when the jar lacks it
   */
  static byte[] resource(String name) {
    try (InputStream in = Answers.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void json(Response response, Callback callback, int status, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  static void empty(Response response, Callback callback, int status) {
    response.setStatus(status);
    callback.succeeded();
  }

  /**
   * The error object {@code {"code": N, "message": "..."}}; a 401 also carries the challenge.
   * When the answer has begun already, the exchange fails instead so the client sees it cut.
   */
  static void error(Response response, Callback callback, RuntimeException failure) {
    if (response.isCommitted()) {
      callback.failed(failure);
      return;
    }
    ErrorMapping.Refusal refusal = ErrorMapping.toRefusal(failure);
    error(response, callback, refusal.status(), refusal.message());
  }

  static void error(Response response, Callback callback, int status, String message) {
    if (status == 401) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
    }
    json(response, callback, status, Json.error(status, message));
  }
}
