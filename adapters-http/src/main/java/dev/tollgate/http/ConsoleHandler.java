package dev.tollgate.http;

import dev.tollgate.domain.model.UserInput;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The web console's static files, served in front of the API on the same origin: {@code /} and
 * {@code /console} redirect to {@code /console/}, each file under {@code /console/} is answered
 * from the jar with a strict Content-Security-Policy and no framing, and every other path goes on
 * to the API. The console is no API route: the OpenAPI document does not list it.
 */
final class ConsoleHandler extends Handler.Wrapper {

  static final String PATH = "/console/";

  /** Same origin only, no inline script or style, never framed. */
  static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy(Optional.empty());

  /** Every file the console has, by its name under {@link #PATH}, with its content type. */
  private static final Map<String, String> FILES = files();

  private final Map<String, byte[]> contents = new LinkedHashMap<>();
  private final String contentSecurityPolicy;

  /** The console in front of {@code api}, signing in at the identity provider if {@code signIn}. */
  ConsoleHandler(Handler api, Optional<OAuthSignIn> signIn) {
    super(api);
    FILES.keySet().forEach(name -> contents.put(name, Answers.resource("console/" + name)));
    contentSecurityPolicy = contentSecurityPolicy(signIn);
  }

  /**
   * Same origin only, no inline script or style, never framed; with OAuth sign-in, fetch may
   * reach the token endpoint's origin too, where the console exchanges its code.
   */
  static String contentSecurityPolicy(Optional<OAuthSignIn> signIn) {
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " connect-src 'self'" + signIn.map(oauth -> " " + oauth.tokenOrigin()).orElse("")
        + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
  }

  private static Map<String, String> files() {
    String js = "text/javascript; charset=utf-8";
    Map<String, String> files = new LinkedHashMap<>();
    files.put("index.html", "text/html; charset=utf-8");
    files.put("console.css", "text/css; charset=utf-8");
    for (String module : new String[] {"main.js", "api.js", "view.js", "format.js",
        "permissions.js", "dialogs.js", "database-tokens.js", "management-tokens.js",
        "oauth.js", "audit.js", "replica.js"}) {
      files.put(module, js);
    }
    return files;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    if (path == null || !(path.equals("/") || path.equals("/console")
        || path.startsWith(PATH))) {
      return super.handle(request, response, callback);
    }
    secure(response);
    if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
      Answers.error(response, callback, 405, "method " + UserInput.quote(request.getMethod())
          + " is not allowed on the console; expected GET or HEAD");
      return true;
    }
    if (!path.startsWith(PATH)) {
      response.setStatus(302);
      response.getHeaders().put(HttpHeader.LOCATION, PATH);
      callback.succeeded();
      return true;
    }
    String name = path.substring(PATH.length());
    name = name.isEmpty() ? "index.html" : name;
    byte[] body = contents.get(name);
    if (body == null) {
      Answers.error(response, callback, 404, "the console has no file "
          + UserInput.quote(name) + "; expected one of " + String.join(", ", FILES.keySet()));
      return true;
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, FILES.get(name));
    // the page is small and changes with the jar; files are checked again on every load
    response.getHeaders().put(HttpHeader.CACHE_CONTROL,
        name.endsWith(".html") ? "no-store" : "no-cache");
    if (request.getMethod().equals("HEAD")) {
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
      callback.succeeded();
    } else {
      response.write(true, ByteBuffer.wrap(body), callback);
    }
    return true;
  }

  /** The headers every console answer carries, an error or a redirect too. */
  private void secure(Response response) {
    response.getHeaders().put("Content-Security-Policy", contentSecurityPolicy);
    response.getHeaders().put("X-Frame-Options", "DENY");
    response.getHeaders().put("Referrer-Policy", "no-referrer");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
  }
}
