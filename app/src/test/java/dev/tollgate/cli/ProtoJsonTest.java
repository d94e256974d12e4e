package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.tollgate.proto.management.v1.DatabaseToken;
import dev.tollgate.proto.management.v1.FieldChange;
import dev.tollgate.proto.management.v1.GetReplicaStatusResponse;
import dev.tollgate.proto.management.v1.ManagementToken;
import dev.tollgate.proto.management.v1.TokenEvent;
import dev.tollgate.proto.management.v1.WhoAmIResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message the command line prints as JSON, by the one rule (ProtoJson). */
class ProtoJsonTest {

  private static final Timestamp AT = Timestamp.newBuilder().setSeconds(1893456000).build();

  /** What the command line prints for the message (ProtoJson has one method per message). */
  static ObjectNode mapped(Message message) {
    if (message instanceof ManagementToken token) {
      return ProtoJson.of(token);
    } else if (message instanceof DatabaseToken token) {
      return ProtoJson.of(token);
    } else if (message instanceof WhoAmIResponse me) {
      return ProtoJson.of(me);
    } else if (message instanceof GetReplicaStatusResponse status) {
      return ProtoJson.of(status);
    }
    return ProtoJson.of((TokenEvent) message);
  }

  private static String json(Message message) {
    return Json.write(mapped(message));
  }

  /** Every message a command prints as JSON: each is held to the rule below, field by field. */
  static java.util.stream.Stream<Message> printed() {
    return java.util.stream.Stream.of(ManagementToken.getDefaultInstance(),
        DatabaseToken.getDefaultInstance(), WhoAmIResponse.getDefaultInstance(),
        GetReplicaStatusResponse.getDefaultInstance(), TokenEvent.getDefaultInstance());
  }

  @ParameterizedTest
  @MethodSource("printed")
  void everyFieldOfEveryPrintedMessage_json_followsTheRule(Message kind) {
    for (Message message : List.of(kind, RuleJson.filled(kind, false),
        RuleJson.filled(kind, true))) {
      assertThat(Json.write(mapped(message))).as(message.getDescriptorForType().getName()
          + " " + message).isEqualTo(Json.write(RuleJson.of(message)));
    }
  }

  @Test
  void databaseToken_json_hasEveryFieldTheServerSent() {
    DatabaseToken token = DatabaseToken.newBuilder().setId("1").setTokenPrefix("apiv1_abc")
        .setCreatedAt(AT).setUpdatedAt(AT).build();

    assertThat(json(token)).contains("\"updated_at\": {").contains("\"token_prefix\"");
  }

  @Test
  void listsWithNothingInThem_json_areEmptyArrays_inEveryMessage() {
    assertThat(json(DatabaseToken.newBuilder().setId("1").build()))
        .contains("\"permissions\": []");
    assertThat(json(WhoAmIResponse.newBuilder().setKind("management_token").setSubject("s")
        .build())).contains("\"groups\": []");
    assertThat(json(TokenEvent.newBuilder().setSeq(1).setAt(AT).setTokenId("t")
        .setEvent("created").setActor("a").build())).contains("\"changes\": []");
    assertThat(json(GetReplicaStatusResponse.getDefaultInstance()))
        .contains("\"feed_reads\": {}");
  }

  @Test
  void emptyText_json_isLeftOut_inEveryMessage() {
    assertThat(json(TokenEvent.newBuilder().setSeq(1).setEvent("updated")
        .addChanges(FieldChange.newBuilder().setField("description").setAfter("x")).build()))
        .doesNotContain("\"before\"").doesNotContain("\"token_id\"")
        .doesNotContain("\"actor\"").doesNotContain("\"detail\"");
    assertThat(json(WhoAmIResponse.newBuilder().setKind("user").build()))
        .doesNotContain("\"subject\"").doesNotContain("\"user_id\"");
  }

  @Test
  void numbersAndFlags_json_areWrittenEvenWhenZero_andAFieldWithPresenceOnlyWhenSet() {
    String status = json(GetReplicaStatusResponse.newBuilder().putFeedReads("poll", 2)
        .putFeedReads("lookup", 1).build());

    assertThat(status).contains("\"loaded\": false").contains("\"live_tokens\": 0")
        .contains("\"missing_seqs\": 0").doesNotContain("latest_seq")
        .contains("\"feed_reads\": {\n    \"lookup\": 1,\n    \"poll\": 2\n  }");
    assertThat(json(GetReplicaStatusResponse.newBuilder().setLatestSeq(0).build()))
        .contains("\"latest_seq\": 0");
  }
}
