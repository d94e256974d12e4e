package dev.tollgate.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.text.JsonTrees;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * JSON written as influxctl prints it, indented by two spaces, an empty array as {@code []};
 * what a message becomes is {@link ProtoJson}'s.
 */
final class Json {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final TidyPrinter PRINTER = new TidyPrinter(new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));

  /** Jackson's pretty printer, but an empty array is {@code []} and an empty object {@code {}}. */
  private static final class TidyPrinter extends DefaultPrettyPrinter {

    private static final long serialVersionUID = 1L;

    TidyPrinter(DefaultPrettyPrinter base) {
      super(base);
    }

    @Override
    public TidyPrinter createInstance() {
      return new TidyPrinter(this);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      if (nrOfValues > 0) {
        super.writeEndArray(g, nrOfValues);
        return;
      }
      if (!_arrayIndenter.isInline()) {
        --_nesting;
      }
      g.writeRaw(']');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
      if (nrOfEntries > 0) {
        super.writeEndObject(g, nrOfEntries);
        return;
      }
      if (!_objectIndenter.isInline()) {
        --_nesting;
      }
      g.writeRaw('}');
    }
  }

  private Json() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  static String write(JsonNode node) {
    if (node.isArray() && node.isEmpty()) {
      return "[]";
    }
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = generator(text)) {
      JsonTrees.write(node, generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** A generator that writes as {@link #write} does; it leaves the writer open when closed. */
  private static JsonGenerator generator(Writer out) throws IOException {
    return FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .setPrettyPrinter(PRINTER.createInstance());
  }

  /** A JSON array written an element at a time, formatted as {@link #write} formats arrays. */
  static final class ArrayStream {

    private final PrintWriter out;
    private JsonGenerator generator;

    ArrayStream(PrintWriter out) {
      this.out = out;
    }

    void add(JsonNode element) {
      try {
        if (generator == null) {
          generator = generator(out);
          generator.writeStartArray();
        }
        // the element nested in the array the generator is writing, as in a whole array
        JsonTrees.write(element, generator);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void close() {
      try {
        if (generator == null) {
          out.print("[]");
        } else {
          generator.writeEndArray();
          generator.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.println();
    }
  }
}
