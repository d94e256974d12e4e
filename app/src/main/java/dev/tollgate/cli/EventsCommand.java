package dev.tollgate.cli;

import dev.tollgate.proto.management.v1.FieldChange;
import dev.tollgate.proto.management.v1.ListTokenEventsRequest;
import dev.tollgate.proto.management.v1.ListTokenEventsResponse;
import dev.tollgate.proto.management.v1.TokenEvent;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tollgate events}: the audit trail of token changes. */
@Command(name = "events", usageHelpAutoWidth = true, sortOptions = false,
    description = {"List the audit trail: when, who and what for every change to a token"
        + " (created, updated with the changes before and after, rotated, revoked, purged,"
        + " bootstrap_admin, migrated), oldest first.",
        "Never shows a token string or hash. Admin and Auditor users, the bootstrap admin and"
            + " management tokens may read it."})
public final class EventsCommand extends ClientCommand {

  @Option(names = "--token", paramLabel = "TOKEN_ID", description = "Only this token's events.")
  String token;

  @Option(names = "--since", paramLabel = "RFC3339|DURATION",
      description = "Only events at or after this time, e.g. 2030-01-01T00:00:00Z, or 24h for a"
          + " day ago.")
  String since;

  @Option(names = "--until", paramLabel = "RFC3339|DURATION",
      description = "Only events before this time.")
  String until;

  @Mixin
  FormatOption format;

  @Override
  public Integer call() {
    Instant now = Instant.now();
    ListTokenEventsRequest.Builder request = ListTokenEventsRequest.newBuilder();
    if (token != null) {
      request.setTokenId(token.strip());
    }
    Optional.ofNullable(since).map(text -> Times.parseTimeOrAgo("--since", text, now))
        .ifPresent(at -> request.setSince(Protos.timestamp(at)));
    Optional.ofNullable(until).map(text -> Times.parseTimeOrAgo("--until", text, now))
        .ifPresent(at -> request.setUntil(Protos.timestamp(at)));
    ListOutput<TokenEvent> output = new ListOutput<>(out(), format.json(),
        List.of("AT", "TOKEN ID", "EVENT", "BY", "WHAT"), ProtoJson::of,
        event -> List.of(Tables.time(event.hasAt(), event.getAt()), event.getTokenId(),
            event.getEvent(), event.getActor(), what(event)));
    try (Connection connection = connect()) {
      output.printEveryPage(pageToken -> {
        try {
          return connection.tokenEvents().listTokenEvents(request.setPageToken(pageToken).build());
        } catch (StatusRuntimeException e) {
          throw CallFailures.describe(e, connection, Map.of("token_id", "--token",
              "since", "--since", "until", "--until"));
        }
      }, ListTokenEventsResponse::getEventsList, ListTokenEventsResponse::getNextPageToken,
          Optional.empty());
    }
    return 0;
  }

  /** What happened, for the table: the note, or for an update each change before → after. */
  static String what(TokenEvent event) {
    if (event.getChangesCount() == 0) {
      return event.getDetail();
    }
    List<String> changes = new ArrayList<>();
    for (FieldChange change : event.getChangesList()) {
      changes.add(change.getField().equals("description")
          ? "description \"" + change.getBefore() + "\" → \"" + change.getAfter() + "\""
          : change.getField() + " " + change.getBefore() + " → " + change.getAfter());
    }
    return String.join("; ", changes);
  }
}
