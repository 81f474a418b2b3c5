package dev.cutpoint.check;

import static dev.cutpoint.check.Cases.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.history.Reply;
import dev.cutpoint.history.Request;
import dev.cutpoint.history.ServerState;
import dev.cutpoint.history.StateEntry;
import dev.cutpoint.history.StreamRecord;
import dev.cutpoint.verbs.VerbClass;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The model's semantics, verb by verb (Breezy's vfs.py and branch.py, SPEC §3.2). */
class VerbModelTest {

  static final ModelState EMPTY = ModelState.of(ServerState.empty());

  static ModelState state(StateEntry... entries) {
    return ModelState.of(ServerState.of(List.of(entries), List.of()));
  }

  /** The only alternative's expected reply must match {@code reply}; returns the state after. */
  static ModelState expect(ModelState state, Request request, Reply reply) {
    List<Alternative> alternatives = VerbModel.apply(state, request).orElseThrow();
    assertThat(alternatives).hasSize(1);
    assertThat(alternatives.get(0).reply().matches(reply))
        .as("%s expects %s, got %s", request.verb(), alternatives.get(0).reply().describe(), reply)
        .isTrue();
    return alternatives.get(0).settle(Optional.of(reply));
  }

  @Test
  void putWritesAFileInAnExistingDirectoryOnly() {
    assertThat(expect(EMPTY, put(0, "f", "r0"), ok()).differences(
        ServerState.of(List.of(file("f", payload("r0"))), List.of()))).isEmpty();
    expect(EMPTY, put(0, "d/f", "r0"), Reply.error("NoSuchFile", "d/f"));
    expect(state(StateEntry.directory("d")), put(0, "d", "r0"), Reply.error("IsADirectory"));
  }

  @Test
  void putNonAtomicCreatesOneMissingParentWhenAsked() {
    Request create = withBody(0, "put_non_atomic", VerbClass.IDEM, payload("r0"), "d/f", "", "T", "");
    ModelState after = expect(EMPTY, create, ok());
    assertThat(after.isDirectory(ModelPath.parse("d").orElseThrow())).isTrue();
    Request noCreate = withBody(0, "put_non_atomic", VerbClass.IDEM, payload("r0"), "d/f", "", "F", "");
    expect(EMPTY, noCreate, Reply.error("NoSuchFile"));
    Request tooDeep = withBody(0, "put_non_atomic", VerbClass.IDEM, payload("r0"), "a/b/f", "", "T", "");
    expect(EMPTY, tooDeep, Reply.error("NoSuchFile"));
  }

  @Test
  void appendAnswersTheOldLengthAndConcatenates() {
    ModelState once = expect(EMPTY, append(0, "f", "r0"), appended(0));
    ModelState twice = expect(once, append(1, "f", "r1"), appended(32));
    assertThat(twice.differences(ServerState.of(List.of(file("f", payload("r0"), payload("r1"))), List.of())))
        .isEmpty();
    assertThat(expect(EMPTY, append(0, "f", "r0"), appended(0)).file(ModelPath.parse("f").orElseThrow())
        .orElseThrow().describe()).isEqualTo("[r0]");
  }

  @Test
  void mkdirRmdirDeleteFollowBreezysErrors() {
    ModelState withDir = expect(EMPTY, mkdir(0, "d"), ok());
    expect(withDir, mkdir(1, "d"), Reply.error("FileExists", "d"));
    expect(EMPTY, mkdir(0, "a/b"), Reply.error("NoSuchFile", "a/b"));
    ModelState full = withDir.withFile(ModelPath.parse("d/f").orElseThrow(), FileContent.EMPTY);
    expect(full, request(0, "rmdir", VerbClass.SEMIVFS, "d"), Reply.error("DirectoryNotEmpty", "d"));
    expect(EMPTY, request(0, "rmdir", VerbClass.SEMIVFS, "d"), Reply.error("NoSuchFile", "d"));
    expect(withDir, request(0, "delete", VerbClass.SEMIVFS, "d"), Reply.error("PathError"));
    ModelState gone = expect(full, request(0, "delete", VerbClass.SEMIVFS, "d/f"), ok());
    assertThat(gone.children(ModelPath.parse("d").orElseThrow())).isEmpty();
  }

  @Test
  void renameOntoAFileMayReplaceItOrFail() {
    ModelState two = state(file("a", payload("r0")), file("b", payload("r1")));
    List<Alternative> alternatives = VerbModel.apply(two, request(0, "rename", VerbClass.SEMIVFS, "a", "b")).orElseThrow();
    assertThat(alternatives).extracting(a -> a.reply().status().name()).containsExactly("SUCCESS", "ERROR");
    assertThat(alternatives.get(0).after().differences(
        ServerState.of(List.of(file("b", payload("r0"))), List.of()))).isEmpty();
  }

  @Test
  void renameMovesSubtreesAndRefusesImpossibleTargets() {
    ModelState tree = state(StateEntry.directory("d"), file("d/f", payload("r0")), StateEntry.directory("e"),
        file("e/g", payload("r1")));
    ModelState moved = expect(tree, request(0, "rename", VerbClass.SEMIVFS, "d", "x"), ok());
    assertThat(moved.file(ModelPath.parse("x/f").orElseThrow())).isPresent();
    expect(tree, request(0, "rename", VerbClass.SEMIVFS, "d", "e"), Reply.error("DirectoryNotEmpty"));
    expect(tree, request(0, "rename", VerbClass.SEMIVFS, "d", "d/sub"), Reply.error("PathError"));
    expect(tree, request(0, "rename", VerbClass.SEMIVFS, "missing", "y"), Reply.error("NoSuchFile"));
    assertThat(expect(tree, request(0, "rename", VerbClass.SEMIVFS, "d", "d"), ok())).isEqualTo(tree);
  }

  @Test
  void insertStreamIsAllOrNothing() {
    Request good = insertStream(0, new StreamRecord("a", payload("s0")), new StreamRecord("b", payload("s1")));
    ModelState after = expect(EMPTY, good, ok("ok", "2"));
    assertThat(after.children(ModelPath.ROOT)).containsExactly("a", "b");
    Request bad = insertStream(0, new StreamRecord("a", payload("s0")), new StreamRecord("no/b", payload("s1")));
    assertThat(expect(EMPTY, bad, Reply.error("NoSuchFile"))).isEqualTo(EMPTY);
  }

  @Test
  void readsAnswerFromTheTree() {
    ModelState tree = state(StateEntry.directory("d"), file("d/f", payload("r0")));
    expect(tree, get(0, "d/f"), fileBody(payload("r0")));
    expect(tree, get(0, "nope"), Reply.error("NoSuchFile", "nope"));
    expect(tree, request(0, "has", VerbClass.READ, "d"), Reply.success("yes"));
    expect(tree, request(0, "has", VerbClass.READ, "x"), Reply.success("no"));
    expect(tree, request(0, "list_dir", VerbClass.READ, "d"), Reply.success("names", "f"));
    expect(tree, request(0, "hello", VerbClass.READ), Reply.success("ok", "2"));
    Request readv = withBody(0, "readv", VerbClass.READ, dev.cutpoint.history.Payload.literal("0,4\n5,2\n"), "d/f");
    byte[] bytes = payload("r0").bytes();
    byte[] ranges = new byte[6];
    System.arraycopy(bytes, 0, ranges, 0, 4);
    System.arraycopy(bytes, 5, ranges, 4, 2);
    expect(tree, readv, Reply.success(List.of("readv"), dev.cutpoint.history.Digest.of(ranges)));
  }

  @Test
  void pathsOutsideTheRootAreRefusedAndChangeNothing() {
    assertThat(expect(EMPTY, mkdir(0, "../x"), Reply.error("PermissionDenied"))).isEqualTo(EMPTY);
    assertThat(expect(EMPTY, put(0, "/etc/x", "r0"), Reply.error("PathNotChild"))).isEqualTo(EMPTY);
  }

  @Test
  void branchLocksHandOutATokenAndWantItBack() {
    ModelState locked = expect(EMPTY, lockWrite(0, "b"), ok("ok", "T1", ""));
    assertThat(locked.lock("b")).contains(new ModelState.Lock(Optional.of("T1")));
    expect(locked, lockWrite(1, "b"), Reply.error("LockContention"));
    expect(locked, request(1, "Branch.lock_write", VerbClass.SEMI, "b", "T1", ""), ok("ok", "T1", ""));
    expect(locked, request(1, "Branch.unlock", VerbClass.SEMI, "b", "T2", ""), Reply.error("TokenMismatch"));
    ModelState free = expect(locked, request(1, "Branch.unlock", VerbClass.SEMI, "b", "T1", ""), ok());
    assertThat(free.lock("b")).isEmpty();
    expect(free, request(1, "Branch.unlock", VerbClass.SEMI, "b", "T1", ""), Reply.error("TokenMismatch"));
  }

  @Test
  void aLockTakenByALostReplyHasAnUnknownToken() {
    ModelState locked = VerbModel.apply(EMPTY, lockWrite(0, "b")).orElseThrow().get(0).settle(Optional.empty());
    assertThat(locked.lock("b")).contains(new ModelState.Lock(Optional.empty()));
    assertThat(VerbModel.apply(locked, request(1, "Branch.unlock", VerbClass.SEMI, "b", "T9", "")).orElseThrow())
        .hasSize(2);
  }

  @Test
  void anUnknownVerbIsNotModelled() {
    assertThat(VerbModel.apply(EMPTY, request(0, "Repository.gather_stats", VerbClass.READ, ""))).isEmpty();
  }

  @Test
  void controlDirectoriesAreNotCompared() {
    ModelState model = state(StateEntry.directory("b"), StateEntry.directory("b/.bzr"));
    ServerState observed =
        ServerState.withoutLocks(List.of(StateEntry.directory("b"), StateEntry.directory("b/.bzr"),
            StateEntry.file("b/.bzr/branch-lock", "held")));
    assertThat(model.differences(observed)).isEmpty();
  }
}
