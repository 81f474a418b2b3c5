package dev.cutpoint.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.toxiproxy.ToxiproxyChoiceException.Problem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which provider a setting picks, what a bad setting says, and that providers release what they start. */
class ToxiproxyProvidersTest {
  private static final UnaryOperator<String> NONE = name -> null;

  @TempDir Path dir;

  @Test
  void nothingGivenIsTheEmbeddedServer() {
    assertThat(ToxiproxyProviders.choose(Optional.empty(), NONE, NONE))
        .isEqualTo(new ToxiproxyChoice.Embedded());
  }

  @Test
  void theOptionBeatsThePropertyWhichBeatsTheEnvironment() {
    UnaryOperator<String> property = lookup(ToxiproxyProviders.PROPERTY, "http://127.0.0.1:1111");
    UnaryOperator<String> environment = lookup(ToxiproxyProviders.ENVIRONMENT, "http://127.0.0.1:2222");
    assertThat(ToxiproxyProviders.choose(Optional.of("embedded"), property, environment))
        .isEqualTo(new ToxiproxyChoice.Embedded());
    assertThat(ToxiproxyProviders.choose(Optional.empty(), property, environment))
        .isEqualTo(new ToxiproxyChoice.External(URI.create("http://127.0.0.1:1111")));
    assertThat(ToxiproxyProviders.choose(Optional.empty(), NONE, environment))
        .isEqualTo(new ToxiproxyChoice.External(URI.create("http://127.0.0.1:2222")));
  }

  @Test
  void aBlankValueCountsAsNotGiven() {
    UnaryOperator<String> blank = lookup(ToxiproxyProviders.PROPERTY, " ");
    UnaryOperator<String> environment = lookup(ToxiproxyProviders.ENVIRONMENT, "http://localhost:8474");
    assertThat(ToxiproxyProviders.choose(Optional.of(""), blank, environment))
        .isEqualTo(new ToxiproxyChoice.External(URI.create("http://localhost:8474")));
  }

  @Test
  void aUrlWithoutAPortUsesToxiproxysPort() {
    assertThat(ToxiproxyChoice.parse("s", "http://toxiproxy"))
        .isEqualTo(new ToxiproxyChoice.External(URI.create("http://toxiproxy:8474")));
    assertThat(ToxiproxyChoice.parse("s", "EMBEDDED ")).isEqualTo(new ToxiproxyChoice.Embedded());
  }

  @Test
  void anExecutableFileIsAServerBinary() throws IOException {
    Path binary = script("toxiproxy-server", "#!/bin/sh\nexit 0\n");
    assertThat(ToxiproxyChoice.parse("s", binary.toString()))
        .isEqualTo(new ToxiproxyChoice.ServerBinary(binary.toAbsolutePath()));
  }

  @Test
  void badValuesSayWhichSettingAndWhatIsAccepted() throws IOException {
    Path notExecutable = Files.writeString(dir.resolve("toxiproxy-server"), "");
    assertProblem("nonsense", Problem.UNRECOGNISED);
    assertProblem("/no/such/toxiproxy-server", Problem.NOT_EXECUTABLE);
    assertProblem(notExecutable.toString(), Problem.NOT_EXECUTABLE);
    assertProblem("http://host:1/some/path", Problem.BAD_URL);
    assertProblem("http://", Problem.BAD_URL);
    assertProblem("docker", Problem.DOCKER_UNAVAILABLE);
  }

  @Test
  void theDockerMessageSaysItIsNotAvailableHere() {
    assertThatThrownBy(() -> ToxiproxyChoice.parse("cutpoint.toxiproxy", "docker"))
        .hasMessage("cutpoint.toxiproxy: 'docker' names a Testcontainers provider, which this build"
            + " does not include (accepted: embedded, http://host:port, or the path of a"
            + " toxiproxy-server binary)");
  }

  @Test
  void theEmbeddedProviderAnswersAndStopsOnClose() throws IOException {
    URI url;
    try (ToxiproxyProvider provider = new ToxiproxyChoice.Embedded().open()) {
      url = provider.url();
      assertThat(provider.client().version()).contains(EmbeddedToxiproxy.VERSION);
      // the API answers {"version": ...}; the provider gives the bare version to reports
      assertThat(provider.version()).isEqualTo(EmbeddedToxiproxy.VERSION);
      assertThat(provider.description()).startsWith("embedded");
    }
    assertThatThrownBy(() -> new Socket(url.getHost(), url.getPort()).close())
        .isInstanceOf(ConnectException.class);
  }

  /**
   * The extension toxics, and the black holes' meter, are the embedded provider's alone: the same
   * embedded server reached by its URL is treated as any other Toxiproxy, which has Shopify's seven
   * toxics only, so the matrix keeps their reach and reasons there.
   */
  @Test
  void onlyTheEmbeddedProviderOffersTheExtensionToxics() throws IOException {
    try (ToxiproxyProvider embedded = new ToxiproxyChoice.Embedded().open();
        ToxiproxyProvider external = new ToxiproxyChoice.External(embedded.url()).open()) {
      assertThat(embedded.extensions()).isPresent();
      assertThat(embedded.blackHoles()).isPresent();
      assertThat(external.extensions()).isEmpty();
      assertThat(external.blackHoles()).isEmpty();
    }
  }

  @Test
  void anExternalServerThatDoesNotAnswerIsUnavailable() throws IOException {
    int port;
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = taken.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + port);
    assertThatThrownBy(() -> new ToxiproxyChoice.External(url).open())
        .isInstanceOf(ToxiproxyUnavailableException.class)
        .hasMessageStartingWith("no Toxiproxy answers at " + url);
  }

  /** A stand-in binary: answers GET /version on the -host/-port it is given, as toxiproxy-server does. */
  @Test
  void aServerBinaryIsStartedOnAFreePortAndStoppedOnClose() throws Exception {
    Path binary = script("toxiproxy-server", String.join("\n",
        "#!/usr/bin/python3",
        "import sys, http.server",
        "args = dict(zip(sys.argv[1::2], sys.argv[2::2]))",
        "class H(http.server.BaseHTTPRequestHandler):",
        "    def do_GET(self):",
        "        body = b'{\"version\": \"stand-in\"}'",
        "        self.send_response(200); self.send_header('Content-Length', str(len(body)))",
        "        self.end_headers(); self.wfile.write(body)",
        "    def log_message(self, *a): pass",
        "http.server.HTTPServer((args['-host'], int(args['-port'])), H).serve_forever()",
        ""));
    URI url;
    try (ToxiproxyProvider provider = new ToxiproxyChoice.ServerBinary(binary).open()) {
      url = provider.url();
      assertThat(url.getHost()).isEqualTo("127.0.0.1");
      assertThat(provider.description()).contains("stand-in").contains(binary.toString());
      assertThat(ServerVersion.fetch(url)).isEqualTo("stand-in");
    }
    assertThatThrownBy(() -> new Socket(url.getHost(), url.getPort()).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void aServerBinaryThatExitsIsUnavailableAndItsOutputIsQuoted() throws IOException {
    Path binary = script("toxiproxy-server", "#!/bin/sh\necho 'cannot start: no luck'\nexit 3\n");
    assertThatThrownBy(() -> new ToxiproxyChoice.ServerBinary(binary).open())
        .isInstanceOf(ToxiproxyUnavailableException.class)
        .hasMessageContaining("exited with 3")
        .hasMessageContaining("cannot start: no luck");
  }

  private Path script(String name, String text) throws IOException {
    Path file = Files.writeString(dir.resolve(name), text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  private static void assertProblem(String value, Problem problem) {
    assertThatThrownBy(() -> ToxiproxyChoice.parse("cutpoint.toxiproxy", value))
        .isInstanceOfSatisfying(ToxiproxyChoiceException.class, e -> {
          assertThat(e.problem()).isEqualTo(problem);
          assertThat(e.setting()).isEqualTo("cutpoint.toxiproxy");
          assertThat(e.getMessage())
              .startsWith("cutpoint.toxiproxy: '" + value + "'")
              .contains("embedded, http://host:port, or the path of a toxiproxy-server binary")
              .doesNotContain("\n");
        });
  }

  private static UnaryOperator<String> lookup(String key, String value) {
    return name -> Map.of(key, value).get(name);
  }
}
