package dev.tollgate.cli;

import picocli.CommandLine.Option;

/**
 * {@code --expires-at} of every create command, and {@code --expire-at} as the seed document's
 * own influxctl example spells it, hidden, so that the example works as printed.
 */
final class ExpiryOption {

  @Option(names = "--expires-at", paramLabel = "RFC3339",
      description = "When the token stops working, e.g. 2030-01-01T00:00:00Z; never if unset.")
  String expiresAt;

  @Option(names = "--expire-at", paramLabel = "RFC3339", hidden = true)
  void expireAt(String value) {
    expiresAt = value;
  }
}
