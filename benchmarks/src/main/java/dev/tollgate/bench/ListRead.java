package dev.tollgate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One {@code GET /api/v0/tokens} read to its end as it arrives: when the answer's headers and
 * its first byte came, when it ended, and how many token objects the array held, counted on the
 * bytes (no JSON tree is built, so the client's own cost stays small).
 */
final class ListRead {

  /** What one read measured; times in nanoseconds from just before the request was sent. */
  record Timing(long headers, long firstByte, long total, long tokens, long bytes) {

    double firstByteMillis() {
      return firstByte / 1e6;
    }

    double totalMillis() {
      return total / 1e6;
    }
  }

  /** Something done while the answer is read, each time another batch of tokens has come. */
  interface Probe {
    void at(long tokensSoFar) throws Exception;
  }

  private static final int BUFFER = 64 * 1024;

  private ListRead() {}

  /**
   * Reads the whole list; with {@code every > 0}, stops reading each time {@code every} more
   * tokens have come and runs {@code probe}, while the server waits to send the rest.
   *
   * @throws IllegalStateException when the answer is not 200
   */
  static Timing read(HttpClient client, URI list, String bearer, long every, Probe probe)
      throws Exception {
    HttpRequest request = HttpRequest.newBuilder(list).timeout(Duration.ofMinutes(5))
        .header("Authorization", "Bearer " + bearer).GET().build();
    long start = System.nanoTime();
    HttpResponse<InputStream> response = client.send(request,
        HttpResponse.BodyHandlers.ofInputStream());
    long headers = System.nanoTime() - start;
    long firstByte = -1;
    long tokens = 0;
    long bytes = 0;
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    byte[] buffer = new byte[BUFFER];
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + list + " answered " + response.statusCode()
            + ": " + new String(body.readNBytes(500), StandardCharsets.UTF_8));
      }
      for (int n; (n = body.read(buffer)) >= 0; ) {
        if (firstByte < 0 && n > 0) {
          firstByte = System.nanoTime() - start;
        }
        bytes += n;
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (inString) {
            if (escaped) {
              escaped = false;
            } else if (b == '\\') {
              escaped = true;
            } else if (b == '"') {
              inString = false;
            }
          } else if (b == '"') {
            inString = true;
          } else if (b == '{' || b == '[') {
            if (b == '{' && depth == 1) {
              tokens++;
              if (every > 0 && tokens % every == 0) {
                probe.at(tokens);
              }
            }
            depth++;
          } else if (b == '}' || b == ']') {
            depth--;
          }
        }
      }
    } catch (IOException e) {
      throw new IOException("reading GET " + list + " after " + bytes + " bytes: "
          + e.getMessage(), e);
    }
    return new Timing(headers, firstByte, System.nanoTime() - start, tokens, bytes);
  }
}
