package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.net.Loopback;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code [profile.auth.oauth2]}: how the command line signs a person in with the device
 * authorization grant (RFC 8628), with influxctl's keys. There is no client secret: the
 * command line is a public client.
 *
 * @param parameters extra form parameters of the device authorization request, e.g. Auth0's
 *     {@code audience}
 */
record OAuth2Profile(String clientId, List<String> scopes, Map<String, String> parameters,
    URI tokenUrl, URI deviceUrl) {

  private static final Set<String> KEYS = Set.of("client_id", "scopes", "parameters",
      "token_url", "device_url");

  OAuth2Profile {
    scopes = List.copyOf(scopes);
    parameters = Map.copyOf(parameters);
  }

  /**
   * Reads {@code [profile.auth.oauth2]}, with influxctl's keys; empty when the profile has none.
   *
   * @param where the profile and its file, for messages
   */
  static Optional<OAuth2Profile> read(JsonNode table, String where) {
    if (table.isMissingNode()) {
      return Optional.empty();
    }
    String at = where + ", [profile.auth.oauth2]";
    if (!table.isObject()) {
      throw new CliException(at + " must be a table with client_id, device_url and token_url");
    }
    ProfileTable.checkKeys(table, KEYS, at);
    String clientId = table.path("client_id").asText("").strip();
    if (clientId.isEmpty()) {
      throw new CliException(at + ": client_id is missing; give the identity provider's client id"
          + " for the command line (a public client with the device grant)");
    }
    List<String> scopes = new ArrayList<>();
    JsonNode scopesNode = table.path("scopes");
    if (!scopesNode.isMissingNode()) {
      if (!scopesNode.isArray()) {
        throw new CliException(at + ": scopes must be an array of strings, e.g."
            + " scopes = [\"offline_access\"]; got " + scopesNode);
      }
      for (JsonNode scope : scopesNode) {
        if (!scope.isTextual() || scope.asText().isBlank() || scope.asText().contains(" ")) {
          throw new CliException(at + ": scope " + scope + " is not a scope; expected a word"
              + " such as \"offline_access\"");
        }
        scopes.add(scope.asText());
      }
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    JsonNode parametersNode = table.path("parameters");
    if (!parametersNode.isMissingNode()) {
      if (!parametersNode.isObject()) {
        throw new CliException(at + ": parameters must be a table, e.g."
            + " parameters = { audience = \"https://tollgate.example.com\" }; got " + parametersNode);
      }
      for (Iterator<Map.Entry<String, JsonNode>> entries = parametersNode.fields();
          entries.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = entries.next();
        if (!entry.getValue().isValueNode()) {
          throw new CliException(at + ": parameter " + entry.getKey() + " must be a string;"
              + " got " + entry.getValue());
        }
        parameters.put(entry.getKey(), entry.getValue().asText());
      }
    }
    return Optional.of(new OAuth2Profile(clientId, scopes, parameters,
        endpoint(table, "token_url", at), endpoint(table, "device_url", at)));
  }

  /** An endpoint of the identity provider: https, or http to a loopback address. */
  private static URI endpoint(JsonNode table, String key, String at) {
    String text = table.path(key).asText("").strip();
    if (text.isEmpty()) {
      throw new CliException(at + ": " + key + " is missing; give the identity provider's "
          + (key.equals("token_url") ? "token endpoint" : "device authorization endpoint")
          + " URL, e.g. https://idp.example.com/oauth2/" + (key.equals("token_url") ? "token"
          : "device/authorize"));
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new CliException(at + ": " + key + " \"" + text + "\" is not a URL: " + e.getReason());
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
        && Loopback.isLoopback(uri.getHost());
    if (uri.getHost() == null || !(https || loopbackHttp)) {
      throw new CliException(at + ": " + key + " \"" + text + "\" is not an https:// URL"
          + " (http:// only to a loopback address)");
    }
    return uri;
  }
}

