package dev.cutpoint.history;

/** The response's status byte: {@code oS} or {@code oE}. */
public enum ReplyStatus {
  SUCCESS,
  ERROR
}
