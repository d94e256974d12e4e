package dev.tollgate.cli;

import dev.tollgate.proto.management.v1.GetReplicaStatusRequest;
import dev.tollgate.proto.management.v1.GetReplicaStatusResponse;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tollgate replica status}: how the answering replica follows the token store. */
@Command(name = "replica", usageHelpAutoWidth = true,
    description = "Inspect the Tollgate replica the profile points at.")
public final class ReplicaCommand {

  /** The subcommands, made only when the command line asks for them ({@link CommandTree}). */
  static final List<Class<?>> SUBCOMMANDS = List.of(Status.class);

  /** {@code tollgate replica status}. */
  @Command(name = "status", usageHelpAutoWidth = true, sortOptions = false,
      description = "Show whether the replica has loaded its tokens and how far it is behind the"
          + " change feed. Watch it with: watch -n1 tollgate replica status")
  static final class Status extends ClientCommand {

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
      GetReplicaStatusResponse status;
      Instant answeredAt;
      try (Connection connection = connect()) {
        try {
          status = connection.replica().getReplicaStatus(GetReplicaStatusRequest.getDefaultInstance());
          // "ago" as of the answer, not of the printing after the channel has closed
          answeredAt = Instant.now();
        } catch (StatusRuntimeException e) {
          throw CallFailures.describe(e, connection, Map.of());
        }
      }
      out().println(format.json() ? Json.write(ProtoJson.of(status)) : table(status, answeredAt));
      out().flush();
      return 0;
    }
  }

  static String table(GetReplicaStatusResponse status, Instant now) {
    String behind = status.hasLatestSeq()
        ? Math.max(0, status.getLatestSeq() - status.getAppliedSeq()) + " events"
        : "unknown: the token store cannot be read";
    String caughtUp = status.hasLastCaughtUpAt()
        ? Tables.time(true, status.getLastCaughtUpAt()) + " ("
            + Times.format(Duration.between(Protos.instant(status.getLastCaughtUpAt()), now)
                .abs()) + " ago)"
        : "never";
    return Tables.keyValue(List.of(
        List.of("loaded", status.getLoaded() ? "yes" : "no, still loading"),
        List.of("live tokens", Long.toString(status.getLiveTokens())),
        List.of("applied event", Long.toString(status.getAppliedSeq())),
        List.of("behind by", behind),
        List.of("last caught up", caughtUp),
        List.of("last failure", status.getLastFailure()),
        List.of("missing events", Integer.toString(status.getMissingSeqs())),
        List.of("waiting lookups", Integer.toString(status.getWaitingLookups())),
        List.of("feed reads", new TreeMap<>(status.getFeedReadsMap()).entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))),
        List.of("failed reads", Long.toString(status.getFailedReads())),
        List.of("notifications", status.getNotifications())));
  }
}
