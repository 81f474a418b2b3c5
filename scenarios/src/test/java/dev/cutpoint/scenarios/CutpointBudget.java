package dev.cutpoint.scenarios;

import java.security.SecureRandom;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Gives every property its budget and seed from the Maven run: {@code cutpoint.tries} rounds, at
 * most {@link #MAX_ROUNDS} (a round injects each claimed fault once, so the small default of
 * {@code mvn verify} already covers every phase × kind), and {@code cutpoint.seed} when given, else a fresh seed that is printed, so
 * that a failure can be re-run exactly with {@code -Dcutpoint.seed=…}.
 */
public final class CutpointBudget implements AroundPropertyHook {

  /** No more rounds than this per property, whatever the matrix's budget: the matrix is the IT's job. */
  static final int MAX_ROUNDS = 10;

  private static volatile long seed;

  /** The seed of the property running now. */
  static long seed() {
    return seed;
  }

  /** Rounds per property for {@code tries} cases per matrix cell. */
  static int rounds(int tries) {
    return Math.min(tries, MAX_ROUNDS);
  }

  /** Added on a container, it reaches every property in it. */
  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    seed = RunSettings.system().seed().orElseGet(() -> new SecureRandom().nextLong());
    context.attributes().setTries(rounds(RunSettings.system().tries()));
    context.attributes().setSeed(Long.toString(seed));
    System.out.println(context.extendedLabel() + ": " + rounds(RunSettings.system().tries()) + " round(s), seed " + seed
        + " (re-run with -D" + RunSettings.SEED + "=" + seed + ")");
    return property.execute();
  }
}
