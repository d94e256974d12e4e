package dev.tollgate.cli;

import dev.tollgate.proto.management.v1.RevokeResult;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code revoke [--force] TOKEN_ID...} for either kind: asks for confirmation unless forced,
 * goes on past ids that fail, and exits 1 if any did, or if the answer was not yes.
 */
abstract class RevokeCommand extends ClientCommand {

  @Option(names = "--force", description = "Do not ask for confirmation.")
  boolean force;

  @Parameters(paramLabel = "TOKEN_ID", arity = "1..*", description = "Ids of the tokens to revoke.")
  List<String> ids;

  /** Who is asked to confirm: the person at the terminal. */
  Confirmation.Question confirmation = Confirmation::ask;

  /** "management token" or "database token". */
  abstract String kind();

  /** Sends the revoke request for all ids. */
  abstract List<RevokeResult> revoke(Connection connection, List<String> ids);

  @Override
  public Integer call() {
    if (!force && !confirmation.ask(err(), "Revoke " + kind() + "(s) " + String.join(", ", ids)
        + "? This cannot be undone.", "not revoking without confirmation: there is no terminal"
        + " to ask on; pass --force to revoke without asking")) {
      // the person's choice, not a failure; the exit code still tells a script it did not happen
      err().println("nothing revoked: the answer was not yes");
      err().flush();
      return ErrorReporter.FAILURE;
    }
    try (Connection connection = connect()) {
      List<RevokeResult> results;
      try {
        results = revoke(connection, ids);
      } catch (StatusRuntimeException e) {
        throw CallFailures.describe(e, connection, Map.of("ids", "TOKEN_ID"));
      }
      return Revocations.print(results, kind(), out(), err());
    }
  }
}
