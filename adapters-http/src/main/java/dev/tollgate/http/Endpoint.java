package dev.tollgate.http;

import dev.tollgate.domain.model.Operation;
import java.util.Optional;
import java.util.Set;

/**
 * What one method on one path does: whether it needs a caller, the operation its use case
 * declares (checked before anything of the request is read), the query parameters it knows,
 * and whether it reads a JSON body.
 */
record Endpoint(boolean needsCaller, Optional<Operation> operation, Set<String> query,
    boolean readsBody, Action action) {

  Endpoint {
    query = Set.copyOf(query);
  }

  /** Serves an admitted call and answers it. */
  @FunctionalInterface
  interface Action {
    void serve(Call call) throws Exception;
  }

  /** A call of a caller allowed {@code operation}, with no body. */
  static Endpoint of(Operation operation, Action action) {
    return new Endpoint(true, Optional.of(operation), Set.of(), false, action);
  }

  /** A call of a caller allowed {@code operation}, with a JSON body. */
  static Endpoint withBody(Operation operation, Action action) {
    return new Endpoint(true, Optional.of(operation), Set.of(), true, action);
  }

  /** A call any caller with a valid credential may make. */
  static Endpoint anyCaller(Action action) {
    return new Endpoint(true, Optional.empty(), Set.of(), false, action);
  }

  /** A call that needs no credential: it serves nothing secret. */
  static Endpoint open(Action action) {
    return new Endpoint(false, Optional.empty(), Set.of(), false, action);
  }

  /** The same endpoint, knowing these query parameters. */
  Endpoint query(String... names) {
    return new Endpoint(needsCaller, operation, Set.of(names), readsBody, action);
  }
}
