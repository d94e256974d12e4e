package dev.tollgate.cli;

import java.net.URI;
import java.util.List;
import java.util.Map;

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

  OAuth2Profile {
    scopes = List.copyOf(scopes);
    parameters = Map.copyOf(parameters);
  }
}
