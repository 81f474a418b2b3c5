package dev.cutpoint.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Argument checks for the model's records. A failed check is an {@link IllegalArgumentException}
 * naming the field, which {@link MatrixJson#read} turns into a {@link MalformedReportException}.
 */
final class Checks {
  private Checks() {}

  static <T> T present(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value;
  }

  static String text(String field, String value) {
    present(field, value);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " is blank");
    }
    return value;
  }

  /** An immutable copy, refusing a missing list and null elements. */
  static <T> List<T> list(String field, List<T> value) {
    present(field, value);
    for (int i = 0; i < value.size(); i++) {
      present(field + "[" + i + "]", value.get(i));
    }
    return List.copyOf(value);
  }

  /** Jackson hands a JSON {@code null} for an Optional field over as an empty Optional; a Java caller may pass null. */
  static <T> Optional<T> optional(Optional<T> value) {
    return Objects.requireNonNullElse(value, Optional.empty());
  }

  static long notNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " is negative: " + value);
    }
    return value;
  }
}
