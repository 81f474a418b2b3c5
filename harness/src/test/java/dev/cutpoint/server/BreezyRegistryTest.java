package dev.cutpoint.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.breezy.InstalledBreezy;
import dev.cutpoint.verbs.Verb;
import dev.cutpoint.verbs.Verbs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The registry's classes are Breezy's: {@code info=} of each verb in {@code request_handlers}. */
class BreezyRegistryTest {

  @Test
  void everyVerbBreezyHasCarriesBreezysRetryClass() throws IOException, InterruptedException {
    BreezyInstallation breezy = InstalledBreezy.require();
    List<Verb> shared = Verbs.ALL.stream().filter(Verb::onBreezy).toList();
    StringBuilder script = new StringBuilder("from breezy.bzr.smart import request\n");
    for (Verb verb : shared) {
      script.append("print(request.request_handlers.get_info(b'").append(verb.name()).append("'))\n");
    }
    script.append("print(b'insert_stream' in request.request_handlers.keys())\n");
    Process python = new ProcessBuilder(breezy.python().toString(), "-I", "-c", script.toString())
        .redirectErrorStream(true).start();
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(python.exitValue()).as(output).isZero();
    List<String> expected = new java.util.ArrayList<>(shared.stream().map(v -> v.verbClass().breezyName()).toList());
    expected.add("False");
    assertThat(output.strip().lines().toList()).isEqualTo(expected);
  }
}
