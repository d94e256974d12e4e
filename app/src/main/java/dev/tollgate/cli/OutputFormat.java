package dev.tollgate.cli;

/** {@code --format}: a table for people (the default) or JSON for programs. */
enum OutputFormat {
  table,
  json
}
