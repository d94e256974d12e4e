package dev.tollgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tollgate.domain.inmemory.InMemoryTollgate;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document served says exactly what the route table serves, both ways. */
class OpenApiDocumentTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static Map<String, TreeSet<String>> documented(JsonNode document) {
    Map<String, TreeSet<String>> paths = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = document.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      TreeSet<String> methods = new TreeSet<>();
      path.getValue().fieldNames().forEachRemaining(m -> methods.add(m.toUpperCase(Locale.ROOT)));
      paths.put(path.getKey(), methods);
    }
    return paths;
  }

  private static Map<String, TreeSet<String>> routed() {
    Map<String, TreeSet<String>> paths = new TreeMap<>();
    HttpApi.routes(InMemoryTollgate.startingAt(HttpTollgate.START).useCases(),
        Optional.empty()).served()
        .forEach((template, methods) -> paths.put(template, new TreeSet<>(methods)));
    return paths;
  }

  @Test
  void servedDocument_listsEveryRouteAndMethod_andNothingElse() throws Exception {
    try (HttpTollgate http = new HttpTollgate()) {
      HttpResponse<String> answer = http.send(http.anonymous(OwnRoutes.DOCUMENT).GET());

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/yaml");
      JsonNode document = YAML.readTree(answer.body());
      assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
      assertThat(documented(document)).isEqualTo(routed());
    }
  }

  @Test
  void everyOperation_hasAnIdAndItsPathParameters_andEveryReferenceResolves() throws Exception {
    JsonNode document = YAML.readTree(OwnRoutes.document());
    List<String> ids = new ArrayList<>();
    document.get("paths").fields().forEachRemaining(path ->
        path.getValue().fields().forEachRemaining(operation -> {
          ids.add(operation.getValue().get("operationId").asText());
          String parameters = operation.getValue().path("parameters").toString();
          for (String segment : path.getKey().split("/")) {
            if (segment.startsWith("{")) {
              assertThat(parameters).as(path.getKey() + " " + operation.getKey())
                  .contains(segment.substring(1, segment.length() - 1));
            }
          }
        }));
    assertThat(ids).doesNotHaveDuplicates().doesNotContain("");
    String text = new String(OwnRoutes.document(), java.nio.charset.StandardCharsets.UTF_8);
    java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\\$ref: '#/([^']+)'")
        .matcher(text);
    while (refs.find()) {
      assertThat(document.at("/" + refs.group(1)).isMissingNode()).as(refs.group(1)).isFalse();
    }
  }
}
