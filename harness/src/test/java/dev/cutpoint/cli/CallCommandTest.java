package dev.cutpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.client.BreezyServe;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CallCommandTest {

  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

  private String out() {
    return console.out();
  }

  private String err() {
    return console.err();
  }

  private void assertOneLineError(String containing) {
    assertThat(err()).startsWith("cutpoint: ").contains(containing).endsWith("\n");
    assertThat(err().strip()).doesNotContain("\n");
  }

  @Test
  void aUrlThatIsNotBzrIsABadArgument() {
    assertThat(Main.run("call", "http://127.0.0.1:1/", "hello")).isEqualTo(2);
    assertOneLineError("is not a bzr:// URL");
  }

  @Test
  void aUrlWithAPathIsABadArgument() {
    assertThat(Main.run("call", "bzr://127.0.0.1:1/some/branch", "hello")).isEqualTo(2);
    assertOneLineError("names a path");
  }

  @Test
  void anUnknownVerbIsABadArgumentThatListsTheKnownOnes() {
    assertThat(Main.run("call", "bzr://127.0.0.1:1/", "frobnicate")).isEqualTo(2);
    assertOneLineError("unknown verb 'frobnicate'");
    assertThat(err()).contains("Branch.lock_write");
  }

  @Test
  void theWrongNumberOfArgumentsIsABadArgument() {
    assertThat(Main.run("call", "bzr://127.0.0.1:1/", "get")).isEqualTo(2);
    assertOneLineError("get takes 1 argument(s)");
  }

  @Test
  void aBodyForAVerbWithoutOneIsABadArgument(@TempDir Path temp) throws Exception {
    Path body = Files.writeString(temp.resolve("b"), "x");
    assertThat(Main.run("call", "bzr://127.0.0.1:1/", "get", "a", "--body-file", body.toString())).isEqualTo(2);
    assertOneLineError("get takes no body");
  }

  @Test
  void aRefusedConnectionIsOneLineAndExitOne() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }

    assertThat(Main.run("call", "bzr://127.0.0.1:" + port + "/", "hello", "--timeout", "2000")).isEqualTo(1);
    assertOneLineError("connection lost on connect calling hello");
    assertThat(out()).isEmpty();
  }

  @Test
  void callsBrzServeAndPrintsTheTupleAndTheBody(@TempDir Path temp) throws Exception {
    Path root = Files.createDirectories(temp.resolve("served"));
    Path body = Files.writeString(temp.resolve("body"), "hello world");
    try (BreezyServe breezy = BreezyServe.start(root)) {
      String url = "bzr://127.0.0.1:" + breezy.port() + "/";

      assertThat(Main.run("call", url, "put", "a.txt", "", "--body-file", body.toString())).isEqualTo(0);
      assertThat(out()).isEqualTo("(b'ok',)\n");
      console.clear();

      assertThat(Main.run("call", url, "get", "a.txt")).isEqualTo(0);
      assertThat(out()).isEqualTo("(b'ok',)\nhello world");
      console.clear();

      assertThat(Main.run("call", url, "hello", "--no-retry")).isEqualTo(0);
      assertThat(out()).isEqualTo("(b'ok', b'2')\n");
      console.clear();

      assertThat(Main.run("call", url, "get", "missing.txt")).isEqualTo(1);
      assertOneLineError("NoSuchFile");
      assertThat(out()).isEmpty();
    }
  }
}
