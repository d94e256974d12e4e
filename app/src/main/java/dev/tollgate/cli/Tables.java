package dev.tollgate.cli;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import com.google.protobuf.Timestamp;
import java.util.List;

/** ASCII tables as influxctl prints them, bordered with {@code +-|}. */
final class Tables {

  private Tables() {}

  /** A table with a header row; every cell left-aligned. */
  static String of(List<String> headers, List<List<String>> rows) {
    Column[] columns = headers.stream().map(header -> new Column().header(header)
        .headerAlign(HorizontalAlign.LEFT).dataAlign(HorizontalAlign.LEFT)).toArray(Column[]::new);
    String[][] data = rows.stream().map(row -> row.toArray(String[]::new)).toArray(String[][]::new);
    return AsciiTable.builder().border(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS)
        .data(columns, data).asString();
  }

  /** A two-column key/value table without header, keys right-aligned, as after a create. */
  static String keyValue(List<List<String>> rows) {
    Column[] columns = {new Column().dataAlign(HorizontalAlign.RIGHT),
        new Column().dataAlign(HorizontalAlign.LEFT)};
    String[][] data = rows.stream().map(row -> row.toArray(String[]::new)).toArray(String[][]::new);
    return AsciiTable.builder().border(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS)
        .data(columns, data).asString();
  }

  /** Second-precision UTC RFC 3339, or an empty cell when unset. */
  static String time(boolean isSet, Timestamp timestamp) {
    return isSet ? Times.format(Protos.instant(timestamp)) : "";
  }
}
