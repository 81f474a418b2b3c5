package dev.cutpoint.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.breezy.BreezyUnavailable;

/**
 * The Breezy the interoperability tests run against: skipped where it is missing on a developer's
 * machine, a failure on CI ({@code CI=true}), where {@code .ci/install} must have installed it.
 */
final class InstalledBreezy {

  private InstalledBreezy() {}

  static BreezyInstallation require() {
    BreezyInstallation installation = BreezyInstallation.system();
    try {
      installation.version();
      return installation;
    } catch (BreezyUnavailable e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw e;
      }
      assumeTrue(false, "Breezy is not installed: " + e.getMessage());
      throw e;
    }
  }
}
