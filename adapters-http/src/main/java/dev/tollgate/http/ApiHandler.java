package dev.tollgate.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.domain.model.Authentication;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.UserInput;
import dev.tollgate.domain.port.in.AuthenticateCallerUseCase;
import dev.tollgate.net.CredentialExpiry;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The door of the HTTP API: finds the endpoint (404, 405), identifies the caller from
 * {@code Authorization: Bearer} (401), checks the operation its use case declares (403) before the
 * body is read, then reads a JSON body within its limit (415, 413, 400) and serves the call.
 * Every refusal goes through {@link ErrorMapping}.
 */
final class ApiHandler extends Handler.Abstract {

  static final String TOKENS = "/api/v0/tokens";
  private static final String BEARER = "bearer ";

  private final AuthenticateCallerUseCase authenticate;
  private final Map<String, Endpoint> collection;
  private final Map<String, Endpoint> item;
  private final Json json;

  ApiHandler(AuthenticateCallerUseCase authenticate, DatabaseTokenRoutes tokens, Json json) {
    this.authenticate = authenticate;
    this.collection = tokens.collection();
    this.item = tokens.item();
    this.json = json;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    try {
      String path = request.getHttpURI().getPath();
      String pathId = null;
      Map<String, Endpoint> endpoints;
      if (TOKENS.equals(path)) {
        endpoints = collection;
      } else if (path != null && path.startsWith(TOKENS + "/")
          && path.indexOf('/', TOKENS.length() + 1) < 0 && path.length() > TOKENS.length() + 1) {
        endpoints = item;
        pathId = path.substring(TOKENS.length() + 1);
      } else {
        throw new HttpError(404, "nothing is served at this path; the database tokens are at "
            + TOKENS + " and " + TOKENS + "/{tokenId}");
      }
      Endpoint endpoint = endpoints.get(request.getMethod());
      if (endpoint == null) {
        response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", endpoints.keySet()));
        throw new HttpError(405, "method " + request.getMethod() + " is not allowed here;"
            + " expected " + String.join(", ", endpoints.keySet()));
      }
      Caller caller = caller(request, response);
      caller.require(endpoint.operation());
      JsonNode body = endpoint.readsBody() ? json.read(body(request)) : null;
      endpoint.action().serve(new Call(caller, pathId, body, response, callback));
    } catch (RuntimeException e) {
      Answers.error(response, callback, e);
    } catch (Exception e) {
      Answers.error(response, callback, new IllegalStateException(e));
    }
    return true;
  }

  /** The caller the bearer credential identifies. @throws HttpError 401 when none */
  private Caller caller(Request request, Response response) {
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header == null) {
      throw new HttpError(401,
          "no credential was presented; expected 'Authorization: Bearer <token>'");
    }
    if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      throw new HttpError(401, "the Authorization header is not of the form 'Bearer <token>'");
    }
    Authentication result = authenticate.authenticate(header.substring(BEARER.length()).trim());
    if (result instanceof Authentication.Authenticated authenticated) {
      if (authenticated.caller() instanceof Caller.ManagementTokenHolder
          && authenticated.expiresAt().isPresent()) {
        response.getHeaders().put(CredentialExpiry.HEADER,
            authenticated.expiresAt().get().toString());
      }
      return authenticated.caller();
    }
    throw new HttpError(401, ((Authentication.Rejected) result).reason());
  }

  /** The body, if JSON and within the limit. @throws HttpError 415 or 413 otherwise */
  private byte[] body(Request request) throws java.io.IOException {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    String base = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!base.equals(Answers.JSON) && !base.endsWith("+json")) {
      throw new HttpError(415, "the request body must be JSON (Content-Type: application/json);"
          + " it came " + (type == null ? "without a Content-Type" : "as " + UserInput.quote(type)));
    }
    int limit = json.maxBodyBytes();
    String tooLarge = "the request body is larger than " + limit + " bytes";
    if (request.getLength() > limit) {
      throw new HttpError(413, tooLarge);
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] body = in.readNBytes(limit + 1);
      if (body.length > limit) {
        throw new HttpError(413, tooLarge);
      }
      return body;
    }
  }
}
