package dev.cutpoint.history;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The bytes of a request body or of one stream record, recorded so that a case can be replayed and
 * the model can compute the state they leave, without storing megabytes.
 *
 * <p>A {@link PayloadForm#GENERATED} payload is its marker {@code [token]} followed by filler up to
 * {@code size} bytes; the filler is lower-case letters only, so a marker can never occur inside
 * filler and a file's content can be parsed back into the payloads that made it — an append run
 * twice leaves its marker twice, a body cut short leaves a marker with too little filler (the
 * list-append idea of Jepsen's Elle). Tokens must be unique per request within a case and must not
 * contain {@code [} or {@code ]}.
 */
public record Payload(PayloadForm form, String text, int size) {

  private static final byte[] FILLER =
      "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
  /** The filler's first 2,496 × 26 bytes, to hash a payload's filler from without expanding it. */
  private static final byte[] FILLER_BLOCK = new byte[2_496 * FILLER.length];

  static {
    for (int i = 0; i < FILLER_BLOCK.length; i++) {
      FILLER_BLOCK[i] = FILLER[i % FILLER.length];
    }
  }

  public Payload {
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(text, "text");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, was " + size);
    }
    switch (form) {
      case GENERATED -> {
        if (text.isEmpty() || text.indexOf('[') >= 0 || text.indexOf(']') >= 0
            || !StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
          throw new IllegalArgumentException(
              "a payload token is non-empty ASCII without brackets, was '" + text + "'");
        }
        if (size < text.length() + 2) {
          throw new IllegalArgumentException(
              "payload size " + size + " cannot hold its marker [" + text + "]");
        }
      }
      case LITERAL -> {
        int actual = text.getBytes(StandardCharsets.UTF_8).length;
        if (size != actual) {
          throw new IllegalArgumentException(
              "a literal payload's size is its UTF-8 length " + actual + ", was " + size);
        }
      }
    }
  }

  /** A unique payload of {@code size} bytes: {@code [token]} then filler. */
  public static Payload generated(String token, int size) {
    return new Payload(PayloadForm.GENERATED, token, size);
  }

  /** A payload whose bytes are the UTF-8 encoding of {@code text}. */
  public static Payload literal(String text) {
    return new Payload(
        PayloadForm.LITERAL, text, text.getBytes(StandardCharsets.UTF_8).length);
  }

  /** The marker that starts a generated payload, {@code [token]}; a literal payload's text. */
  public String marker() {
    return form == PayloadForm.GENERATED ? "[" + text + "]" : text;
  }

  /** The payload's bytes, expanded. */
  public byte[] bytes() {
    if (form == PayloadForm.LITERAL) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    byte[] out = new byte[size];
    byte[] marker = marker().getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(marker, 0, out, 0, marker.length);
    // the filler repeats the alphabet: copy it in doubling blocks (payloads of megabytes are common)
    int filled = Math.min(FILLER.length, size - marker.length);
    System.arraycopy(FILLER, 0, out, marker.length, Math.max(0, filled));
    while (marker.length + filled < size) {
      int block = Math.min(filled, size - marker.length - filled);
      System.arraycopy(out, marker.length, out, marker.length + filled, block);
      filled += block;
    }
    return out;
  }

  /** The length and hash of {@link #bytes()}, taken without expanding them. */
  public Digest digest() {
    Digest.Hasher hasher = new Digest.Hasher();
    hashInto(hasher);
    return hasher.digest();
  }

  /** Hashes {@link #bytes()} into {@code hasher}, the filler from a block shared by all payloads. */
  public void hashInto(Digest.Hasher hasher) {
    if (form == PayloadForm.LITERAL) {
      byte[] bytes = bytes();
      hasher.update(bytes, 0, bytes.length);
      return;
    }
    byte[] marker = marker().getBytes(StandardCharsets.US_ASCII);
    hasher.update(marker, 0, marker.length);
    // whole blocks keep the alphabet's phase: the block is a whole number of alphabets
    for (int left = size - marker.length; left > 0; left -= FILLER_BLOCK.length) {
      hasher.update(FILLER_BLOCK, 0, Math.min(left, FILLER_BLOCK.length));
    }
  }
}
