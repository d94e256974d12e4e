package dev.tollgate.http;

import dev.tollgate.domain.service.UseCases;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;

/**
 * The Management HTTP API v0 for database tokens, as one Jetty core handler over the same use
 * cases the gRPC door serves.
 */
public final class HttpApi {

  /** The largest request body accepted, in bytes; a larger one is answered 413. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  private HttpApi() {}

  /** The API's handler, answering every path itself (404 for those it does not serve). */
  public static Handler handler(UseCases useCases) {
    return handler(useCases, DEFAULT_MAX_BODY_BYTES);
  }

  /** The API's handler with a body limit of {@code maxBodyBytes}. */
  public static Handler handler(UseCases useCases, int maxBodyBytes) {
    DatabaseTokenRoutes tokens = new DatabaseTokenRoutes(useCases.createDatabaseToken(),
        useCases.listDatabaseTokens(), useCases.getDatabaseToken(),
        useCases.updateDatabaseToken(), useCases.revokeDatabaseTokens());
    return new ApiHandler(useCases.authenticateCaller(), tokens, new Json(maxBodyBytes));
  }

  /** Answers what Jetty refuses before the API sees it (bad request lines, huge headers) in JSON. */
  public static Request.Handler errorHandler() {
    return new JsonErrorHandler();
  }
}
