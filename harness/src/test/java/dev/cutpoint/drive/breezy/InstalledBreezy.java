package dev.cutpoint.drive.breezy;

/**
 * The Breezy these tests run against. A missing Breezy fails them rather than skipping them: the
 * README's commands install it ({@code .ci/install}), and a skipped interop test proves nothing.
 */
public final class InstalledBreezy {

  private InstalledBreezy() {}

  public static BreezyInstallation require() {
    BreezyInstallation installation = BreezyInstallation.system();
    try {
      installation.version();
      return installation;
    } catch (BreezyUnavailable e) {
      throw new AssertionError("Breezy is not installed (run bash .ci/install): " + e.getMessage(), e);
    }
  }
}
