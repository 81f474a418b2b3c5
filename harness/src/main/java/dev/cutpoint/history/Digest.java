package dev.cutpoint.history;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A byte string reduced to its length and SHA-256 (lower-case hex).
 *
 * <p>One case hashes the same large bytes again and again: the client's request and the server's
 * journal of it, a file's content in the model and in the final state, a response body on both
 * sides. SHA-256 costs 5–15 ms per MiB where the JIT has not given it its intrinsic (the
 * interpreter, C1: the Maven runs), so a SHA-256 of bytes above {@link #MEMO_FROM} is computed
 * once and found again by their length and two hardware CRCs (CRC32C and CRC32, gigabytes a
 * second): two different byte strings of the same length that agree on both have a chance of
 * 2^-64, and no case's payloads are chosen to collide.
 */
public record Digest(long length, String sha256) {

  private static final int MEMO_FROM = 16 * 1024;
  private static final int MEMO_ENTRIES = 256;
  private static final Map<Fingerprint, String> MEMO = new LinkedHashMap<>(MEMO_ENTRIES, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Fingerprint, String> eldest) {
      return size() > MEMO_ENTRIES;
    }
  };

  private record Fingerprint(long length, long crc32c, long crc32) {}

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

  /** The digest of {@code parts} one after the other, without joining them. */
  public static Digest of(List<byte[]> parts) {
    return new Digest(parts.stream().mapToLong(p -> p.length).sum(), sha256Hex(parts));
  }

  /** The SHA-256 of {@code bytes} as lower-case hex, the form the journal uses. */
  public static String sha256Hex(byte[] bytes) {
    return sha256Hex(List.of(bytes));
  }

  private static String sha256Hex(List<byte[]> parts) {
    long length = parts.stream().mapToLong(p -> p.length).sum();
    if (length < MEMO_FROM) {
      return sha256(parts);
    }
    CRC32C crc32c = new CRC32C();
    CRC32 crc32 = new CRC32();
    for (byte[] part : parts) {
      crc32c.update(part);
      crc32.update(part);
    }
    Fingerprint key = new Fingerprint(length, crc32c.getValue(), crc32.getValue());
    synchronized (MEMO) {
      String known = MEMO.get(key);
      if (known != null) {
        return known;
      }
    }
    String computed = sha256(parts);
    synchronized (MEMO) {
      MEMO.put(key, computed);
    }
    return computed;
  }

  private static String sha256(List<byte[]> parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      parts.forEach(sha::update);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
