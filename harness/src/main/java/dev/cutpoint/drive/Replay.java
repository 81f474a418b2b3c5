package dev.cutpoint.drive;

import dev.cutpoint.drive.breezy.BreezyInstallation;
import java.io.IOException;
import java.util.Optional;

/**
 * Runs one recorded case again, exactly: the same requests and the same concrete fault (the offsets
 * in the file, no planning), against the same target with the same mutant, and judges it afresh.
 */
public final class Replay {

  private Replay() {}

  /** What a replay did: the case as recorded and as run again. */
  public record Result(CaseFile recorded, CaseResult replayed) {

    /** Whether the replay broke the same invariants the recorded run did. */
    public boolean sameVerdict() {
      return recorded.violations().stream().map(v -> v.substring(0, v.indexOf(' '))).distinct().sorted().toList()
          .equals(replayed.verdict().violations().stream().map(v -> v.invariant().name()).distinct().sorted().toList());
    }
  }

  /** Replays {@code file} on a target started for it. */
  public static Result run(CaseFile file, Optional<String> toxiproxy) throws IOException {
    return run(file, toxiproxy, BreezyInstallation.system());
  }

  /** Replays {@code file} on a target started for it, whose Breezy sides run {@code breezy}. */
  public static Result run(CaseFile file, Optional<String> toxiproxy, BreezyInstallation breezy) throws IOException {
    TargetSettings settings = TargetSettings.defaults()
        .withMutant(file.mutantValue())
        .withToxiproxy(toxiproxy)
        .withBreezy(breezy);
    try (Target target = Targets.start(Targets.requireKnown(file.record().scenario().target()), settings)) {
      return run(file, target);
    }
  }

  /**
   * Replays {@code file} on a started target (whose mutant must be the file's): the matrix's
   * confirmation replays reuse the run's targets this way.
   */
  public static Result run(CaseFile file, Target target) throws IOException {
    long start = System.nanoTime();
    PreparedCase prepared = target.prepare(file.record().scenario());
    return new Result(file, CaseRunner.judged(file.id(), file.cell(), target, prepared, start));
  }
}
