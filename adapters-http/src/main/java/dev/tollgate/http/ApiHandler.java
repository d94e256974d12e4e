package dev.tollgate.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.domain.model.Authentication;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.UserInput;
import dev.tollgate.domain.port.in.AuthenticateCallerUseCase;
import dev.tollgate.net.CredentialExpiry;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The door of the HTTP API: finds the route (404, 405), checks the cluster a Cloud Dedicated path
 * names (404), identifies the caller from {@code Authorization: Bearer} (401) and checks the
 * operation its use case declares (403) before anything else of the request is read, then reads
 * the query's parameters (400) and a JSON body within its limit (415, 413, 400) and serves the
 * call. Every refusal goes through {@link ErrorMapping}.
 */
final class ApiHandler extends Handler.Abstract {

  private final AuthenticateCallerUseCase authenticate;
  private final Routes routes;
  private final Optional<ClusterIds> cluster;
  private final Json json;

  ApiHandler(AuthenticateCallerUseCase authenticate, Routes routes, Optional<ClusterIds> cluster,
      Json json) {
    this.authenticate = authenticate;
    this.routes = routes;
    this.cluster = cluster;
    this.json = json;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    try {
      Routes.Match match = routes.find(request.getHttpURI().getPath())
          .orElseThrow(() -> new HttpError(404, "nothing is served at this path; the database"
              + " tokens are at " + DatabaseTokenRoutes.TOKENS + ", Tollgate's own resources under "
              + OwnRoutes.PREFIX + ", the API's OpenAPI document at " + OwnRoutes.DOCUMENT
              + ", and the web console at " + ConsoleHandler.PATH));
      Map<String, Endpoint> methods = match.route().methods();
      Endpoint endpoint = methods.get(request.getMethod());
      if (endpoint == null) {
        response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", methods.keySet()));
        throw new HttpError(405, "method " + request.getMethod() + " is not allowed here;"
            + " expected " + String.join(", ", methods.keySet()));
      }
      Optional<ClusterIds> named = namedCluster(match.parameters());
      Caller caller = null;
      Optional<Instant> expiresAt = Optional.empty();
      if (endpoint.needsCaller()) {
        Authentication.Authenticated authenticated = authenticated(request, response);
        caller = authenticated.caller();
        expiresAt = authenticated.expiresAt();
        endpoint.operation().ifPresent(caller::require);
      }
      Map<String, String> query = query(request, endpoint);
      JsonNode body = endpoint.readsBody() ? json.read(body(request)) : null;
      endpoint.action().serve(new Call(caller, expiresAt, match.parameters(), query, body, named,
          response, callback));
    } catch (RuntimeException e) {
      Answers.error(response, callback, e);
    } catch (Exception e) {
      Answers.error(response, callback, new IllegalStateException(e));
    }
    return true;
  }

  /** The cluster a Cloud Dedicated path names, if it is this server's. @throws HttpError 404 */
  private Optional<ClusterIds> namedCluster(Map<String, String> parameters) {
    String account = parameters.get("accountId");
    String clusterId = parameters.get("clusterId");
    if (account == null && clusterId == null) {
      return Optional.empty();
    }
    ClusterIds named = new ClusterIds(account, clusterId);
    if (cluster.isEmpty()) {
      throw new HttpError(404, "this server is not configured with an account and cluster id"
          + " (serve --account-id and --cluster-id), so it serves no path under"
          + " /api/v0/accounts/; use " + DatabaseTokenRoutes.TOKENS);
    }
    if (!cluster.get().equals(named)) {
      throw new HttpError(404, "no cluster " + UserInput.quote(clusterId) + " of account "
          + UserInput.quote(account) + " is served here; this server is cluster "
          + cluster.get().clusterId() + " of account " + cluster.get().accountId());
    }
    return Optional.of(named);
  }

  /** The query's parameters, each one the endpoint knows and given once. @throws HttpError 400 */
  private static Map<String, String> query(Request request, Endpoint endpoint) {
    Fields fields = Request.extractQueryParameters(request);
    Map<String, String> query = new HashMap<>();
    for (Fields.Field field : fields) {
      if (!endpoint.query().contains(field.getName())) {
        throw new HttpError(400, UserInput.quote(field.getName()) + " is not a query parameter"
            + " here; expected " + (endpoint.query().isEmpty() ? "none"
            : String.join(", ", new TreeSet<>(endpoint.query()))));
      }
      if (field.getValues().size() > 1) {
        throw new HttpError(400, "query parameter " + field.getName() + " is given "
            + field.getValues().size() + " times; expected it once");
      }
      query.put(field.getName(), field.getValue());
    }
    return query;
  }
  /** The caller the bearer credential identifies. @throws HttpError 401 when none */
  private Authentication.Authenticated authenticated(Request request, Response response) {
    Authentication result =
        authenticate.authenticateHeader(request.getHeaders().get(HttpHeader.AUTHORIZATION));
    if (result instanceof Authentication.Authenticated authenticated) {
      if (authenticated.caller() instanceof Caller.ManagementTokenHolder
          && authenticated.expiresAt().isPresent()) {
        response.getHeaders().put(CredentialExpiry.HEADER,
            authenticated.expiresAt().get().toString());
      }
      return authenticated;
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
