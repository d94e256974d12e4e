package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.tollgate.proto.management.v1.DatabaseToken;
import dev.tollgate.proto.management.v1.ManagementToken;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputTest {

  private static final ManagementToken TOKEN = ManagementToken.newBuilder()
      .setId("11111111-1111-4111-8111-111111111111").setDescription("Example Token")
      .setTokenPrefix("M.V1.abcd")
      .setCreatedAt(Timestamp.newBuilder().setSeconds(1710273527).setNanos(622095000))
      .setExpiresAt(Timestamp.newBuilder().setSeconds(1893456000))
      .setCreatedBy("bootstrap-admin").build();

  @Test
  void managementToken_json_isInfluxctlShaped() {
    String json = Json.write(ProtoJson.of(TOKEN));

    assertThat(json).isEqualTo("""
        {
          "id": "11111111-1111-4111-8111-111111111111",
          "description": "Example Token",
          "token_prefix": "M.V1.abcd",
          "created_at": {
            "seconds": 1710273527,
            "nanos": 622095000
          },
          "expires_at": {
            "seconds": 1893456000
          },
          "created_by": "bootstrap-admin"
        }""");
  }

  @Test
  void emptyList_json_isTwoBrackets() {
    assertThat(Json.write(Json.array())).isEqualTo("[]");
  }

  @Test
  void tokenWithoutPermissions_json_hasTwoBracketsThere() {
    String json = Json.write(ProtoJson.of(DatabaseToken.newBuilder().setId("1").build()));

    assertThat(json).isEqualTo("""
        {
          "id": "1",
          "permissions": []
        }""");
    java.io.StringWriter out = new java.io.StringWriter();
    Json.ArrayStream stream = new Json.ArrayStream(new java.io.PrintWriter(out));
    stream.add(ProtoJson.of(DatabaseToken.newBuilder().setId("1").build()));
    stream.add(Json.object());
    stream.close();
    assertThat(out.toString()).contains("\"permissions\": []").contains("{}")
        .doesNotContain("[ ]").doesNotContain("{ }");
  }

  @Test
  void keyValue_table_rightAlignsKeysAsInfluxctl() {
    String table = Tables.keyValue(List.of(List.of("id", "1111"), List.of("description", "x"),
        List.of("revoked at", "")));

    assertThat(table).isEqualTo("""
        +-------------+------+
        |          id | 1111 |
        | description | x    |
        |  revoked at |      |
        +-------------+------+""");
  }

  @Test
  void unsetTimestamp_cell_isEmpty() {
    assertThat(Tables.time(false, Timestamp.getDefaultInstance())).isEmpty();
    assertThat(Tables.time(true, TOKEN.getCreatedAt())).isEqualTo("2024-03-12T19:58:47Z");
  }
}
