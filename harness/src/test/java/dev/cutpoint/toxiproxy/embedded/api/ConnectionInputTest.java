package dev.cutpoint.toxiproxy.embedded.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The connection's buffered input gives every byte once, in order, however it is asked for. */
class ConnectionInputTest {

  /** 20,000 bytes that differ from their neighbours, arriving as a socket gives them: in pieces. */
  private static final byte[] DATA = new byte[20_000];

  static {
    for (int i = 0; i < DATA.length; i++) {
      DATA[i] = (byte) (i * 31 + i / 256);
    }
  }

  /** A stream that never returns more than {@code piece} bytes at a time. */
  private static InputStream inPieces(int piece) {
    return new InputStream() {
      private int at;

      @Override
      public int read() {
        return at < DATA.length ? DATA[at++] & 0xff : -1;
      }

      @Override
      public int read(byte[] into, int offset, int length) {
        if (at == DATA.length) {
          return -1;
        }
        int count = Math.min(Math.min(length, piece), DATA.length - at);
        System.arraycopy(DATA, at, into, offset, count);
        at += count;
        return count;
      }
    };
  }

  @Test
  void singleBytesAndBlocksOfEverySizeComeInOrder() throws IOException {
    for (int piece : new int[] {1, 7, 8192, 50_000}) {
      ConnectionInput in = new ConnectionInput(inPieces(piece));
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      int[] asks = {1, 0, 3, 9000, 17, 8192, 2};
      for (int i = 0; ; i++) {
        int ask = asks[i % asks.length];
        if (ask == 1) {
          int b = in.read();
          if (b < 0) {
            break;
          }
          got.write(b);
          continue;
        }
        byte[] block = new byte[ask + 4];
        int n = in.read(block, 2, ask);
        if (n < 0) {
          break;
        }
        assertThat(n).isBetween(ask == 0 ? 0 : 1, ask);
        got.write(block, 2, n);
      }
      assertThat(Arrays.equals(got.toByteArray(), DATA)).as("pieces of %d", piece).isTrue();
      assertThat(in.read()).isEqualTo(-1);
      assertThat(in.read(new byte[4], 0, 4)).isEqualTo(-1);
    }
  }

  @Test
  void aBlockOutsideItsArrayIsRefused() {
    ConnectionInput in = new ConnectionInput(inPieces(10));
    assertThatThrownBy(() -> in.read(new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
