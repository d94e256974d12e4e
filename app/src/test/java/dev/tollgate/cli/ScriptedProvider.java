package dev.tollgate.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An identity provider that answers from a script: the device and token endpoints pop their
 * next answer, and every request's form is kept for the test to check.
 */
final class ScriptedProvider implements AutoCloseable {

  /** One answer; status 0 drops the connection without one. */
  record Answer(int status, String contentType, String body) {

    static Answer json(int status, String body) {
      return new Answer(status, "application/json", body);
    }

    static Answer error(String code) {
      return json(400, "{\"error\": \"" + code + "\"}");
    }

    static Answer tokens(String accessToken, String refreshToken, int expiresIn) {
      return json(200, "{\"access_token\": \"" + accessToken + "\", \"token_type\": \"Bearer\","
          + (refreshToken == null ? "" : " \"refresh_token\": \"" + refreshToken + "\",")
          + " \"expires_in\": " + expiresIn + "}");
    }

    static Answer dropped() {
      return new Answer(0, "", "");
    }
  }

  final Deque<Answer> deviceAnswers = new ArrayDeque<>();
  final Deque<Answer> tokenAnswers = new ArrayDeque<>();
  final List<Map<String, String>> deviceRequests = new CopyOnWriteArrayList<>();
  final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  ScriptedProvider() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/device", exchange -> answer(exchange, deviceRequests, deviceAnswers));
    server.createContext("/token", exchange -> answer(exchange, tokenRequests, tokenAnswers));
    server.start();
  }

  /** A device code answer with the given interval and lifetime, in seconds. */
  static Answer deviceCode(int interval, int expiresIn) {
    return Answer.json(200, """
        {"device_code": "dc-1", "user_code": "WDJB-MJHT",
         "verification_uri": "https://idp.example.test/device",
         "verification_uri_complete": "https://idp.example.test/device?user_code=WDJB-MJHT",
         "interval": %d, "expires_in": %d}""".formatted(interval, expiresIn));
  }

  OAuth2Profile profile(List<String> scopes, Map<String, String> parameters) {
    return new OAuth2Profile("tollgate-cli", scopes, parameters, endpoint("/token"),
        endpoint("/device"));
  }

  private URI endpoint(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static void answer(HttpExchange exchange, List<Map<String, String>> requests,
      Deque<Answer> answers) throws IOException {
    try (exchange) {
      requests.add(form(new String(exchange.getRequestBody().readAllBytes(),
          StandardCharsets.UTF_8)));
      Answer answer;
      synchronized (answers) {
        answer = answers.isEmpty() ? Answer.error("unscripted_request") : answers.poll();
      }
      if (answer.status() == 0) {
        return; // closed without an answer
      }
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (!pair.isEmpty()) {
        int equals = pair.indexOf('=');
        form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
