package dev.cutpoint.toxiproxy;

import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Picks the Toxiproxy server for a run (SPEC §2, §4.1): the command-line option if given, else
 * the {@code cutpoint.toxiproxy} system property, else the {@code TOXIPROXY_URL} environment
 * variable, else the embedded server. A blank value counts as not given.
 */
public final class ToxiproxyProviders {
  public static final String PROPERTY = "cutpoint.toxiproxy";
  public static final String ENVIRONMENT = "TOXIPROXY_URL";
  public static final String OPTION = "--toxiproxy";

  private ToxiproxyProviders() {}

  /** Chooses from the real properties and environment, and starts the provider. */
  public static ToxiproxyProvider open(Optional<String> option) throws IOException {
    return choose(option, System::getProperty, System::getenv).open();
  }

  /** The choice alone, from the given lookups (for tests and for reporting). */
  public static ToxiproxyChoice choose(
      Optional<String> option,
      UnaryOperator<String> properties,
      UnaryOperator<String> environment) {
    if (given(option.orElse(null))) {
      return ToxiproxyChoice.parse(OPTION, option.get());
    }
    String property = properties.apply(PROPERTY);
    if (given(property)) {
      return ToxiproxyChoice.parse(PROPERTY, property);
    }
    String environmentValue = environment.apply(ENVIRONMENT);
    if (given(environmentValue)) {
      return ToxiproxyChoice.parse(ENVIRONMENT, environmentValue);
    }
    return new ToxiproxyChoice.Embedded();
  }

  /** The name of the setting {@link #choose} takes its value from, for an error message. */
  public static String settingOf(
      Optional<String> option, UnaryOperator<String> properties, UnaryOperator<String> environment) {
    if (given(option.orElse(null))) {
      return OPTION;
    }
    if (given(properties.apply(PROPERTY))) {
      return PROPERTY;
    }
    return given(environment.apply(ENVIRONMENT)) ? ENVIRONMENT : "embedded";
  }

  private static boolean given(String value) {
    return value != null && !value.isBlank();
  }
}
