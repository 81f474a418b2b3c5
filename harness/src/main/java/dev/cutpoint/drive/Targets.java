package dev.cutpoint.drive;

import java.io.IOException;
import java.util.List;

/** The targets a run can name, and how each starts. */
public final class Targets {

  /** Every target name this build knows. */
  public static final List<String> NAMES = List.of(JavaTarget.NAME);

  private Targets() {}

  /** Starts the named target. */
  public static Target start(String name, TargetSettings settings) throws IOException {
    if (name.equals(JavaTarget.NAME)) {
      return JavaTarget.start(settings);
    }
    throw new IllegalArgumentException(unknown(name));
  }

  /** Checks a name before anything starts. */
  public static String requireKnown(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException(unknown(name));
    }
    return name;
  }

  private static String unknown(String name) {
    return "unknown target '" + name + "'; accepted: " + String.join(", ", NAMES);
  }
}
