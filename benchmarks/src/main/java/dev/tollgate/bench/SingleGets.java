package dev.tollgate.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/** Reads of one token over HTTP, one after another, timed whole: a baseline for a list's start. */
final class SingleGets {

  private SingleGets() {}

  /** The median time of {@code count} reads of {@code uri}, milliseconds. */
  static double median(HttpClient client, URI uri, String bearer, int count) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + bearer)
        .GET().build();
    double[] millis = new double[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      HttpResponse<byte[]> response = client.send(request,
          HttpResponse.BodyHandlers.ofByteArray());
      millis[i] = (System.nanoTime() - start) / 1e6;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
      }
    }
    Arrays.sort(millis);
    return millis[count / 2];
  }
}
