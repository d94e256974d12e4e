package dev.tollgate.cli;

import picocli.CommandLine.Option;

/** {@code --format table|json}, shared by every command that prints tokens. */
final class FormatOption {

  @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  boolean json() {
    return format == OutputFormat.json;
  }
}
