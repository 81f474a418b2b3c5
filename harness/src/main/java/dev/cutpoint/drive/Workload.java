package dev.cutpoint.drive;

import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.Payload;
import dev.cutpoint.history.Phase;
import dev.cutpoint.history.Request;
import dev.cutpoint.history.RequestBody;
import dev.cutpoint.history.ServerState;
import dev.cutpoint.history.StateEntry;
import dev.cutpoint.verbs.VerbClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.JqwikException;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;

/**
 * What the driver asks of a server (SPEC §6): short sequences over a small path space, so that the
 * requests interact (a put then a get of the same file, a mkdir then an rmdir), every body a unique
 * payload so that the final state alone tells which writes ran and how often, and now and then a
 * body of megabytes, so that a WRITE cut is also noticed on write and not only on read.
 *
 * <p>The arbitraries are jqwik's, composed with {@code Combinators}, {@code flatMap} and
 * {@code frequencyOf}; the {@code scenarios} module uses them with {@code @ForAll}, and the matrix
 * runner samples them deterministically from a seed ({@link #sample}).
 */
public final class Workload {

  /** The longest sequence generated. */
  public static final int MAX_REQUESTS = 4;

  /** Files: existing, missing, in a subdirectory, under a missing parent. */
  static final List<String> FILES = List.of("f0", "f1", "d/f1", "d/f2", "x/f3");
  /** Directories: existing, missing, nested. */
  static final List<String> DIRECTORIES = List.of("d", "e", "d/g");
  /** The path the probe call asks about: never generated, so the probe's bytes are its own. */
  public static final String PROBE_PATH = "probe";
  /** Branch paths for the lock verbs. */
  static final List<String> BRANCHES = List.of("b0", "b1");

  /** The genSize handed to jqwik's generators when sampling outside its engine. */
  private static final int GEN_SIZE = 1000;

  private Workload() {}

  /**
   * The probe after a case's sequence (I6): a read whose bytes no generated request has, so that
   * the journal cannot confuse it with one of them.
   */
  public static Request probe(int index) {
    return Requests.sized(index, "has", VerbClass.READ, List.of(PROBE_PATH), RequestBody.none());
  }

  /** The tree every case starts from: a directory and two small files. */
  public static ServerState initialState() {
    return ServerState.of(
        List.of(
            StateEntry.directory("d"),
            StateEntry.file("f0", Payload.generated("i0", 24).bytes()),
            StateEntry.file("d/f1", Payload.generated("i1", 20).bytes())),
        List.of());
  }

  /**
   * Cases for one cell: 1 to {@link #MAX_REQUESTS} requests (at least 2 for BETWEEN, whose fault
   * falls after a previous response; exactly 1 for a persistent fault), the faulted one of the
   * cell's class, the others of any class the target supports.
   */
  public static Arbitrary<CaseSpec> cases(
      MatrixCell cell, Set<VerbClass> supported, List<Delivery> betweenDeliveries, boolean persistent) {
    int minimum = cell.phase() == Phase.BETWEEN ? 2 : 1;
    // a persistent case is one call while the server stays away: with a single request, the
    // oracle (which knows one-shot faults) cannot mistake a cut resend for a delivered one
    int maximum = persistent ? 1 : MAX_REQUESTS;
    List<VerbClass> classes = VerbClass.values().length == supported.size()
        ? List.of(VerbClass.values())
        : supported.stream().sorted().toList();
    return Arbitraries.integers().between(minimum, Math.max(minimum, maximum)).flatMap(length ->
        Arbitraries.integers().between(minimum - 1, length - 1).flatMap(faultIndex -> {
          List<Arbitrary<RequestDraft>> drafts = new ArrayList<>();
          for (int position = 0; position < length; position++) {
            String token = "t" + position;
            drafts.add(position == faultIndex
                ? request(cell.verbClass(), token, bodySizes(true))
                : Arbitraries.of(classes).flatMap(c -> request(c, token, bodySizes(false))));
          }
          Arbitrary<List<RequestDraft>> sequence = Combinators.combine(drafts).as(list -> list);
          return Combinators.combine(sequence, fractions(), Arbitraries.of(betweenDeliveries))
              .as((requests, fraction, delivery) -> new CaseSpec(
                  cell.id(), 0, cell, requests, faultIndex, fraction, delivery, persistent));
        }));
  }

  /**
   * One case of {@code arbitrary}, the same for the same seed. Inside a jqwik property it draws
   * directly; outside jqwik's engine (the CLI) the generator needs a jqwik session, which this opens
   * for the draw.
   */
  public static CaseSpec sample(Arbitrary<CaseSpec> arbitrary, long seed, String id) {
    CaseSpec[] drawn = new CaseSpec[1];
    try {
      // inside a property (or an open session) jqwik's context is there already
      drawn[0] = arbitrary.generator(GEN_SIZE).next(new Random(seed)).value();
    } catch (JqwikException outsideJqwik) {
      if (JqwikSession.isActive()) {
        throw outsideJqwik;
      }
      JqwikSession.run(() -> drawn[0] = arbitrary.generator(GEN_SIZE).next(new Random(seed)).value());
    }
    return withSeed(drawn[0], seed, id);
  }

  /**
   * Makes many draws with jqwik's context: as they are inside a property, else in one session
   * opened for all of them (a session per draw cost ten times the draw).
   */
  public static <T> T drawing(Supplier<T> draws) {
    try {
      return draws.get();
    } catch (JqwikException outsideJqwik) {
      if (JqwikSession.isActive()) {
        throw outsideJqwik;
      }
      List<T> drawn = new ArrayList<>(1);
      JqwikSession.run(() -> drawn.add(draws.get()));
      return drawn.get(0);
    }
  }

  private static CaseSpec withSeed(CaseSpec drawn, long seed, String id) {
    return new CaseSpec(
        id, seed, drawn.cell(), drawn.requests(), drawn.faultIndex(), drawn.offsetFraction(),
        drawn.betweenDelivery(), drawn.persistent());
  }

  /** Where in its range the cut falls: the ends often, anywhere else the rest of the time. */
  static Arbitrary<Double> fractions() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(0.0)),
        Tuple.of(1, Arbitraries.just(0.999)),
        Tuple.of(6, Arbitraries.doubles().between(0.0, true, 1.0, false)));
  }

  /**
   * Body sizes: mostly small, sometimes tens of KiB, and for the faulted request now and then
   * megabytes — more than the socket buffers hold, so that a WRITE cut is noticed on write. The
   * other requests stay small: a megabyte body costs a case ten times its usual time and tests
   * nothing more where no cut falls.
   */
  static Arbitrary<Integer> bodySizes(boolean faulted) {
    if (!faulted) {
      return Arbitraries.frequencyOf(
          Tuple.of(94, Arbitraries.integers().between(16, 300)),
          Tuple.of(6, Arbitraries.integers().between(4 * 1024, 64 * 1024)));
    }
    return Arbitraries.frequencyOf(
        Tuple.of(89, Arbitraries.integers().between(16, 300)),
        Tuple.of(6, Arbitraries.integers().between(4 * 1024, 64 * 1024)),
        Tuple.of(5, Arbitraries.integers().between(2 * 1024 * 1024, 4 * 1024 * 1024)));
  }

  /** A request of {@code verbClass} whose payloads carry {@code token}, sized as for a faulted one. */
  public static Arbitrary<RequestDraft> request(VerbClass verbClass, String token) {
    return request(verbClass, token, bodySizes(true));
  }

  private static Arbitrary<RequestDraft> request(VerbClass verbClass, String token, Arbitrary<Integer> bodySizes) {
    return switch (verbClass) {
      case READ -> Arbitraries.oneOf(
          Arbitraries.just(RequestDraft.plain("hello", VerbClass.READ)),
          path(FILES, p -> RequestDraft.plain("get", VerbClass.READ, p)),
          path(FILES, p -> RequestDraft.plain("has", VerbClass.READ, p)),
          path(FILES, p -> RequestDraft.plain("stat", VerbClass.READ, p)),
          path(DIRECTORIES, p -> RequestDraft.plain("list_dir", VerbClass.READ, p)),
          Combinators.combine(Arbitraries.of(FILES), Arbitraries.of("0,4", "0,2\n4,3", "3,30"))
              .as((p, ranges) -> RequestDraft.withText("readv", VerbClass.READ, ranges, p)));
      case IDEM -> Combinators.combine(Arbitraries.of(FILES), bodySizes, Arbitraries.of("F", "T"),
              Arbitraries.of(true, false))
          .as((p, size, createParent, atomic) -> atomic
              ? RequestDraft.withPayload("put", VerbClass.IDEM, token, size, p, "")
              : RequestDraft.withPayload(
                  "put_non_atomic", VerbClass.IDEM, token, size, p, "", createParent, ""));
      case SEMI -> path(BRANCHES, b -> RequestDraft.plain("Branch.lock_write", VerbClass.SEMI, b, "", ""));
      case SEMIVFS -> Arbitraries.oneOf(
          path(DIRECTORIES, p -> RequestDraft.plain("mkdir", VerbClass.SEMIVFS, p, "")),
          path(DIRECTORIES, p -> RequestDraft.plain("rmdir", VerbClass.SEMIVFS, p)),
          path(FILES, p -> RequestDraft.plain("delete", VerbClass.SEMIVFS, p)),
          Combinators.combine(Arbitraries.of(FILES), Arbitraries.of(FILES))
              .as((from, to) -> RequestDraft.plain("rename", VerbClass.SEMIVFS, from, to)));
      case MUTATE -> Combinators.combine(Arbitraries.of(FILES), bodySizes)
          .as((p, size) -> RequestDraft.withPayload("append", VerbClass.MUTATE, token, size, p, ""));
      case STREAM -> Arbitraries.integers().between(1, 3).flatMap(records ->
          Combinators.combine(
                  Arbitraries.of(FILES).list().ofSize(records),
                  bodySizes.list().ofSize(records))
              .as((paths, sizes) -> RequestDraft.stream(token, paths, sizes)));
    };
  }

  private static Arbitrary<RequestDraft> path(List<String> paths, Function<String, RequestDraft> make) {
    return Arbitraries.of(paths).map(make);
  }
}
