package dev.tollgate.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * How the console learns to sign in ({@code GET /api/tollgate/v1/sign-in}, no credential), and
 * the one origin its Content-Security-Policy then lets it reach besides its own.
 */
class ConsoleSignInHttpTest {

  private static final OAuthSignIn OAUTH = new OAuthSignIn("https://idp.example.com",
      URI.create("https://idp.example.com/oauth2/authorize"),
      URI.create("https://tokens.example.com:8443/oauth2/token"), "tollgate-console", "tollgate");

  @Test
  void withoutOAuth_signIn_answersNull_andTheConsoleReachesItsOwnOriginOnly() throws Exception {
    try (HttpTollgate http = new HttpTollgate()) {
      HttpResponse<String> answer = http.send(http.anonymous("/api/tollgate/v1/sign-in").GET());

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(new ObjectMapper().readTree(answer.body()).get("oauth").isNull()).isTrue();
      assertThat(http.send(http.anonymous("/console/").GET()).headers()
          .firstValue("Content-Security-Policy").orElseThrow()).contains("connect-src 'self';");
    }
  }

  @Test
  void withOAuth_signIn_namesTheEndpointsAndClient_andTheConsoleMayReachTheTokenOrigin()
      throws Exception {
    try (HttpTollgate http = new HttpTollgate(HttpSettings.defaults(
        new InetSocketAddress("127.0.0.1", 0)).withSignIn(OAUTH))) {
      JsonNode oauth = new ObjectMapper().readTree(http.send(
          http.anonymous("/api/tollgate/v1/sign-in").GET()).body()).get("oauth");

      assertThat(oauth.get("issuer").asText()).isEqualTo("https://idp.example.com");
      assertThat(oauth.get("authorizationEndpoint").asText())
          .isEqualTo("https://idp.example.com/oauth2/authorize");
      assertThat(oauth.get("tokenEndpoint").asText())
          .isEqualTo("https://tokens.example.com:8443/oauth2/token");
      assertThat(oauth.get("clientId").asText()).isEqualTo("tollgate-console");
      assertThat(oauth.get("scope").asText()).isEqualTo("tollgate");
      assertThat(http.send(http.anonymous("/console/").GET()).headers()
          .firstValue("Content-Security-Policy").orElseThrow())
          .contains("connect-src 'self' https://tokens.example.com:8443;")
          .contains("default-src 'self';", "frame-ancestors 'none'");
    }
  }

  @Test
  void badClientIdScopeOrEndpoint_areRefusedNamingTheValueAndWhatIsExpected() {
    URI authorize = OAUTH.authorizationEndpoint();
    URI token = OAUTH.tokenEndpoint();
    assertThatThrownBy(() -> new OAuthSignIn("i", authorize, token, "has space", "tollgate"))
        .hasMessage("client id \"has space\" is not an OAuth client id; expected 1 to 255"
            + " printable ASCII characters without spaces");
    assertThatThrownBy(() -> new OAuthSignIn("i", authorize, token, "c", "a  b"))
        .hasMessageContaining("scope \"a  b\" is not a list of OAuth scopes");
    assertThatThrownBy(() -> new OAuthSignIn("i", authorize, URI.create("/oauth2/token"), "c",
        "s")).hasMessageContaining("token endpoint /oauth2/token is not an absolute http(s) URL");
  }
}
