package dev.cutpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.wire.Direction;
import dev.cutpoint.wire.Message;
import dev.cutpoint.wire.MessageDecoder;
import dev.cutpoint.wire.MessageEncoder;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServeCommandTest {

  private Process process;

  @AfterEach
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String[] errorOf(String... args) {
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run(args);
    } finally {
      System.setErr(oldErr);
    }
    return new String[] {Integer.toString(code), err.toString(StandardCharsets.UTF_8)};
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "serve --port 70000 --in-memory                 | --port must be between 0 and 65535",
    "serve --port x --in-memory                     | Invalid value for option '--port'",
    "serve --port 0 --directory /no/such/directory  | is not an existing directory",
    "serve --port 0                                 | give exactly one of --directory D and --in-memory",
    "serve --in-memory                              | Missing required option: '--port=P'",
    "serve --port 0 --in-memory --host no.such.host.invalid | is not a known address",
  })
  void badArgumentsAreOneLineAndExitTwo(String command, String message) {
    String[] result = errorOf(command.strip().split(" +"));
    assertThat(result[0]).isEqualTo("2");
    assertThat(result[1]).contains(message);
    assertThat(result[1].strip().lines()).hasSize(1);
  }

  /** The real thing: a separate JVM, a request, then SIGTERM (what Ctrl-C sends) closes everything. */
  @Test
  void servesADirectoryUntilStopped(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("a.txt"), "hello");
    process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "serve", "--port", "0", "--directory", root.toString())
        .redirectErrorStream(true)
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Matcher port = banner(out);
    try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(port.group(1)))) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(MessageEncoder.encode(Message.request("get", "a.txt")));
      MessageDecoder decoder = new MessageDecoder(Direction.RESPONSE);
      List<Message> responses = new ArrayList<>();
      byte[] buffer = new byte[4096];
      while (responses.isEmpty()) {
        int n = socket.getInputStream().read(buffer);
        assertThat(n).isPositive();
        responses.addAll(decoder.feed(buffer, 0, n));
      }
      assertThat(responses.get(0).body().utf8()).isEqualTo("hello");
      // SIGTERM through the handle: Process.destroy would also close our end of its output
      process.toHandle().destroy();
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    List<String> lines = new ArrayList<>();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      lines.add(line);
    }
    assertThat(lines).anyMatch(l -> l.matches("connection c1 from 127\\.0\\.0\\.1:\\d+ closed: server shutdown"));
    assertThat(lines).last().isEqualTo("stopped");
  }

  /**
   * The serve banner's port. Lines before it are the JVM's own (a JAVA_TOOL_OPTIONS notice, a VM
   * warning), which a CI machine may print on the merged stream.
   */
  private static Matcher banner(BufferedReader out) throws IOException {
    Pattern banner = Pattern.compile("on bzr://127\\.0\\.0\\.1:(\\d+)/");
    List<String> before = new ArrayList<>();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher port = banner.matcher(line);
      if (port.find()) {
        return port;
      }
      before.add(line);
    }
    throw new AssertionError("serve ended without its banner; it said: " + before);
  }
}
