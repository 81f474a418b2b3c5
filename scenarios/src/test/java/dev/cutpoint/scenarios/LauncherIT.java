package dev.cutpoint.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./cutpoint}, the launcher the README shows: it runs the packaged jar on Maven's JVM
 * settings, passes the arguments and the exit code through, and lets the user add JVM options. An
 * integration test: it needs the jar that {@code harness}'s {@code package} phase makes.
 */
class LauncherIT {

  private final Path launcher = RunSettings.system().root().resolve("cutpoint");

  private record Run(int exit, String output) {}

  private Run run(List<String> command, String javaOptions) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("CUTPOINT_JAVA_OPTS", javaOptions);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
    return new Run(process.exitValue(), output);
  }

  @Test
  void runsTheJarWithItsArgumentsAndExitCode() throws Exception {
    assertThat(Files.isExecutable(launcher)).as("%s is executable", launcher).isTrue();

    Run version = run(List.of(launcher.toString(), "matrix", "--version"), "");
    Run refused = run(List.of(launcher.toString(), "matrix", "--tries", "0"), "");

    assertThat(version.exit()).isZero();
    assertThat(version.output()).startsWith("cutpoint 0.1.0");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.output()).contains("--tries must be at least 1, was 0");
  }

  @Test
  void aLinkToTheLauncherRunsTheJarBesideTheFileItLinksTo() throws Exception {
    Path elsewhere = Files.createTempDirectory("cutpoint-link");
    Path link = Files.createSymbolicLink(elsewhere.resolve("cutpoint"), launcher.toAbsolutePath());
    try {
      Run version = run(List.of(link.toString(), "--version"), "");

      assertThat(version.exit()).as(version.output()).isZero();
      assertThat(version.output()).startsWith("cutpoint 0.1.0");
    } finally {
      Files.delete(link);
      Files.delete(elsewhere);
    }
  }

  @Test
  void runsOnC1AloneAndTakesTheUsersJvmOptions() throws Exception {
    Run flags = run(List.of(launcher.toString(), "--version"), "-XX:+PrintFlagsFinal");

    assertThat(flags.output()).containsPattern("TieredStopAtLevel\\s+= 1 ")
        .containsPattern("UseSerialGC\\s+= true ");
  }

  @Test
  void loadsTheClassesFromTheArchiveThatPackageMade() throws Exception {
    Path archive = RunSettings.system().root().resolve("harness/target/cutpoint.jsa");
    assertThat(Files.isRegularFile(archive)).as("%s is built by mvn package", archive).isTrue();

    Run loading = run(List.of(launcher.toString(), "--version"), "-Xlog:class+load=info");

    assertThat(loading.exit()).as(loading.output()).isZero();
    assertThat(loading.output())
        .as("cutpoint's own classes come from the archive")
        .containsPattern("dev\\.cutpoint\\.cli\\.Main source: shared objects file \\(top\\)")
        .doesNotContain("[warning]");
  }
}
