package dev.tollgate.app;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OAuth 2.0 authorization server (Spring Authorization Server, module
 * test-identity-provider) run as its own process.
 */
final class IdentityProviderProcess implements AutoCloseable {

  static final String CLIENT_ID = "tollgate-cli";
  static final String AUDIENCE = "tollgate";
  static final List<String> SCOPES = List.of("tollgate", "offline_access");

  private static final String DEFAULT_JAR =
      "../test-identity-provider/target/tollgate-test-identity-provider.jar";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

  private final Process process;
  private final String issuer;
  private final Path log;
  private final Thread drainer;

  private IdentityProviderProcess(Process process, String issuer, Path log, Thread drainer) {
    this.process = process;
    this.issuer = issuer;
    this.log = log;
    this.drainer = drainer;
  }

  /**
   * Starts the jar (path from system property "test-idp.jar", default
   * "../test-identity-provider/target/tollgate-test-identity-provider.jar"; if absent fail with a
   * message that says to build the module first), with the given users (name -> password) and
   * TTLs; waits for its ready file, which names the issuer (60 s at most, failing with the
   * process's output); copies its output to a log file in {@code logDirectory}.
   */
  static IdentityProviderProcess start(Path logDirectory, Map<String, String> users,
      Duration accessTokenTtl, Duration deviceCodeTtl) throws Exception {
    Path jar = Path.of(System.getProperty("test-idp.jar", DEFAULT_JAR)).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("No test identity provider jar at " + jar
          + ": build it first (cd to the project root and run"
          + " `mvn -B -q -pl test-identity-provider package`), or point -Dtest-idp.jar at it");
    }
    if (users.isEmpty()) {
      throw new IllegalArgumentException("at least one user");
    }
    StringJoiner userList = new StringJoiner(",");
    users.forEach((name, password) -> {
      if (name.isEmpty() || name.contains(":") || name.contains(",") || password.contains(",")) {
        throw new IllegalArgumentException("user names may not hold ':' or ',', passwords no ','");
      }
      userList.add(name + ":" + password);
    });
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-Xshare:auto", "-jar", jar.toString(),
        "--server.port=0",
        "--tollgate.users=" + userList,
        "--tollgate.access-token-ttl=" + accessTokenTtl,
        "--tollgate.device-code-ttl=" + deviceCodeTtl,
        "--tollgate.audience=" + AUDIENCE,
        "--tollgate.parent-pid=" + ProcessHandle.current().pid()));
    Files.createDirectories(logDirectory);
    Path ready = logDirectory.resolve("test-idp-" + System.nanoTime() + ".ready");
    command.add("--tollgate.ready-file=" + ready);
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(new File("/dev/null")).start();
    Path log = logDirectory.resolve("test-idp-" + process.pid() + ".log");
    Thread drainer = new Thread(() -> drain(process, log), "test-idp-output-" + process.pid());
    drainer.setDaemon(true);
    drainer.start();
    try {
      String issuer = TollgateJar.awaitReadyFile(ready, process, STARTUP_TIMEOUT);
      return new IdentityProviderProcess(process, issuer, log, drainer);
    } catch (AssertionError | IOException | InterruptedException e) {
      destroy(process);
      drainer.join(2_000);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new AssertionError("The test identity provider (" + String.join(" ", command) + ")"
          + " did not write its ready file: " + e.getMessage() + "; its output (in " + log
          + "):\n" + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : ""),
          e);
    }
  }

  /** Copies the process's output to the log. */
  private static void drain(Process process, Path log) {
    try (InputStream output = process.getInputStream()) {
      Files.copy(output, log, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // the log ends where the output could no longer be read
    }
  }

  /** "http://127.0.0.1:PORT", no trailing slash. */
  String issuer() {
    return issuer;
  }

  URI deviceAuthorizationEndpoint() {
    return URI.create(issuer + "/oauth2/device_authorization");
  }

  URI tokenEndpoint() {
    return URI.create(issuer + "/oauth2/token");
  }

  /**
   * Does what a person does in a browser: signs in at the provider as user/password (form login,
   * with CSRF and cookies), opens the verification page with the user code, and consents to every
   * requested scope. Fails with a clear message if any step does not land where expected.
   */
  void approve(String userCode, String user, String password) throws Exception {
    HttpClient browser = signIn(user, password);
    HttpResponse<String> answer = submitConsent(browser, userCode, user, true);
    String location = answer.headers().firstValue("Location").orElse("");
    if (answer.statusCode() != 302 || !location.endsWith("?success")) {
      throw new AssertionError("Approving user code " + userCode + " as " + user
          + " did not land on the success page: " + describe(answer));
    }
  }

  /**
   * The same, but the person refuses on the consent page, so the device's poll gets
   * access_denied. Refusing is what the page's Cancel button does: it posts the consent form with
   * no scope checked.
   */
  void deny(String userCode, String user, String password) throws Exception {
    HttpClient browser = signIn(user, password);
    HttpResponse<String> answer = submitConsent(browser, userCode, user, false);
    // Spring answers a refused consent with a 400 error page naming access_denied
    if (answer.statusCode() != 400 || !answer.body().contains("access_denied")) {
      throw new AssertionError("Refusing user code " + userCode + " as " + user
          + " was not answered with the refusal's 400: " + describe(answer));
    }
  }

  /** Switches the provider to a new signing key; returns its kid. */
  String rotateSigningKey() throws Exception {
    HttpResponse<String> answer = newClient(null).send(
        HttpRequest.newBuilder(URI.create(issuer + "/test/rotate-signing-key"))
            .timeout(REQUEST_TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200 || answer.body().isBlank()) {
      throw new AssertionError("Rotating the signing key failed: " + describe(answer));
    }
    return answer.body().trim();
  }

  /** Destroys the process (and waits for it). */
  @Override
  public void close() {
    destroy(process);
    try {
      drainer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The file the provider's output goes to. */
  Path log() {
    return log;
  }

  // ----- the browser -----

  /** A fresh browser session signed in as {@code user} through the form login. */
  private HttpClient signIn(String user, String password) throws Exception {
    HttpClient browser = newClient(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    HttpResponse<String> loginPage = browser.send(get(URI.create(issuer + "/login")),
        HttpResponse.BodyHandlers.ofString());
    Map<String, String> csrf = hiddenInputs(loginPage.body());
    if (loginPage.statusCode() != 200 || !csrf.containsKey("_csrf")) {
      throw new AssertionError("The login page has no CSRF token: " + describe(loginPage));
    }
    Map<String, List<String>> form = new LinkedHashMap<>();
    form.put("username", List.of(user));
    form.put("password", List.of(password));
    form.put("_csrf", List.of(csrf.get("_csrf")));
    HttpResponse<String> signedIn = browser.send(post(URI.create(issuer + "/login"), form),
        HttpResponse.BodyHandlers.ofString());
    String location = signedIn.headers().firstValue("Location").orElse("");
    if (signedIn.statusCode() != 302 || location.contains("error") || location.contains("/login")) {
      throw new AssertionError("Signing in as " + user + " failed (wrong password?): "
          + describe(signedIn));
    }
    return browser;
  }

  /** Opens the verification page for the user code and posts its consent form. */
  private HttpResponse<String> submitConsent(HttpClient browser, String userCode, String user,
      boolean consent) throws Exception {
    URI verification = URI.create(issuer + "/oauth2/device_verification?user_code="
        + URLEncoder.encode(userCode, StandardCharsets.UTF_8));
    HttpResponse<String> page = browser.send(get(verification), HttpResponse.BodyHandlers.ofString());
    Map<String, String> hidden = hiddenInputs(page.body());
    if (page.statusCode() != 200 || !hidden.containsKey("state")) {
      throw new AssertionError("Opening " + verification + " as " + user
          + " did not show the consent page (unknown, used or expired user code?): "
          + describe(page));
    }
    Map<String, List<String>> form = new LinkedHashMap<>();
    hidden.forEach((name, value) -> form.put(name, List.of(value)));
    if (consent) {
      List<String> scopes = checkboxValues(page.body(), "scope");
      if (scopes.isEmpty()) {
        throw new AssertionError("The consent page lists no scope to grant: " + describe(page));
      }
      form.put("scope", scopes);
    }
    URI action = URI.create(issuer).resolve(formAction(page.body(), verification));
    return browser.send(post(action, form), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> hiddenInputs(String html) {
    Map<String, String> inputs = new HashMap<>();
    Matcher input = INPUT.matcher(html);
    while (input.find()) {
      Map<String, String> attributes = attributes(input.group());
      if ("hidden".equalsIgnoreCase(attributes.get("type")) && attributes.containsKey("name")) {
        inputs.put(attributes.get("name"), attributes.getOrDefault("value", ""));
      }
    }
    return inputs;
  }

  /** The values of the enabled checkboxes called {@code name}: what ticking every box submits. */
  private static List<String> checkboxValues(String html, String name) {
    List<String> values = new ArrayList<>();
    Matcher input = INPUT.matcher(html);
    while (input.find()) {
      Map<String, String> attributes = attributes(input.group());
      if ("checkbox".equalsIgnoreCase(attributes.get("type")) && name.equals(attributes.get("name"))
          && attributes.containsKey("value") && !input.group().contains(" disabled")) {
        values.add(attributes.get("value"));
      }
    }
    return values;
  }

  private static String formAction(String html, URI fallback) {
    Matcher form = FORM.matcher(html);
    if (form.find()) {
      String action = attributes(form.group()).get("action");
      if (action != null && !action.isEmpty()) {
        return action;
      }
    }
    return fallback.getRawPath();
  }

  private static Map<String, String> attributes(String tag) {
    Map<String, String> attributes = new HashMap<>();
    Matcher attribute = ATTRIBUTE.matcher(tag);
    while (attribute.find()) {
      String value = attribute.group(2) != null ? attribute.group(2) : attribute.group(3);
      attributes.put(attribute.group(1).toLowerCase(), unescape(value));
    }
    return attributes;
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&amp;", "&");
  }

  private static HttpClient newClient(CookieManager cookies) {
    HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(REQUEST_TIMEOUT);
    if (cookies != null) {
      builder.cookieHandler(cookies);
    }
    return builder.build();
  }

  private static HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "text/html")
        .GET().build();
  }

  private static HttpRequest post(URI uri, Map<String, List<String>> form) {
    StringJoiner body = new StringJoiner("&");
    form.forEach((name, values) -> values.forEach(value -> body.add(
        URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(value, StandardCharsets.UTF_8))));
    return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
  }

  private static String describe(HttpResponse<String> answer) {
    String body = answer.body() == null ? "" : answer.body();
    return answer.request().method() + " " + answer.request().uri() + " -> "
        + answer.statusCode()
        + answer.headers().firstValue("Location").map(location -> " Location: " + location)
            .orElse("")
        + (body.isEmpty() ? "" : "\n" + (body.length() > 2_000 ? body.substring(0, 2_000) + "..." : body));
  }

  // ----- the process -----

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void destroy(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
