package dev.cutpoint.history;

import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A byte string reduced to its length and a 96-bit hash (lower-case hex): its CRC32C, CRC32 and
 * Adler-32, one after the other.
 *
 * <p>Why not SHA-256, as the first case files had: a case hashes megabytes (a request's bytes on
 * both sides, a file's content in the model and in the final state), and SHA-256 ran at 60–150
 * MB/s under C1, the only JIT tier of Maven's runs and of {@code ./cutpoint} — a sixth of a
 * matrix's CPU. The three checksums run at gigabytes a second on every tier (the JVM's CRC
 * intrinsics, zlib's Adler-32). The hash tells apart the byte strings of a case, which are the
 * harness's own, never an adversary's: a difference the two CRCs both miss must be a multiple of
 * both their polynomials (no difference shorter than 64 bits is), and Adler-32's sums are not
 * linear in the same way. A hash of 64 digits is a SHA-256 read from an older case file
 * ({@code cutpoint-case/2} and before); requests are hashed again when such a file is replayed.
 */
public record Digest(long length, String hash) {

  public Digest {
    Objects.requireNonNull(hash, "hash");
    if (length < 0) {
      throw new IllegalArgumentException("length must be >= 0, was " + length);
    }
    requireHash("hash", hash);
  }

  public static Digest of(byte[] bytes) {
    return new Hasher().update(bytes, 0, bytes.length).digest();
  }

  /** The hash of {@code bytes} as lower-case hex, the form the journal uses. */
  public static String hashHex(byte[] bytes) {
    return of(bytes).hash();
  }

  /**
   * A digest taken piece by piece: the digest of the pieces one after the other, so that a content
   * made of megabyte payloads is hashed without being joined or even expanded.
   */
  public static final class Hasher {
    private final CRC32C crc32c = new CRC32C();
    private final CRC32 crc32 = new CRC32();
    private final Adler32 adler32 = new Adler32();
    private long length;

    public Hasher update(byte[] bytes, int offset, int count) {
      crc32c.update(bytes, offset, count);
      crc32.update(bytes, offset, count);
      adler32.update(bytes, offset, count);
      length += count;
      return this;
    }

    /** The digest of everything so far. */
    public Digest digest() {
      HexFormat hex = HexFormat.of();
      return new Digest(length, hex.toHexDigits((int) crc32c.getValue())
          + hex.toHexDigits((int) crc32.getValue()) + hex.toHexDigits((int) adler32.getValue()));
    }
  }

  /** Whether {@code hash} was computed here, not read as a SHA-256 from an older case file. */
  public static boolean isCurrent(String hash) {
    return hash.length() == 24;
  }

  /**
   * A hash computed here (24 lower-case hex digits) or a SHA-256 from an older case file (64),
   * checked by hand: every request and reply makes one, and a regular expression was half a
   * percent of a matrix's CPU.
   */
  private static boolean isHash(String value) {
    if (value.length() != 24 && value.length() != 64) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks that {@code value}, named {@code field}, is a hash this class computes or an older case
   * file's SHA-256.
   */
  public static void requireHash(String field, String value) {
    if (!isHash(value)) {
      throw new IllegalArgumentException(
          field + " must be 24 lower-case hex digits (or 64, a SHA-256 of an older case file), was " + value);
    }
  }
}
