package dev.tollgate.domain.model;

/** The two kinds of token Tollgate issues. */
public enum TokenKind {
  /** Administrative automation: manages database tokens, grants no data access. */
  MANAGEMENT,
  /** Read and/or write access to databases. */
  DATABASE
}
