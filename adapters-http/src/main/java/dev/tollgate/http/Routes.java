package dev.tollgate.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every path the API serves: the one table a request is matched against and the document is checked against. */
final class Routes {

  /** A route a path matched, with the values of its template's parameters. */
  record Match(Route route, Map<String, String> parameters) {}

  private final List<Route> routes;

  Routes(List<Route> routes) {
    this.routes = List.copyOf(routes);
    Set<String> seen = new java.util.HashSet<>();
    for (Route route : routes) {
      if (!seen.add(route.template())) {
        throw new IllegalArgumentException(route.template() + " is routed twice");
      }
    }
  }

  /** The route serving the path, if any. */
  Optional<Match> find(String path) {
    if (path == null || !path.startsWith("/")) {
      return Optional.empty();
    }
    String[] segments = path.substring(1).split("/", -1);
    for (Route route : routes) {
      Optional<Map<String, String>> parameters = route.match(segments);
      if (parameters.isPresent()) {
        return Optional.of(new Match(route, parameters.get()));
      }
    }
    return Optional.empty();
  }

  /** Each template served with its methods, in the order they were declared. */
  Map<String, List<String>> served() {
    Map<String, List<String>> served = new LinkedHashMap<>();
    for (Route route : routes) {
      served.put(route.template(), new ArrayList<>(route.methods().keySet()));
    }
    return served;
  }
}
