package dev.cutpoint.wire;

/** Which way a message travels; requests and responses order their parts differently. */
public enum Direction {
  REQUEST,
  RESPONSE
}
