package dev.tollgate.cli;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.Predicate;

/** Small conversions between protobuf timestamps and instants for the command line. */
final class Protos {

  private Protos() {}

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano())
        .build();
  }

  static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  /** Orders by a timestamp field, earliest first, rows where it is unset last. */
  static <T> Comparator<T> unsetLast(Predicate<T> isSet, Function<T, Timestamp> field) {
    return Comparator.comparing((T row) -> !isSet.test(row))
        .thenComparing(row -> isSet.test(row) ? instant(field.apply(row)) : Instant.MIN);
  }
}
