package dev.cutpoint.drive.breezy;

import java.nio.charset.StandardCharsets;

/**
 * Byte strings as text, one character per byte (ISO-8859-1): how verb and response arguments
 * travel between the Java side and the driver, readable where they are ASCII (paths, verbs) and
 * lossless where they are not (lock tokens, odd names).
 */
public final class ByteText {

  private ByteText() {}

  /** {@code bytes} as text, one character per byte. */
  public static String of(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /**
   * The bytes {@code text} stands for.
   *
   * @throws IllegalArgumentException when a character is above U+00FF and so is not a byte
   */
  public static byte[] bytes(String text) {
    requireBytes(text, "text");
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  static void requireBytes(String text, String what) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0xFF) {
        throw new IllegalArgumentException(
            what + " must hold one byte per character; character " + i + " of " + text
                + " is U+" + Integer.toHexString(text.charAt(i)).toUpperCase());
      }
    }
  }
}
