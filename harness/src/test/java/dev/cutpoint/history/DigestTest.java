package dev.cutpoint.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DigestTest {

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void aLargeByteStringIsItsSha256EachTimeItIsHashed() throws Exception {
    byte[] large = new byte[3 << 20];
    new Random(7).nextBytes(large);

    assertThat(Digest.sha256Hex(large)).isEqualTo(sha256(large));
    assertThat(Digest.sha256Hex(large.clone())).isEqualTo(sha256(large));
    assertThat(Digest.of(large)).isEqualTo(new Digest(large.length, sha256(large)));
  }

  @Test
  void theSameLengthWithOtherBytesIsAnotherDigest() throws Exception {
    byte[] large = new byte[1 << 20];
    new Random(8).nextBytes(large);
    String first = Digest.sha256Hex(large);
    byte[] changed = large.clone();
    changed[changed.length / 2] ^= 1;
    byte[] swapped = large.clone();
    swapped[0] = large[1];
    swapped[1] = large[0];

    assertThat(Digest.sha256Hex(changed)).isEqualTo(sha256(changed)).isNotEqualTo(first);
    assertThat(Digest.sha256Hex(swapped)).isEqualTo(sha256(swapped));
    assertThat(Digest.sha256Hex(large)).isEqualTo(first);
  }

  @Test
  void partsHashAsTheirJoin() throws Exception {
    byte[] joined = new byte[200_000];
    new Random(9).nextBytes(joined);
    List<byte[]> parts = List.of(Arrays.copyOfRange(joined, 0, 5), Arrays.copyOfRange(joined, 5, 150_000),
        Arrays.copyOfRange(joined, 150_000, joined.length));

    assertThat(Digest.of(parts)).isEqualTo(new Digest(joined.length, sha256(joined)));
    assertThat(Digest.of(List.of(new byte[3], new byte[4]))).isEqualTo(Digest.of(new byte[7]));
  }
}
