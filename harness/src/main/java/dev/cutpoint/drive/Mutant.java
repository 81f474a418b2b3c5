package dev.cutpoint.drive;

import dev.cutpoint.client.ClientOptions;
import dev.cutpoint.client.RetryPolicy;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The deliberately wrong clients and server of SPEC §8, selectable by name wherever a run is
 * configured, and {@link #NONE} for the correct system. A mutant changes the client's retry policy,
 * its options, or a server switch, nothing else: the rest of the run is the same, so that what the
 * oracle catches is the mutant's doing.
 */
public enum Mutant {
  /** The correct client and server. */
  NONE("none", Optional.empty(), false, false),
  /** Resends once after any failure, whatever the verb: breaks at-most-once (I2). */
  RESEND_ALL("resend-all", Optional.of(RetryPolicy.RESEND_ALL), false, false),
  /** Never resends: bug 819604 for every verb, breaks safe retry (I3). */
  RESEND_NONE("resend-none", Optional.of(RetryPolicy.RESEND_NONE), false, false),
  /** Resends what is left of a started body stream: a partial stream executes (I1/I7). */
  RESEND_STARTED_STREAM(
      "resend-started-stream", Optional.of(RetryPolicy.RESEND_STARTED_STREAM), false, false),
  /** Resends without limit: caught under a persistent fault (I5). */
  RESEND_FOREVER("resend-forever", Optional.of(RetryPolicy.RESEND_FOREVER), false, false),
  /** No read timeout: a black hole hangs the call (I6). */
  NO_TIMEOUT("no-timeout", Optional.empty(), true, false),
  /** A server that executes a message missing its terminal {@code e} (I1). */
  SERVER_EXECUTES_PARTIAL("server-executes-partial", Optional.empty(), false, true);

  private final String label;
  private final Optional<RetryPolicy> policy;
  private final boolean dropsTimeout;
  private final boolean serverExecutesPartial;

  Mutant(
      String label, Optional<RetryPolicy> policy, boolean dropsTimeout, boolean serverExecutesPartial) {
    this.label = label;
    this.policy = policy;
    this.dropsTimeout = dropsTimeout;
    this.serverExecutesPartial = serverExecutesPartial;
  }

  /** The name used on the command line, in case files and in reports. */
  public String label() {
    return label;
  }

  /** The client options of this mutant, starting from the correct client's. */
  public ClientOptions clientOptions(ClientOptions correct) {
    ClientOptions options = policy.map(correct::withPolicy).orElse(correct);
    return dropsTimeout ? options.withoutTimeout() : options;
  }

  /** Whether the reference server runs with its {@code server-executes-partial} switch. */
  public boolean serverExecutesPartial() {
    return serverExecutesPartial;
  }

  /** Whether the client differs from the correct one. */
  public boolean changesClient() {
    return policy.isPresent() || dropsTimeout;
  }

  /** The client's name in a scenario: {@code java/breezy}, {@code java/resend-all}, {@code java/no-timeout}. */
  public String clientName(String clientFamily) {
    return clientFamily + "/" + (changesClient() ? label : RetryPolicy.BREEZY.label());
  }

  /** Every label, comma-separated, for error messages and help. */
  public static String labels() {
    return Arrays.stream(values()).map(Mutant::label).collect(Collectors.joining(", "));
  }

  /** The mutant with this label, or an {@link IllegalArgumentException} naming the accepted ones. */
  public static Mutant byLabel(String label) {
    return Arrays.stream(values())
        .filter(m -> m.label.equals(label))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown mutant '" + label + "'; accepted: " + labels()));
  }
}
