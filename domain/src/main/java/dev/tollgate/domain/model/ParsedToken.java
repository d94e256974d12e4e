package dev.tollgate.domain.model;

/** The outcome of checking a presented string against the token formats. */
public sealed interface ParsedToken {

  /** The string has a known prefix, the right length and alphabet, and a matching checksum. */
  record WellFormed(TokenString token) implements ParsedToken {}

  /** The string is not a token; {@link #defect()} says why, for metrics and debug logs only. */
  record Malformed(Defect defect) implements ParsedToken {}

  /** Why a string is not a token. */
  enum Defect {
    EMPTY,
    UNKNOWN_PREFIX,
    WRONG_LENGTH,
    BAD_CHARACTER,
    BAD_CHECKSUM
  }
}
