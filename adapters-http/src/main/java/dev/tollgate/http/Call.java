package dev.tollgate.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.UserInput;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One admitted request: its caller (allowed the endpoint's operation), the path's token id if
 * any, the body if the endpoint reads one, and where to answer.
 */
record Call(Caller caller, String pathId, JsonNode body, Response response, Callback callback) {

  /** The path's token id. @throws dev.tollgate.domain.model.NotFoundException when not a UUID */
  TokenId tokenId() {
    try {
      return TokenId.parse("tokenId", pathId);
    } catch (dev.tollgate.domain.model.InvalidRequestException e) {
      throw new dev.tollgate.domain.model.NotFoundException("no database token has the id "
          + UserInput.quote(pathId) + "; token ids are UUIDs");
    }
  }
}
