package dev.cutpoint.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class DigestTest {

  @Test
  void theHashIsTheCrc32cTheCrc32AndTheAdler32OfTheBytes() {
    byte[] bytes = "bzr message 3 (bzr 1.6)\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    CRC32C crc32c = new CRC32C();
    crc32c.update(bytes);
    CRC32 crc32 = new CRC32();
    crc32.update(bytes);
    Adler32 adler32 = new Adler32();
    adler32.update(bytes);

    assertThat(Digest.hashHex(bytes)).isEqualTo(
        String.format("%08x%08x%08x", crc32c.getValue(), crc32.getValue(), adler32.getValue()));
    assertThat(Digest.hashHex(new byte[0])).isEqualTo("000000000000000000000001");
    assertThat(Digest.isCurrent(Digest.hashHex(bytes))).isTrue();
  }

  @Test
  void byteStringsThatDifferHashApart() {
    byte[] large = new byte[1 << 20];
    new Random(8).nextBytes(large);
    byte[] changed = large.clone();
    changed[changed.length / 2] ^= 1;
    byte[] swapped = large.clone();
    swapped[0] = large[1];
    swapped[1] = large[0];
    byte[] prefix = Arrays.copyOf(large, large.length - 1);

    assertThat(List.of(Digest.hashHex(large), Digest.hashHex(changed), Digest.hashHex(swapped),
        Digest.hashHex(prefix))).doesNotHaveDuplicates();
    assertThat(Digest.hashHex(large.clone())).isEqualTo(Digest.hashHex(large));
  }

  /** The harness's payloads: a short marker, then the same filler; only the marker tells them apart. */
  @Test
  void payloadsOfTheSameSizeHashApart() {
    List<String> hashes = List.of("t0", "t1", "t2", "t3", "t0s0", "t0s1", "i0", "i1").stream()
        .map(token -> Payload.generated(token, 3 << 20).digest().hash())
        .toList();

    assertThat(hashes).doesNotHaveDuplicates();
  }

  @Test
  void partsHashAsTheirJoin() {
    byte[] joined = new byte[200_000];
    new Random(9).nextBytes(joined);
    List<byte[]> parts = List.of(Arrays.copyOfRange(joined, 0, 5), Arrays.copyOfRange(joined, 5, 150_000),
        Arrays.copyOfRange(joined, 150_000, joined.length));

    Digest.Hasher pieces = new Digest.Hasher();
    parts.forEach(part -> pieces.update(part, 0, part.length));

    assertThat(pieces.digest()).isEqualTo(Digest.of(joined));
    assertThat(new Digest.Hasher().update(joined, 5, 3).update(new byte[0], 0, 0).digest())
        .isEqualTo(Digest.of(Arrays.copyOfRange(joined, 5, 8)));
  }

  /** A payload is hashed without being expanded: the filler comes from a shared block. */
  @Test
  void aPayloadHashesAsItsBytes() {
    int block = 2_496 * 26;
    for (int size : new int[] {4, 5, 30, 31, block, block + 3, block + 4, 2 * block + 7, 3 << 20}) {
      Payload payload = Payload.generated("t1", size);

      assertThat(payload.digest()).as("size %d", size).isEqualTo(Digest.of(payload.bytes()));
    }
    Payload literal = Payload.literal("caf\u00e9");
    assertThat(literal.digest()).isEqualTo(Digest.of(literal.bytes()));
  }

  @Test
  void aSha256OfAnOlderCaseFileReadsButIsNotCurrent() {
    String sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    assertThat(new Digest(0, sha256).hash()).isEqualTo(sha256);
    assertThat(Digest.isCurrent(sha256)).isFalse();
    assertThatThrownBy(() -> new Digest(0, "E3B0C442")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("24 lower-case hex digits");
    for (String wrong : List.of("0123456789ABCDEF01234567", "0123456789abcdeg01234567", "0123456789abcdef0123456",
        "0123456789abcdef012345678", "0123456789abcdef0123456 ", sha256.substring(1) + "G", "")) {
      assertThatThrownBy(() -> new Digest(0, wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(new Digest(0, "0123456789abcdef01234567").hash()).isEqualTo("0123456789abcdef01234567");
  }
}
