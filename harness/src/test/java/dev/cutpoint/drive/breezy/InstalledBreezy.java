package dev.cutpoint.drive.breezy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Breezy these tests run against. Where it is missing they are skipped on a developer's
 * machine, but fail on CI ({@code CI=true}): there, a missing Breezy is a broken build.
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
