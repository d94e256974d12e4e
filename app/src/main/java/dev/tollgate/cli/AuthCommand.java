package dev.tollgate.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.proto.management.v1.WhoAmIRequest;
import dev.tollgate.proto.management.v1.WhoAmIResponse;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tollgate auth}: the credential the command line presents. */
@Command(name = "auth", usageHelpAutoWidth = true,
    description = "Inspect the credential the command line presents.",
    subcommands = AuthCommand.WhoAmI.class)
public final class AuthCommand {

  /** {@code tollgate auth whoami}. */
  @Command(name = "whoami", usageHelpAutoWidth = true, sortOptions = false,
      description = "Ask the server who the presented credential is and when it expires.")
  static final class WhoAmI extends ClientCommand {

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
      WhoAmIResponse me;
      try (Connection connection = connect()) {
        try {
          me = connection.managementTokens().whoAmI(WhoAmIRequest.getDefaultInstance());
        } catch (StatusRuntimeException e) {
          throw CallFailures.describe(e, connection, Map.of());
        }
      }
      out().println(format.json() ? Json.write(json(me)) : table(me));
      out().flush();
      return 0;
    }

    static ObjectNode json(WhoAmIResponse me) {
      ObjectNode node = Json.object().put("kind", me.getKind()).put("subject", me.getSubject());
      Json.putText(node, "user_id", me.getUserId());
      if (me.getGroupsCount() > 0) {
        ArrayNode groups = node.putArray("groups");
        me.getGroupsList().forEach(groups::add);
      }
      Json.putText(node, "token_id", me.getTokenId());
      Json.putTimestamp(node, "expires_at", me.hasExpiresAt(), me.getExpiresAt());
      return node;
    }

    static String table(WhoAmIResponse me) {
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("kind", me.getKind()));
      rows.add(List.of("subject", me.getSubject()));
      if (me.getKind().equals("user")) {
        rows.add(List.of("groups", me.getGroupsCount() == 0
            ? "none (not in this cluster's user list)" : String.join(", ", me.getGroupsList())));
      }
      rows.add(List.of("expires at", me.hasExpiresAt() ? Tables.time(true, me.getExpiresAt())
          : "never"));
      return Tables.keyValue(rows);
    }
  }
}
