package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MapEntry;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import java.util.Comparator;
import java.util.List;

/**
 * ProtoJson's rule written once more, against the messages' descriptors, so that a test can hold
 * every field of every printed message to it (a field added to a .proto and forgotten fails).
 */
final class RuleJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RuleJson() {}

  static ObjectNode of(Message message) {
    ObjectNode node = NODES.objectNode();
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      if (field.isMapField()) {
        ObjectNode map = node.putObject(field.getName());
        @SuppressWarnings("unchecked")
        List<MapEntry<?, ?>> entries = (List<MapEntry<?, ?>>) message.getField(field);
        entries.stream().sorted(Comparator.comparing(entry -> String.valueOf(entry.getKey())))
            .forEach(entry -> map.set(String.valueOf(entry.getKey()), value(entry.getValue())));
      } else if (field.isRepeated()) {
        ArrayNode values = node.putArray(field.getName());
        for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
          values.add(value(message.getRepeatedField(field, i)));
        }
      } else if (field.hasPresence() ? message.hasField(field)
          : !"".equals(message.getField(field))) {
        node.set(field.getName(), value(message.getField(field)));
      }
    }
    return node;
  }

  private static JsonNode value(Object value) {
    if (value instanceof Timestamp timestamp) {
      ObjectNode node = NODES.objectNode().put("seconds", timestamp.getSeconds());
      return timestamp.getNanos() == 0 ? node : node.put("nanos", timestamp.getNanos());
    }
    if (value instanceof Message message) {
      return of(message);
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    if (value instanceof Integer number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number);
    }
    if (value instanceof EnumValueDescriptor constant) {
      return NODES.textNode(constant.getName());
    }
    return NODES.textNode((String) value);
  }

  /**
   * The message with every field set: to zero values (empty text, 0, false, a timestamp at 0) or
   * to others, lists and maps with two entries (map keys out of order).
   */
  static Message filled(Message kind, boolean zero) {
    Message.Builder builder = kind.newBuilderForType();
    for (FieldDescriptor field : kind.getDescriptorForType().getFields()) {
      if (field.isMapField()) {
        for (String key : List.of("b", "a")) {
          Message.Builder entry = builder.newBuilderForField(field);
          FieldDescriptor keyField = entry.getDescriptorForType().findFieldByName("key");
          FieldDescriptor valueField = entry.getDescriptorForType().findFieldByName("value");
          entry.setField(keyField, key).setField(valueField, scalar(valueField, zero));
          builder.addRepeatedField(field, entry.build());
        }
      } else if (field.isRepeated()) {
        builder.addRepeatedField(field, element(builder, field, zero));
        builder.addRepeatedField(field, element(builder, field, zero));
      } else {
        builder.setField(field, element(builder, field, zero));
      }
    }
    return builder.build();
  }

  private static Object element(Message.Builder builder, FieldDescriptor field, boolean zero) {
    if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
      return scalar(field, zero);
    }
    Message.Builder nested = builder.newBuilderForField(field);
    return filled(nested.getDefaultInstanceForType(), zero);
  }

  private static Object scalar(FieldDescriptor field, boolean zero) {
    return switch (field.getJavaType()) {
      case STRING -> zero ? "" : field.getName() + " value";
      case INT -> zero ? 0 : 7;
      case LONG -> zero ? 0L : 7L;
      case BOOLEAN -> !zero;
      case ENUM -> field.getEnumType().getValues().get(zero ? 0 : 1);
      default -> throw new IllegalArgumentException(field.getFullName() + " is of a type that"
          + " no printed message has yet: teach ProtoJson and this rule about it");
    };
  }
}
