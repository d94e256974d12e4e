package dev.tollgate.cli;

import dev.tollgate.proto.management.v1.RevokeOutcome;
import dev.tollgate.proto.management.v1.RevokeResult;
import java.io.PrintWriter;
import java.util.List;

/** Prints the outcome of a revoke per id: successes on stdout, failures as Error: lines. */
final class Revocations {

  private Revocations() {}

  /** Prints each result and returns the exit code: 1 when any id failed. */
  static int print(List<RevokeResult> results, String kind, PrintWriter out, PrintWriter err) {
    int exitCode = 0;
    for (RevokeResult result : results) {
      if (result.getOutcome() == RevokeOutcome.REVOKE_OUTCOME_REVOKED) {
        out.println("revoked " + kind + " " + result.getId());
      } else if (result.getOutcome() == RevokeOutcome.REVOKE_OUTCOME_ALREADY_REVOKED) {
        out.println(kind + " " + result.getId() + " was already revoked at "
            + Tables.time(result.hasRevokedAt(), result.getRevokedAt()));
      } else {
        out.flush();
        err.println("Error: " + result.getMessage());
        exitCode = 1;
      }
    }
    out.flush();
    err.flush();
    return exitCode;
  }
}
