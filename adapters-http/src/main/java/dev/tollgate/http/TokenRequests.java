package dev.tollgate.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.DatabaseName;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.PermissionAction;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.UserInput;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import dev.tollgate.domain.port.in.RotateTokenUseCase;
import dev.tollgate.domain.port.in.UpdateDatabaseTokenUseCase;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The request bodies read into use-case commands: every field checked by name and type, and
 * a field this API does not know refused by name (a typo must not change what is created).
 * JSON {@code null} counts as absent.
 */
final class TokenRequests {

  private static final List<String> CREATE_FIELDS =
      List.of("description", "permissions", "expiresAt", "expirationType");
  private static final List<String> UPDATE_FIELDS = List.of("description", "permissions");
  private static final List<String> MANAGEMENT_FIELDS = List.of("description", "expiresAt");
  private static final List<String> ROTATE_FIELDS = List.of("overlapSeconds");
  private static final List<String> PERMISSION_FIELDS = List.of("action", "resource");

  private TokenRequests() {}

  static CreateDatabaseTokenUseCase.Command create(Caller caller, JsonNode body) {
    object(body, "request body", CREATE_FIELDS, "");
    String description = string(body, "description", "")
        .orElseThrow(() -> new InvalidRequestException("description",
            "is missing; a database token needs a description of what it is for"));
    Set<Permission> permissions = permissions(body).orElse(Set.of());
    Optional<Instant> expiresAt = string(body, "expiresAt", "").map(text -> instant("expiresAt", text));
    Optional<String> type = string(body, "expirationType", "");
    if (type.isPresent()) {
      switch (type.get()) {
        case "datetime" -> {
          if (expiresAt.isEmpty()) {
            throw new InvalidRequestException("expiresAt",
                "is missing; expirationType datetime requires it");
          }
        }
        case "noExpiration" -> {
          if (expiresAt.isPresent()) {
            throw new InvalidRequestException("expiresAt",
                "is set; expirationType noExpiration forbids it");
          }
        }
        default -> throw new InvalidRequestException("expirationType", UserInput.quote(type.get())
            + " is not an expiration type; expected datetime or noExpiration");
      }
    }
    return new CreateDatabaseTokenUseCase.Command(caller, Description.of(description), permissions,
        expiresAt);
  }

  static UpdateDatabaseTokenUseCase.Command update(Caller caller, TokenId id, JsonNode body) {
    object(body, "request body", UPDATE_FIELDS, "");
    Optional<Description> description = string(body, "description", "").map(Description::of);
    return new UpdateDatabaseTokenUseCase.Command(caller, id, description, permissions(body));
  }

  static CreateManagementTokenUseCase.Command createManagement(Caller caller, JsonNode body) {
    object(body, "request body", MANAGEMENT_FIELDS, "");
    String description = string(body, "description", "")
        .orElseThrow(() -> new InvalidRequestException("description",
            "is missing; a management token needs a description of what it is for"));
    return new CreateManagementTokenUseCase.Command(caller, Description.of(description),
        string(body, "expiresAt", "").map(text -> instant("expiresAt", text)));
  }

  /** A rotation: {@code overlapSeconds}, how long the previous string keeps working (0 if absent). */
  static RotateTokenUseCase.Command rotate(Caller caller, TokenKind kind, TokenId id,
      JsonNode body) {
    object(body, "request body", ROTATE_FIELDS, "");
    JsonNode overlap = body.get("overlapSeconds");
    long seconds = 0;
    if (overlap != null && !overlap.isNull()) {
      if (!overlap.isIntegralNumber() || !overlap.canConvertToLong()) {
        throw wrongType("overlapSeconds", "a whole number of seconds", overlap);
      }
      seconds = overlap.longValue();
    }
    return new RotateTokenUseCase.Command(caller, kind, id, Duration.ofSeconds(seconds));
  }

  private static Optional<Set<Permission>> permissions(JsonNode body) {
    JsonNode list = body.get("permissions");
    if (list == null || list.isNull()) {
      return Optional.empty();
    }
    if (!list.isArray()) {
      throw wrongType("permissions", "an array of {\"action\", \"resource\"} objects", list);
    }
    Set<Permission> permissions = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "permissions[" + i + "]";
      JsonNode entry = list.get(i);
      object(entry, at, PERMISSION_FIELDS, at + ".");
      String action = string(entry, "action", at + ".").orElseThrow(() -> missing(at + ".action"));
      String resource = string(entry, "resource", at + ".")
          .orElseThrow(() -> missing(at + ".resource"));
      PermissionAction parsed = PermissionAction.parse(at + ".action", action);
      DatabaseName database;
      try {
        database = new DatabaseName(resource);
      } catch (InvalidRequestException e) {
        throw new InvalidRequestException(at + ".resource", e.reason());
      }
      permissions.add(new Permission(parsed, database));
    }
    return Optional.of(permissions);
  }

  /** Fails unless {@code node} is an object whose fields are all among {@code known}. */
  private static void object(JsonNode node, String what, List<String> known, String prefix) {
    if (!node.isObject()) {
      throw new HttpError(400, what + ": expected a JSON object, got " + kind(node));
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        // named as sent, not through the domain's snake_case-to-camelCase naming
        throw new HttpError(400, UserInput.quote(prefix + name) + " is not a field of this request;"
            + " expected " + String.join(", ", known));
      }
    }
  }

  private static Optional<String> string(JsonNode object, String field, String prefix) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw wrongType(prefix + field, "a string", value);
    }
    return Optional.of(value.textValue());
  }

  /** A time sent as field {@code field}. @throws InvalidRequestException unless RFC 3339 */
  static Instant instant(String field, String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(field, UserInput.quote(text)
          + " is not an RFC 3339 date-time; expected e.g. 2027-01-01T00:00:00Z");
    }
  }

  private static InvalidRequestException missing(String field) {
    return new InvalidRequestException(field, "is missing");
  }

  private static InvalidRequestException wrongType(String field, String expected, JsonNode got) {
    return new InvalidRequestException(field, "expected " + expected + ", got " + kind(got));
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL, MISSING -> "null";
      case BINARY -> "binary data";
    };
  }
}
