package dev.tollgate.http;

import dev.tollgate.domain.service.UseCases;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;

/**
 * The Management HTTP API, as one Jetty core handler over the same use cases the gRPC door
 * serves: the v0 database-token paths (in both their forms), Tollgate's own resources under
 * {@code /api/tollgate/v1}, and the OpenAPI document of them all.
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
    return handler(useCases, maxBodyBytes, Optional.empty(), Optional.empty());
  }

  /**
   * The API's handler with a body limit of {@code maxBodyBytes}, answering the Cloud Dedicated
   * form of the v0 paths for {@code cluster} (and 404 for every other account and cluster), and
   * telling the console how to sign in at the identity provider ({@code signIn}).
   */
  public static Handler handler(UseCases useCases, int maxBodyBytes,
      Optional<ClusterIds> cluster, Optional<OAuthSignIn> signIn) {
    return new ApiHandler(useCases.authenticateCaller(), routes(useCases, signIn), cluster,
        new Json(maxBodyBytes));
  }

  /** Every path served, in one table, with the console's sign-in as {@code signIn} says. */
  static Routes routes(UseCases useCases, Optional<OAuthSignIn> signIn) {
    List<Route> routes = new ArrayList<>();
    routes.addAll(new DatabaseTokenRoutes(useCases.createDatabaseToken(),
        useCases.listDatabaseTokens(), useCases.getDatabaseToken(),
        useCases.updateDatabaseToken(), useCases.revokeDatabaseTokens()).routes());
    routes.addAll(new ManagementTokenRoutes(useCases.createManagementToken(),
        useCases.listManagementTokens(), useCases.getManagementToken(),
        useCases.revokeManagementTokens(), useCases.rotateToken()).routes());
    routes.addAll(new OwnRoutes(useCases.listDatabaseTokens(), useCases.rotateToken(),
        useCases.tokenEvents(), useCases.replicaStatus(), signIn).routes());
    return new Routes(routes);
  }

  /** Answers what Jetty refuses before the API sees it (bad request lines, huge headers) in JSON. */
  public static Request.Handler errorHandler() {
    return new JsonErrorHandler();
  }
}
