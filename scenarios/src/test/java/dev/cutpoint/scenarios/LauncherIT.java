package dev.cutpoint.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
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
        .containsPattern("UseSerialGC\\s+= true ")
        // given on the command line: where the kernel offers no huge pages, the JVM turns it off
        .containsPattern("UseTransparentHugePages\\s+= \\w+\\s+\\{product\\} \\{command line\\}");
  }

  @Test
  void loadsTheClassesFromTheArchiveThatPackageMade() throws Exception {
    Path archive = RunSettings.system().root().resolve("harness/target/cutpoint.jsa");
    assertThat(Files.isRegularFile(archive)).as("%s is built by mvn package", archive).isTrue();

    Run loading = run(List.of(launcher.toString(), "--version"), "-Xlog:class+load=info");

    assertThat(loading.exit()).as(loading.output()).isZero();
    assertThat(loading.output())
        .as("cutpoint's own classes come from the archive")
        .containsPattern("dev\\.cutpoint\\.cli\\.Main source: shared objects file \\(top\\)");
  }

  /**
   * A copy of the tree elsewhere: its archive names the jar where package made it, so the JVM
   * ignores it, and a truncated one (an interrupted copy), which would crash the JVM, is left out.
   * Either way the run says nothing of it.
   */
  @Test
  void anArchiveThatDoesNotFitIsIgnoredInSilence() throws Exception {
    Path root = RunSettings.system().root();
    Path copy = Files.createTempDirectory("cutpoint-copy");
    Path tree = copy.resolve("a tree");
    Path target = Files.createDirectories(tree.resolve("harness/target"));
    try {
      Files.copy(launcher, tree.resolve("cutpoint"), StandardCopyOption.COPY_ATTRIBUTES);
      for (String built : List.of("cutpoint.jar", "cutpoint.jsa", "cutpoint.jsa.size")) {
        Files.copy(root.resolve("harness/target").resolve(built), target.resolve(built));
      }
      Path copied = tree.resolve("cutpoint");

      Run elsewhere = run(List.of(copied.toString(), "--version"), "");
      try (FileChannel archive = FileChannel.open(target.resolve("cutpoint.jsa"), StandardOpenOption.WRITE)) {
        archive.truncate(1_000_000);
      }
      // were it mapped after all, the crash's report would land in the copy, not in the module
      Run truncated = run(List.of(copied.toString(), "--version"), "-XX:ErrorFile=" + copy.resolve("hs_err.log"));

      assertThat(elsewhere).isEqualTo(new Run(0, "cutpoint 0.1.0\n"));
      assertThat(truncated).isEqualTo(new Run(0, "cutpoint 0.1.0\n"));
    } finally {
      try (Stream<Path> files = Files.walk(copy)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
