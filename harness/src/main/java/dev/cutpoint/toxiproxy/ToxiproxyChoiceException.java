package dev.cutpoint.toxiproxy;

/**
 * A value for {@code cutpoint.toxiproxy} / {@code --toxiproxy} / {@code TOXIPROXY_URL} that names
 * no provider this build can start. The message is one line naming the setting and the forms it
 * accepts.
 */
public final class ToxiproxyChoiceException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  static final String ACCEPTED =
      "accepted: embedded, http://host:port, or the path of a toxiproxy-server binary";

  /** What is wrong with the value. */
  public enum Problem {
    UNRECOGNISED("is not a Toxiproxy provider"),
    NOT_EXECUTABLE("is not an executable file"),
    BAD_URL("is not a usable http://host:port URL"),
    DOCKER_UNAVAILABLE("names a Testcontainers provider, which this build does not include");

    private final String text;

    Problem(String text) {
      this.text = text;
    }
  }

  private final String setting;
  private final String value;
  private final Problem problem;

  public ToxiproxyChoiceException(String setting, String value, Problem problem) {
    super(setting + ": '" + value + "' " + problem.text + " (" + ACCEPTED + ")");
    this.setting = setting;
    this.value = value;
    this.problem = problem;
  }

  /** The property, option or environment variable that carried the value. */
  public String setting() {
    return setting;
  }

  public String value() {
    return value;
  }

  public Problem problem() {
    return problem;
  }
}
