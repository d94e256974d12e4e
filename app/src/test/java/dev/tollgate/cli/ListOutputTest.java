package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListOutputTest {

  private static final List<String> HEADERS = List.of("ID", "NAME");

  private static JsonNode json(String id) {
    return Json.object().put("id", id).put("name", "token " + id);
  }

  private static List<String> row(String id) {
    return List.of(id, "token " + id);
  }

  private static String print(boolean json, List<List<String>> pages) {
    StringWriter text = new StringWriter();
    ListOutput<String> output = new ListOutput<>(new PrintWriter(text), json, HEADERS,
        ListOutputTest::json, ListOutputTest::row);
    pages.forEach(output::page);
    output.end();
    return text.toString();
  }

  @Test
  void jsonInPages_isTheSameArrayAsPrintedWhole() {
    ArrayNode whole = Json.array();
    List.of("a", "b", "c").forEach(id -> whole.add(json(id)));

    assertThat(print(true, List.of(List.of("a", "b"), List.of("c"))))
        .isEqualTo(Json.write(whole) + System.lineSeparator());
    assertThat(print(true, List.of())).isEqualTo("[]" + System.lineSeparator());
  }

  @Test
  void tableOfOnePage_isTheTableOfItsRows_morePagesShareOneHeaderAndOneBottomBorder() {
    assertThat(print(false, List.of(List.of("a", "b"))))
        .isEqualTo(Tables.of(HEADERS, List.of(row("a"), row("b"))) + System.lineSeparator());
    assertThat(print(false, List.of())).isEqualTo(Tables.of(HEADERS, List.of())
        + System.lineSeparator());

    List<String> lines = print(false, List.of(List.of("a"), List.of("b"), List.of("c")))
        .lines().toList();
    assertThat(lines).filteredOn(line -> line.startsWith("| ID")).hasSize(1);
    assertThat(lines).filteredOn(line -> line.startsWith("| ") && line.contains("token "))
        .hasSize(3);
    assertThat(lines.get(0)).startsWith("+-");
    assertThat(lines.get(lines.size() - 1)).startsWith("+-");
    assertThat(lines).hasSize(3 + 3 + 1);
  }
}
