package dev.cutpoint.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the commands share, mixed into each ({@code @Mixin}): a bad argument as one line under the
 * command's name with exit 2, the check of a TCP port, and serving until Ctrl-C with what was
 * started closed on the way out.
 */
@Command
final class CommandSupport {

  /** A bad argument or an unusable setting. */
  static final int BAD_ARGUMENTS = 2;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /** Prints {@code cutpoint <command>: message} on stderr; returns the exit code for a bad argument. */
  int fail(String message) {
    PrintWriter err = command.commandLine().getErr();
    err.println("cutpoint " + command.qualifiedName(" ").replaceFirst("^cutpoint ", "") + ": " + message);
    err.flush();
    return BAD_ARGUMENTS;
  }

  /** Whether {@code port} is a TCP port (0 picks a free one). */
  static boolean isPort(int port) {
    return port >= 0 && port <= 65535;
  }

  /** The one line for a value that is not a TCP port. */
  static String notAPort(String option, int port) {
    return option + " must be between 0 and 65535, was " + port;
  }

  /**
   * Prints {@code banner} and blocks until the JVM is asked to stop (Ctrl-C), then closes
   * {@code service} and prints {@code stopped}.
   */
  int serveUntilStopped(AutoCloseable service, String banner) {
    PrintWriter out = command.commandLine().getOut();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      closeQuietly(service);
      out.println("stopped");
      out.flush();
      stopped.countDown();
    }, "cutpoint-" + command.name() + "-shutdown"));
    out.println(banner);
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(service);
    }
    return 0;
  }

  private static void closeQuietly(AutoCloseable service) {
    try {
      service.close();
    } catch (Exception e) {
      // the process is ending; what could not close goes with it
    }
  }
}
