package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A list printed a page at a time as the pages arrive, so that no list is held whole: a JSON
 * array, or a table. A table's columns are as wide as each page needs (as kubectl prints chunks),
 * so a list of one page, the usual case, is exactly the table of its rows.
 */
final class ListOutput<T> {

  private final PrintWriter out;
  private final Json.ArrayStream json;
  private final List<String> headers;
  private final Function<T, JsonNode> toJson;
  private final Function<T, List<String>> toRow;
  private boolean started;
  private String bottomBorder;

  ListOutput(PrintWriter out, boolean json, List<String> headers, Function<T, JsonNode> toJson,
      Function<T, List<String>> toRow) {
    this.out = out;
    this.json = json ? new Json.ArrayStream(out) : null;
    this.headers = headers;
    this.toJson = toJson;
    this.toRow = toRow;
  }

  /**
   * Fetches every page from the first, as influxctl reads every page, and prints the list: each
   * page as it arrives when the list is wanted in the server's order (no {@code order}), else
   * all of it at the end, sorted.
   *
   * @param fetch the page that a page token starts (empty: the first)
   */
  <R> void printEveryPage(Function<String, R> fetch, Function<R, List<T>> items,
      Function<R, String> nextPageToken, Optional<Comparator<T>> order) {
    List<T> held = new ArrayList<>();
    String pageToken = "";
    do {
      R page = fetch.apply(pageToken);
      if (order.isEmpty()) {
        page(items.apply(page));
      } else {
        held.addAll(items.apply(page));
      }
      pageToken = nextPageToken.apply(page);
    } while (!pageToken.isEmpty());
    order.ifPresent(sorted -> {
      held.sort(sorted);
      page(held);
    });
    end();
  }

  /** Prints a page of the list now. */
  void page(List<T> items) {
    if (items.isEmpty()) {
      return;
    }
    if (json != null) {
      items.forEach(item -> json.add(toJson.apply(item)));
    } else {
      List<String> lines = Tables.of(headers, items.stream().map(toRow).toList()).lines().toList();
      // a table is its top border, header, separator, rows and bottom border
      for (int i = started ? 3 : 0; i < lines.size() - 1; i++) {
        out.println(lines.get(i));
      }
      bottomBorder = lines.get(lines.size() - 1);
      started = true;
    }
    out.flush();
  }

  /**
   * Ends the list once every page is printed: closes the array, or the table (an empty one when
   * there were no rows). A list that failed half way is left unended, as its exit code says.
   */
  void end() {
    if (json != null) {
      json.close();
    } else if (started) {
      out.println(bottomBorder);
    } else {
      out.println(Tables.of(headers, List.of()));
    }
    out.flush();
  }
}
