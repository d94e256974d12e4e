package dev.tollgate.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.NotFoundException;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.UserInput;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One admitted request: its caller (allowed the endpoint's operation; null for an open endpoint)
 * and when the caller's credential expires,
 * the path's parameters, the query's known parameters, the body if the endpoint reads one, the
 * cluster named in the path (the Cloud Dedicated form), and where to answer.
 */
record Call(Caller caller, Optional<Instant> expiresAt, Map<String, String> path,
    Map<String, String> query, JsonNode body, Optional<ClusterIds> cluster, Response response,
    Callback callback) {

  /**
   * The path's token id.
   *
   * @param kind what the token is, for the message: "database token"
   * @throws NotFoundException when it is not a UUID
   */
  TokenId tokenId(String kind) {
    String id = path.get("tokenId");
    try {
      return TokenId.parse("tokenId", id);
    } catch (InvalidRequestException e) {
      throw new NotFoundException("no " + kind + " has the id " + UserInput.quote(id)
          + "; token ids are UUIDs");
    }
  }

  /** A query parameter, when given and not empty. */
  Optional<String> query(String name) {
    return Optional.ofNullable(query.get(name)).filter(value -> !value.isEmpty());
  }

  /**
   * A yes-or-no query parameter: {@code true} or {@code false}; {@code false} when absent.
   *
   * @throws InvalidRequestException when it is anything else
   */
  boolean flag(String name) {
    Optional<String> value = query(name);
    if (value.isEmpty() || value.get().equals("false")) {
      return false;
    }
    if (value.get().equals("true")) {
      return true;
    }
    throw new InvalidRequestException(name, UserInput.quote(value.get())
        + " is not a yes or no; expected true or false");
  }

  /**
   * The {@code pageSize} parameter; 0 (the largest page) when absent.
   *
   * @throws InvalidRequestException when it is not a whole number
   */
  int pageSize() {
    Optional<String> size = query("pageSize");
    if (size.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(size.get());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("pageSize", UserInput.quote(size.get())
          + " is not a page size; expected a whole number, or none for the largest page");
    }
  }
}
