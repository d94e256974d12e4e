package dev.tollgate.http;

import dev.tollgate.domain.model.ConflictException;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.NotAllowedException;
import dev.tollgate.domain.model.NotFoundException;
import dev.tollgate.domain.model.UnavailableException;
import dev.tollgate.net.ErrorLines;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP statuses, family for family as the gRPC door maps
 * them. Refusals keep their message; anything unexpected is logged under a fresh error id and the
 * client gets 500 with that id only.
 */
final class ErrorMapping {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  /** A status and the message for the person who sent the request. */
  record Refusal(int status, String message) {}

  private ErrorMapping() {}

  static Refusal toRefusal(RuntimeException e) {
    if (e instanceof HttpError error) {
      return new Refusal(error.status(), error.getMessage());
    }
    if (e instanceof InvalidRequestException invalid) {
      return new Refusal(400, camelCase(invalid.field()) + ": " + invalid.reason());
    }
    if (e instanceof NotFoundException) {
      return new Refusal(404, e.getMessage());
    }
    if (e instanceof NotAllowedException) {
      return new Refusal(403, e.getMessage());
    }
    if (e instanceof ConflictException) {
      return new Refusal(409, e.getMessage());
    }
    if (e instanceof UnavailableException) {
      return new Refusal(503, e.getMessage());
    }
    String errorId = UUID.randomUUID().toString();
    LOG.error("internal error {}: {}", errorId, ErrorLines.oneLine(e));
    return new Refusal(500, "internal error; error id " + errorId);
  }

  /** The domain names fields in snake_case; this API's JSON names them in camelCase. */
  static String camelCase(String field) {
    StringBuilder camel = new StringBuilder(field.length());
    boolean upper = false;
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '_' && i > 0 && i < field.length() - 1) {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return camel.toString();
  }
}
