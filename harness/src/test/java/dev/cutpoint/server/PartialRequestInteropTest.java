package dev.cutpoint.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.brzserve.BrzServe;
import dev.cutpoint.drive.breezy.InstalledBreezy;
import dev.cutpoint.drive.brzserve.ServedState;
import dev.cutpoint.history.ServerState;
import dev.cutpoint.wire.BList;
import dev.cutpoint.wire.Bencode;
import dev.cutpoint.wire.ByteString;
import dev.cutpoint.wire.Message;
import dev.cutpoint.wire.MessageEncoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §3.3 and invariant I1 at the byte level: every proper prefix of a request, sent raw and then
 * closed, executes nothing — on the Java server (journal empty, tree unchanged, still serving) and,
 * for {@code put} and {@code append}, on {@code brz serve} (tree unchanged).
 */
class PartialRequestInteropTest {

  private static BreezyInstallation breezy;

  @BeforeAll
  static void requireBreezy() {
    breezy = InstalledBreezy.require();
  }

  private static byte[] put() {
    return MessageEncoder.encode(Message.request(BList.ofStrings("put", "new.txt", ""), List.of(ByteString.of("payload"))));
  }

  private static byte[] append() {
    return MessageEncoder.encode(Message.request(BList.ofStrings("append", "a.txt", ""), List.of(ByteString.of("more"))));
  }

  private static byte[] insertStream() {
    return MessageEncoder.encode(Message.request(BList.ofStrings("insert_stream"), List.of(
        ByteString.of(Bencode.encode(BList.ofStrings("one", "1"))),
        ByteString.of(Bencode.encode(BList.ofStrings("two", "2"))))));
  }

  static Stream<Arguments> requests() {
    return Stream.of(Arguments.of("put", put()), Arguments.of("append", append()),
        Arguments.of("insert_stream", insertStream()));
  }

  static Stream<Arguments> breezyRequests() {
    return Stream.of(Arguments.of("put", put()), Arguments.of("append", append()));
  }

  /** Sends {@code bytes[0, k)}, closes the sending side, and waits for the server to close too. */
  private static void sendPrefixAndClose(InetSocketAddress address, byte[] bytes, int k) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(address, 5000);
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(bytes, 0, k);
      socket.shutdownOutput();
      byte[] sink = new byte[4096];
      try {
        while (socket.getInputStream().read(sink) >= 0) {
          // a server that answered a prefix would be caught by the journal or the tree below
        }
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the server kept a closed client's connection open (prefix of " + k + " bytes)", e);
      } catch (IOException reset) {
        // a reset is a close too
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void noPrefixExecutesOnTheJavaServer(String verb, byte[] bytes, @TempDir Path root) throws Exception {
    Files.writeString(root.resolve("a.txt"), "hello");
    try (SmartServer server = SmartServer.start(new DirectoryStore(root), ServerConfig.loopback())) {
      ServerState before = server.state();
      for (int k = 0; k < bytes.length; k++) {
        sendPrefixAndClose(server.address(), bytes, k);
      }
      assertThat(server.journal().size()).isZero();
      assertThat(server.state()).isEqualTo(before);
      try (RawClient client = new RawClient(server.address())) {
        client.send(bytes);
        assertThat(client.read().isSuccess()).isTrue();
      }
      assertThat(server.journal().size()).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breezyRequests")
  void noPrefixExecutesOnBrzServe(String verb, byte[] bytes) throws Exception {
    try (BrzServe serve = BrzServe.start(breezy)) {
      Files.writeString(serve.directory().resolve("a.txt"), "hello");
      InetSocketAddress address = new InetSocketAddress(BrzServe.HOST, serve.port());
      ServedState before = serve.snapshot();
      for (int k = 0; k < bytes.length; k++) {
        sendPrefixAndClose(address, bytes, k);
      }
      assertThat(serve.snapshot()).isEqualTo(before);
      sendPrefixAndClose(address, bytes, bytes.length);
      assertThat(serve.snapshot()).isNotEqualTo(before);
    }
  }

  /**
   * A finding, pinned: Breezy runs a request without a body as soon as its arguments arrive
   * ({@code ConventionalRequestHandler._args_received} executes and answers at once), so a
   * {@code mkdir} missing its terminal {@code e} creates the directory. The Java server does not.
   */
  @Test
  void brzServeExecutesABodylessRequestBeforeItsEndAndTheJavaServerDoesNot(@TempDir Path root) throws Exception {
    byte[] mkdir = MessageEncoder.encode(Message.request("mkdir", "made", ""));
    int allButEnd = mkdir.length - 1;
    try (BrzServe serve = BrzServe.start(breezy)) {
      sendPrefixAndClose(new InetSocketAddress(BrzServe.HOST, serve.port()), mkdir, allButEnd);
      assertThat(Files.isDirectory(serve.directory().resolve("made"))).isTrue();
    }
    try (SmartServer server = SmartServer.start(new DirectoryStore(root), ServerConfig.loopback())) {
      sendPrefixAndClose(server.address(), mkdir, allButEnd);
      assertThat(Files.exists(root.resolve("made"))).isFalse();
      assertThat(server.journal().size()).isZero();
    }
  }
}
