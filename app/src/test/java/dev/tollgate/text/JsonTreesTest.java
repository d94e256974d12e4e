package dev.tollgate.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Jackson's own mapper is the reference: the trees must be the ones it would make and print. */
class JsonTreesTest {

  private static final String JSON = """
      {"token": "x", "n": 7, "big": 12345678901, "huge": 123456789012345678901234567890,
       "ratio": 0.5, "yes": true, "no": false, "none": null, "empty": {}, "list": [],
       "nested": {"a": [1, "two", {"three": 3.25}]}}""";

  private static final String TOML = """
      title = "tollgate"
      [[profile]]
      name = "default"
      port = 8086
      ratio = 1.5
      [profile.tls]
      disable = true
      [profile.auth.oauth2]
      scopes = ["openid", "profile"]
      """;

  @Test
  void read_json_isTheTreeTheMapperReads() throws IOException {
    try (JsonParser parser = new JsonFactory().createParser(JSON)) {
      assertThat(JsonTrees.read(parser)).isEqualTo(new ObjectMapper().readTree(JSON));
    }
  }

  @Test
  void read_toml_isTheTreeTheTomlMapperReads() throws IOException {
    try (JsonParser parser = new TomlFactory().createParser(TOML)) {
      assertThat(JsonTrees.read(parser)).isEqualTo(new TomlMapper().readTree(TOML));
    }
  }

  @Test
  void read_brokenToml_failsWithTheLine() {
    assertThatThrownBy(() -> {
      try (JsonParser parser = new TomlFactory().createParser("a = 1\n[profile\n")) {
        JsonTrees.read(parser);
      }
    }).isInstanceOf(IOException.class)
        .satisfies(e -> assertThat(((JacksonException) e)
            .getLocation().getLineNr()).isEqualTo(2));
  }

  @Test
  void read_twoDocuments_isRefused() {
    assertThatThrownBy(() -> {
      try (JsonParser parser = new JsonFactory().createParser("{} {}")) {
        JsonTrees.read(parser);
      }
    }).isInstanceOf(JsonParseException.class).hasMessageContaining("more than one value");
  }

  @Test
  void read_nothing_isMissing() throws IOException {
    try (JsonParser parser = new JsonFactory().createParser("  ")) {
      assertThat(JsonTrees.read(parser).isMissingNode()).isTrue();
    }
  }

  @Test
  void write_printsWhatTheMapperPrints() throws IOException {
    JsonNode tree = new ObjectMapper().readTree(JSON);
    StringWriter written = new StringWriter();
    try (JsonGenerator generator = new JsonFactory().createGenerator(written)
        .useDefaultPrettyPrinter()) {
      JsonTrees.write(tree, generator);
    }

    assertThat(written.toString())
        .isEqualTo(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree));
  }
}
