package dev.tollgate.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One path of the API, written as its template ({@code /api/v0/tokens/{tokenId}}), and what each
 * method does there. A {@code {name}} segment matches any one non-empty segment of a path.
 */
record Route(String template, Map<String, Endpoint> methods) {

  Route {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("template " + template + " does not start with /");
    }
    methods = Collections.unmodifiableMap(new LinkedHashMap<>(methods));
  }

  /** The template's parameters bound to the path's segments; empty when it is another path. */
  Optional<Map<String, String>> match(String[] segments) {
    String[] parts = template.substring(1).split("/", -1);
    if (parts.length != segments.length) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].startsWith("{") && parts[i].endsWith("}")) {
        if (segments[i].isEmpty()) {
          return Optional.empty();
        }
        parameters.put(parts[i].substring(1, parts[i].length() - 1), segments[i]);
      } else if (!parts[i].equals(segments[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(parameters);
  }
}
