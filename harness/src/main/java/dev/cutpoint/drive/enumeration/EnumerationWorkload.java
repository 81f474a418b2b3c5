package dev.cutpoint.drive.enumeration;

import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.Workload;
import dev.cutpoint.history.ServerState;
import dev.cutpoint.verbs.VerbClass;
import java.util.List;
import java.util.Objects;

/**
 * What an enumeration cuts: requests run in order from an initial state, and where they came from
 * (the built-in workload, a workload file, a recorded case).
 */
public record EnumerationWorkload(String source, ServerState initialState, List<RequestDraft> requests) {

  /**
   * The large body: more than the default socket buffers (208 KiB here), so that a cut is seen on
   * write in some cases, not only on read.
   */
  public static final int LARGE_BODY = 1024 * 1024;

  public EnumerationWorkload {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(initialState, "initialState");
    requests = List.copyOf(requests);
    if (requests.isEmpty()) {
      throw new IllegalArgumentException("a workload has at least one request");
    }
  }

  /**
   * The built-in workload, from the matrix's initial tree ({@code d/}, {@code f0}, {@code d/f1}):
   * every verb class, every body-less verb of the reference server but {@code Branch.unlock}
   * (whose token no workload can know beforehand), a request and a response with a body
   * ({@code readv}, {@code get}), a stream of three records (several body parts), and last a
   * {@code put} of {@value #LARGE_BODY} bytes — last, because a case stops after the request it
   * cuts, so only its own cases carry its weight.
   */
  public static EnumerationWorkload builtIn() {
    return new EnumerationWorkload("built-in", Workload.initialState(), List.of(
        RequestDraft.plain("hello", VerbClass.READ),
        RequestDraft.plain("get", VerbClass.READ, "f0"),
        RequestDraft.plain("has", VerbClass.READ, "d/f1"),
        RequestDraft.plain("stat", VerbClass.READ, "f0"),
        RequestDraft.plain("list_dir", VerbClass.READ, "d"),
        RequestDraft.withText("readv", VerbClass.READ, "0,4\n6,3", "f0"),
        RequestDraft.withPayload("put", VerbClass.IDEM, "w6", 48, "f1", ""),
        RequestDraft.plain("Branch.lock_write", VerbClass.SEMI, "b0", "", ""),
        RequestDraft.plain("mkdir", VerbClass.SEMIVFS, "e", ""),
        RequestDraft.plain("rename", VerbClass.SEMIVFS, "f1", "e/f1"),
        RequestDraft.plain("delete", VerbClass.SEMIVFS, "d/f1"),
        RequestDraft.plain("rmdir", VerbClass.SEMIVFS, "d"),
        RequestDraft.withPayload("append", VerbClass.MUTATE, "w12", 40, "f0", ""),
        RequestDraft.stream("w13", List.of("s0", "s1", "s2"), List.of(24, 24, 24)),
        RequestDraft.withPayload("put", VerbClass.IDEM, "w14", LARGE_BODY, "big", "")));
  }
}
