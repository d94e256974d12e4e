package dev.tollgate.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * Jackson's trees read from a parser and written to a generator, without an {@code ObjectMapper}:
 * making one costs a client command 50 ms, a tenth of its time, and a tree needs none of what it
 * sets up. For what a client command reads (config.toml, a token file) and prints (JSON).
 */
public final class JsonTrees {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonFactory JSON = new JsonFactory();

  private JsonTrees() {}

  /**
   * A JSON document as a tree.
   *
   * @throws IOException the parser's exception, with its location, when the text is not JSON
   */
  public static JsonNode readJson(byte[] json) throws IOException {
    try (JsonParser parser = JSON.createParser(json)) {
      return read(parser);
    }
  }

  /**
   * The parser's whole document as a tree.
   *
   * @throws IOException the parser's exception, with its location, when the text is not valid
   */
  public static JsonNode read(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      return NODES.missingNode();
    }
    JsonNode tree = value(parser);
    if (parser.nextToken() != null) {
      throw new JsonParseException(parser,
          "more than one value: expected one document");
    }
    return tree;
  }

  private static JsonNode value(JsonParser parser) throws IOException {
    switch (parser.currentToken()) {
      case START_OBJECT: {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.set(name, value(parser));
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser));
        }
        return array;
      }
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return number(parser);
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      case VALUE_EMBEDDED_OBJECT:
        return NODES.pojoNode(parser.getEmbeddedObject());
      default:
        throw new JsonParseException(parser,
            "unexpected " + parser.currentToken());
    }
  }

  private static JsonNode number(JsonParser parser) throws IOException {
    switch (parser.getNumberType()) {
      case INT:
        return NODES.numberNode(parser.getIntValue());
      case LONG:
        return NODES.numberNode(parser.getLongValue());
      case BIG_INTEGER:
        return NODES.numberNode(parser.getBigIntegerValue());
      case BIG_DECIMAL:
        return NODES.numberNode(parser.getDecimalValue());
      default:
        return NODES.numberNode(parser.getDoubleValue());
    }
  }

  /**
   * Writes the tree to the generator.
   *
   * @throws IllegalArgumentException for a node that has no JSON form (binary, an embedded object)
   */
  public static void write(JsonNode node, JsonGenerator out) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT:
        out.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          out.writeFieldName(field.getKey());
          write(field.getValue(), out);
        }
        out.writeEndObject();
        break;
      case ARRAY:
        out.writeStartArray();
        for (JsonNode element : node) {
          write(element, out);
        }
        out.writeEndArray();
        break;
      case STRING:
        out.writeString(node.textValue());
        break;
      case NUMBER:
        writeNumber(node, out);
        break;
      case BOOLEAN:
        out.writeBoolean(node.booleanValue());
        break;
      case NULL:
        out.writeNull();
        break;
      default:
        throw new IllegalArgumentException("a " + node.getNodeType() + " node has no JSON form");
    }
  }

  private static void writeNumber(JsonNode node, JsonGenerator out) throws IOException {
    switch (node.numberType()) {
      case INT:
        out.writeNumber(node.intValue());
        break;
      case LONG:
        out.writeNumber(node.longValue());
        break;
      case BIG_INTEGER:
        out.writeNumber(node.bigIntegerValue());
        break;
      case BIG_DECIMAL:
        out.writeNumber(node.decimalValue());
        break;
      case FLOAT:
        out.writeNumber(node.floatValue());
        break;
      default:
        out.writeNumber(node.doubleValue());
    }
  }
}
