package dev.cutpoint.history;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** A byte string reduced to its length and SHA-256 (lower-case hex). */
public record Digest(long length, String sha256) {

  public Digest {
    Objects.requireNonNull(sha256, "sha256");
    if (length < 0) {
      throw new IllegalArgumentException("length must be >= 0, was " + length);
    }
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, was " + sha256);
    }
  }

  public static Digest of(byte[] bytes) {
    return new Digest(bytes.length, sha256Hex(bytes));
  }

  /** The SHA-256 of {@code bytes} as lower-case hex, the form the journal uses. */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
