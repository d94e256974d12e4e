package dev.tollgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The web console's files on the HTTP door: same origin, a strict Content-Security-Policy on every
 * console answer, the right content types, the page never cached, and JSON 404s like the API's.
 */
class ConsoleHttpTest {

  private final HttpTollgate http;

  ConsoleHttpTest() throws Exception {
    http = new HttpTollgate();
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
  }

  private static void assertSecured(HttpResponse<String> answer) {
    assertThat(answer.headers().firstValue("Content-Security-Policy"))
        .hasValue(ConsoleHandler.CONTENT_SECURITY_POLICY);
    assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void consolePath_get_answersThePageSecuredAndNeverCached() throws Exception {
    HttpResponse<String> page = http.send(http.anonymous("/console/").GET());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertSecured(page);
    assertThat(page.body()).contains("<script type=\"module\" src=\"main.js\"></script>");
  }

  @Test
  void rootAndConsoleWithoutSlash_get_redirectToTheConsole() throws Exception {
    for (String path : List.of("/", "/console")) {
      HttpResponse<String> answer = http.send(http.anonymous(path).GET());

      assertThat(answer.statusCode()).as(path).isEqualTo(302);
      assertThat(answer.headers().firstValue("Location")).as(path).hasValue("/console/");
      assertSecured(answer);
    }
  }

  @Test
  void everyFileThePagesReference_isServedWithItsType_andNoneNamesAnotherOrigin() throws Exception {
    List<String> files = referenced();
    assertThat(files).contains("console.css", "main.js", "api.js", "database-tokens.js",
        "management-tokens.js");

    for (String file : files) {
      HttpResponse<String> answer = http.send(http.anonymous("/console/" + file).GET());
      assertThat(answer.statusCode()).as(file).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type")).as(file).hasValue(
          file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
      assertSecured(answer);
      assertThat(answer.body()).as(file).doesNotContain("://", "innerHTML", "console.log",
          "localStorage", "document.cookie", "eval(");
    }
  }

  @Test
  void unknownFileAndWrongMethod_answerJsonErrors_stillSecured() throws Exception {
    HttpResponse<String> missing = http.send(http.anonymous("/console/../openapi.yaml").GET());
    HttpResponse<String> unknown = http.send(http.anonymous("/console/nothing.js").GET());
    HttpResponse<String> post = http.send(http.anonymous("/console/")
        .POST(HttpTollgate.json("{}")));

    assertThat(missing.statusCode()).isIn(400, 404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(HttpTollgate.tree(unknown.body()).get("message").asText())
        .contains("\"nothing.js\"", "expected one of index.html");
    assertSecured(unknown);
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  /** The page and every file it loads or imports, found by following them from index.html. */
  private static List<String> referenced() throws IOException {
    Pattern reference = Pattern.compile("(?:src|href)=\"([^\"]+)\"|from '\\./([^']+)'");
    List<String> files = new ArrayList<>();
    List<String> todo = new ArrayList<>(List.of("index.html"));
    while (!todo.isEmpty()) {
      String file = todo.remove(0);
      Matcher matcher = reference.matcher(text(file));
      while (matcher.find()) {
        String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        if (!name.startsWith("data:") && !files.contains(name)) {
          files.add(name);
          todo.add(name);
        }
      }
    }
    return files;
  }

  private static String text(String file) throws IOException {
    try (InputStream in = ConsoleHandler.class.getResourceAsStream("console/" + file)) {
      assertThat(in).as("console/" + file + " in the jar").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
