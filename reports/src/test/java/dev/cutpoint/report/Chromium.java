package dev.cutpoint.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium for the page's browser tests: dumps the DOM after the page's script ran, or
 * takes a screenshot. Every run gets a fresh profile directory, is bounded in time, and leaves no
 * process and no directory behind: on a timeout the browser and its children are killed, and any
 * process still naming the run's profile directory is killed before the directory is deleted.
 */
final class Chromium {
  static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final List<String> CANDIDATES =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

  private final Path executable;

  private Chromium(Path executable) {
    this.executable = executable;
  }

  /**
   * The installed browser. Missing, it is a failure, not a skip: the page's script is only tested
   * here (CI installs Chromium with {@code bash .ci/install}).
   */
  static Chromium installed() {
    Optional<Path> found = Optional.ofNullable(System.getenv("CHROMIUM")).map(Path::of)
        .filter(Files::isExecutable)
        .or(() -> CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst());
    if (found.isEmpty()) {
      throw new AssertionError("Chromium is needed for the report's browser tests and was not found at "
          + CANDIDATES + " (or $CHROMIUM); `bash .ci/install` installs it");
    }
    return new Chromium(found.get());
  }

  /** The page's DOM once its script ran, opened at {@code file://…#fragment}. */
  String dumpDom(Path page, String fragment) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", url(page, fragment)), Optional.empty());
  }

  /** A PNG of the page as a 1400×1000 window shows it. */
  void screenshot(Path page, String fragment, Path png, int width, int height)
      throws IOException, InterruptedException {
    run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
        "--hide-scrollbars", url(page, fragment)), Optional.of(png));
  }

  private static String url(Path page, String fragment) {
    return page.toAbsolutePath().toUri() + (fragment.isEmpty() ? "" : "#" + fragment);
  }

  private String run(List<String> args, Optional<Path> expectedFile) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("cutpoint-chromium-");
    Path out = Files.createTempFile("cutpoint-chromium-", ".out");
    Path err = Files.createTempFile("cutpoint-chromium-", ".err");
    List<String> command = new ArrayList<>(List.of(executable.toString(),
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
        "--user-data-dir=" + profile));
    command.addAll(args);
    Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .start();
    try {
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("Chromium did not finish within " + TIMEOUT + "; stderr:\n" + tail(err));
      }
      if (process.exitValue() != 0) {
        throw new AssertionError("Chromium exited with " + process.exitValue() + "; stderr:\n" + tail(err));
      }
      if (expectedFile.isPresent() && !Files.isRegularFile(expectedFile.get())) {
        throw new AssertionError("Chromium wrote no " + expectedFile.get() + "; stderr:\n" + tail(err));
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      kill(process, profile);
      deleteTree(profile);
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Kills the browser, its children, and anything else still using this run's profile. */
  private static void kill(Process process, Path profile) throws InterruptedException {
    List<ProcessHandle> ours = new ArrayList<>(process.descendants().toList());
    ours.add(process.toHandle());
    String marker = profile.toString();
    try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
      all.filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false))
          .forEach(ours::add);
    }
    for (ProcessHandle handle : ours) {
      handle.destroyForcibly();
    }
    for (ProcessHandle handle : ours) {
      try {
        handle.onExit().get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new AssertionError("Chromium process " + handle.pid() + " would not die", e);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }
}
