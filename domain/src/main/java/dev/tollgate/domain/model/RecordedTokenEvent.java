package dev.tollgate.domain.model;

/** A {@link TokenEvent} as the store recorded it, with its place {@code seq} in the log. */
public record RecordedTokenEvent(long seq, TokenEvent event) {}
