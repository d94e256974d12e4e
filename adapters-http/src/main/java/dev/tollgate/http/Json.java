package dev.tollgate.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.Token;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The API's JSON: requests read into trees under limits that refuse depth and size before
 * allocating for them, and answers written field by field in the v0 contract's camelCase.
 */
final class Json {

  /** Deeper than any request of this API needs ({"permissions": [{...}]} is 3). */
  static final int MAX_DEPTH = 16;
  /** Longer than any string this API accepts (a description is at most 1024 characters). */
  static final int MAX_STRING = 8 * 1024;
  static final int MAX_NAME = 256;

  private static final JsonFactory WRITING = new JsonFactory();

  private final ObjectMapper reader;
  private final int maxBodyBytes;

  Json(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_STRING)
            .maxNameLength(MAX_NAME)
            .maxNumberLength(32)
            .maxDocumentLength(maxBodyBytes)
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    this.reader = new ObjectMapper(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** The body as a JSON tree. @throws HttpError 400 when it is not one JSON value within limits */
  JsonNode read(byte[] body) {
    try {
      JsonNode tree = reader.readTree(body);
      if (tree == null || tree.isMissingNode()) {
        throw new HttpError(400, "the request body is empty; expected a JSON object");
      }
      return tree;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new HttpError(400, "the request body is not valid JSON" + where + ": "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code {"code": N, "message": "..."}}. */
  static byte[] error(int status, String message) {
    return bytes(json -> {
      json.writeStartObject();
      json.writeNumberField("code", status);
      json.writeStringField("message", message);
      json.writeEndObject();
    });
  }

  /** One token object, with {@code accessToken} only when given (the create answer). */
  static byte[] token(Token token, Optional<String> accessToken, Optional<ClusterIds> cluster) {
    return bytes(json -> token(json, token, accessToken, cluster));
  }

  /** Writes one JSON value through a generator. */
  @FunctionalInterface
  interface Writing {
    void write(JsonGenerator json) throws IOException;
  }

  /** The bytes of the JSON value {@code writing} writes. */
  static byte[] bytes(Writing writing) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = WRITING.createGenerator(out)) {
      writing.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static JsonGenerator generator(OutputStream out) throws IOException {
    return WRITING.createGenerator(out);
  }

  /**
   * A v0 token object; in the Cloud Dedicated form of the paths it starts with the account and
   * cluster ids, as that API's objects do.
   */
  static void token(JsonGenerator json, Token token, Optional<String> accessToken,
      Optional<ClusterIds> cluster) throws IOException {
    json.writeStartObject();
    if (cluster.isPresent()) {
      json.writeStringField("accountId", cluster.get().accountId());
      json.writeStringField("clusterId", cluster.get().clusterId());
    }
    json.writeStringField("id", token.id().toString());
    json.writeStringField("description", token.description().value());
    permissions(json, token);
    json.writeStringField("createdAt", token.createdAt().toString());
    if (token.expiresAt().isPresent()) {
      json.writeStringField("expiresAt", token.expiresAt().get().toString());
    }
    if (token.revokedAt().isPresent()) {
      json.writeStringField("revokedAt", token.revokedAt().get().toString());
    }
    if (accessToken.isPresent()) {
      json.writeStringField("accessToken", accessToken.get());
    }
    json.writeEndObject();
  }

  /** A database token's {@code permissions}: {@code [{"action", "resource"}]}. */
  static void permissions(JsonGenerator json, Token token) throws IOException {
    json.writeArrayFieldStart("permissions");
    for (Permission permission : token.permissions()) {
      json.writeStartObject();
      json.writeStringField("action", permission.action().label());
      json.writeStringField("resource", permission.database().value());
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
