package dev.cutpoint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the two places where Breezy 3.3.2's own client does not do what SPEC §1 says, and where
 * this client departs from it on purpose (see the package documentation): measured by running
 * Breezy's {@code _SmartClient} against a scripted Python server.
 */
class BreezyClientQuirksTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");

  @Test
  void breezyLimitsResendsPerPhaseAndOnlyCoversTheResponseTuple(@TempDir Path temp) throws Exception {
    String output = runQuirks(temp);

    // a put failing on write, then on read after its resend: sent three times
    assertThat(output).contains("put connections=3 outcome=ConnectionReset");
    // a get cut inside its body: not resent at all, although get is a read verb
    assertThat(output).contains("get connections=1 outcome=ConnectionReset");
  }

  private String runQuirks(Path temp) throws IOException, InterruptedException {
    requireBreezy();
    Path script = temp.resolve("breezy_client_quirks.py");
    try (InputStream in = getClass().getResourceAsStream("breezy_client_quirks.py")) {
      Files.copy(in, script);
    }
    ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), script.toString());
    builder.environment().put("BRZ_HOME", temp.toString());
    builder.environment().put("BRZ_LOG", temp.resolve("brz.log").toString());
    builder.environment().put("HOME", temp.toString());
    builder.redirectError(temp.resolve("stderr.txt").toFile());
    Process process = builder.start();
    byte[] stdout = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      fail("the Breezy script did not finish");
    }
    String output = new String(stdout, StandardCharsets.UTF_8);
    assertThat(process.exitValue())
        .as("stdout: %s, stderr: %s", output, Files.readString(temp.resolve("stderr.txt")))
        .isZero();
    return output;
  }

  private static void requireBreezy() throws IOException, InterruptedException {
    boolean present = false;
    if (Files.isExecutable(PYTHON)) {
      Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import breezy").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      present = probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }
    if (!present) {
      fail("python3-breezy is not installed (run bash .ci/install)");
    }
  }
}
