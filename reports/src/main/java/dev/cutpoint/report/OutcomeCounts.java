package dev.cutpoint.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collection;
import java.util.Optional;

/** How many cases of a cell ended in each {@link Outcome}. */
public record OutcomeCounts(
    @JsonProperty("FIRST_TRY") int firstTry,
    @JsonProperty("AFTER_RESEND") int afterResend,
    @JsonProperty("FAILED_LOUDLY") int failedLoudly,
    @JsonProperty("VIOLATION") int violation,
    @JsonProperty("UNDECIDED") int undecided) {

  public static final OutcomeCounts NONE = new OutcomeCounts(0, 0, 0, 0, 0);

  public OutcomeCounts {
    Checks.notNegative("FIRST_TRY", firstTry);
    Checks.notNegative("AFTER_RESEND", afterResend);
    Checks.notNegative("FAILED_LOUDLY", failedLoudly);
    Checks.notNegative("VIOLATION", violation);
    Checks.notNegative("UNDECIDED", undecided);
  }

  public static OutcomeCounts of(Collection<Outcome> outcomes) {
    OutcomeCounts counts = NONE;
    for (Outcome outcome : outcomes) {
      counts = counts.plus(outcome);
    }
    return counts;
  }

  public int get(Outcome outcome) {
    return switch (outcome) {
      case FIRST_TRY -> firstTry;
      case AFTER_RESEND -> afterResend;
      case FAILED_LOUDLY -> failedLoudly;
      case VIOLATION -> violation;
      case UNDECIDED -> undecided;
    };
  }

  public OutcomeCounts plus(Outcome outcome) {
    return new OutcomeCounts(
        firstTry + (outcome == Outcome.FIRST_TRY ? 1 : 0),
        afterResend + (outcome == Outcome.AFTER_RESEND ? 1 : 0),
        failedLoudly + (outcome == Outcome.FAILED_LOUDLY ? 1 : 0),
        violation + (outcome == Outcome.VIOLATION ? 1 : 0),
        undecided + (outcome == Outcome.UNDECIDED ? 1 : 0));
  }

  public OutcomeCounts plus(OutcomeCounts other) {
    return new OutcomeCounts(
        firstTry + other.firstTry,
        afterResend + other.afterResend,
        failedLoudly + other.failedLoudly,
        violation + other.violation,
        undecided + other.undecided);
  }

  /** These counts less {@code other}'s, which must be part of them. */
  public OutcomeCounts minus(OutcomeCounts other) {
    return new OutcomeCounts(
        firstTry - other.firstTry,
        afterResend - other.afterResend,
        failedLoudly - other.failedLoudly,
        violation - other.violation,
        undecided - other.undecided);
  }

  public int total() {
    return firstTry + afterResend + failedLoudly + violation + undecided;
  }

  /** The worst outcome with a non-zero count; empty when the cell has no case. */
  public Optional<Outcome> worst() {
    Optional<Outcome> worst = Optional.empty();
    for (Outcome outcome : Outcome.values()) {
      if (get(outcome) > 0) {
        worst = Optional.of(outcome);
      }
    }
    return worst;
  }

  /** This outcome's share of the total in percent, 0 when there is no case. */
  public double percent(Outcome outcome) {
    int total = total();
    return total == 0 ? 0 : 100.0 * get(outcome) / total;
  }

  /** {@code 12✓ 3↻ 5✗ 0!}, with {@code n?} added only when some case is undecided. */
  public String compact() {
    StringBuilder text = new StringBuilder();
    text.append(firstTry).append(Outcome.FIRST_TRY.symbol()).append(' ');
    text.append(afterResend).append(Outcome.AFTER_RESEND.symbol()).append(' ');
    text.append(failedLoudly).append(Outcome.FAILED_LOUDLY.symbol()).append(' ');
    text.append(violation).append(Outcome.VIOLATION.symbol());
    if (undecided > 0) {
      text.append(' ').append(undecided).append(Outcome.UNDECIDED.symbol());
    }
    return text.toString();
  }

  /** {@code 2✗ 1↻}: only the outcomes that occurred, worst last as in {@link #compact}. */
  public String nonZero() {
    java.util.List<String> parts = new java.util.ArrayList<>();
    for (Outcome outcome : Outcome.values()) {
      if (get(outcome) > 0) {
        parts.add(get(outcome) + outcome.symbol());
      }
    }
    return String.join(" ", parts);
  }

  /** {@code 12 first try, 3 after resend, 5 failed loudly, 0 violation, 0 undecided}. */
  public String spelledOut() {
    StringBuilder text = new StringBuilder();
    for (Outcome outcome : Outcome.values()) {
      if (!text.isEmpty()) {
        text.append(", ");
      }
      text.append(get(outcome)).append(' ').append(outcome.label());
    }
    return text.toString();
  }
}
