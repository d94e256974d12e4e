package dev.tollgate.http;

import dev.tollgate.domain.model.Operation;

/**
 * What one method on one path does: the operation its use case declares (checked before the body
 * is read) and whether it reads a JSON body.
 */
record Endpoint(Operation operation, boolean readsBody, Action action) {

  /** Serves an admitted call and answers it. */
  @FunctionalInterface
  interface Action {
    void serve(Call call) throws Exception;
  }
}
