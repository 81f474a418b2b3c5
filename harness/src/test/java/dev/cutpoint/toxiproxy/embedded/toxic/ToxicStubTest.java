package dev.cutpoint.toxiproxy.embedded.toxic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The stub's contract with the link: pause, rewire, bypass, kill; and the toxics' data moves. */
class ToxicStubTest {
  private static final Duration PROMPTLY = Duration.ofSeconds(5);

  @Test
  void aRunningStubPassesChunksInOrderAndEndsItsOutputWhenItsInputEnds() throws Exception {
    RecordingOutlet out = new RecordingOutlet();
    ToxicStub stub = stub(noop(), out);
    stub.accept(chunk("ab"));
    stub.accept(chunk("cd"));
    stub.end();
    assertThat(out.awaitEnd(PROMPTLY)).isTrue();
    assertThat(out.text()).isEqualTo("abcd");
    join(stub);
  }

  @Test
  void anInterruptedLatencyStubLetsGoOfItsChunkUndelayedAndCanBeRewired() throws Exception {
    RecordingOutlet first = new RecordingOutlet();
    RecordingOutlet second = new RecordingOutlet();
    ToxicDefinition slow = definition(ToxicType.LATENCY, new LatencyToxic(60_000, 0));
    ToxicStub stub = stub(slow, first);
    stub.accept(chunk("held"));

    assertThat(stub.interrupt()).isTrue();

    stub.output(second);
    stub.run(definition(ToxicType.LATENCY, new LatencyToxic(0, 0)));
    stub.accept(chunk("next"));
    // the chunk was either being delayed (flushed at once to the old output) or still queued
    // (it goes on to the new one): never lost, never held for the minute, never reordered
    second.await(first.text().length() == 4 ? 4 : 8, PROMPTLY);
    assertThat(first.text() + second.text()).isEqualTo("heldnext");
    stub.kill();
    join(stub);
  }

  @Test
  void aBypassedStubForwardsWhatItQueuedThenWhatFollowsInOrder() throws Exception {
    RecordingOutlet out = new RecordingOutlet();
    ToxicStub stub = stub(definition(ToxicType.LATENCY, new LatencyToxic(60_000, 0)), out);
    stub.accept(chunk("1"));
    stub.accept(chunk("2"));
    stub.accept(chunk("3"));
    assertThat(stub.interrupt()).isTrue(); // what the toxic held is flushed, the rest stays queued

    stub.bypass();
    stub.accept(chunk("4"));
    stub.end();

    assertThat(out.text()).isEqualTo("1234");
    assertThat(out.ended()).isTrue();
    join(stub);
  }

  @Test
  void aClosedStubCannotBeInterruptedAndSwallowsLateInput() throws Exception {
    RecordingOutlet out = new RecordingOutlet();
    ToxicStub stub = stub(definition(ToxicType.LIMIT_DATA, new LimitDataToxic(2)), out);
    stub.accept(chunk("abc"));
    assertThat(out.awaitEnd(PROMPTLY)).isTrue();
    assertThat(out.text()).isEqualTo("ab");
    assertThat(stub.interrupt()).isFalse();
    stub.accept(chunk("late")); // returns at once
    assertThat(out.text()).isEqualTo("ab");
    join(stub);
  }

  @Test
  void killingAStubEndsItsWorkWhateverItWaitsFor() throws Exception {
    ToxicStub stub = stub(definition(ToxicType.RESET_PEER, new ResetPeerToxic(60_000)), new RecordingOutlet());
    stub.accept(chunk("x")); // reset_peer now waits a minute, deaf to interrupts
    stub.kill();
    join(stub);
  }

  @Test
  void toxicityIsRolledEachTimeAStubStarts() throws Exception {
    int limited = 0;
    for (int i = 0; i < 200; i++) {
      RecordingOutlet out = new RecordingOutlet();
      ToxicStub stub = stub(
          new ToxicDefinition("limit", ToxicType.LIMIT_DATA, Direction.UPSTREAM, 0.5f, new LimitDataToxic(1)), out);
      stub.accept(chunk("ab"));
      stub.end();
      assertThat(out.awaitEnd(PROMPTLY)).isTrue();
      limited += out.text().equals("a") ? 1 : 0;
      join(stub);
    }
    assertThat(limited).isBetween(40, 160); // 0.5 each: outside this, p < 1e-17
  }

  @Test
  void slicerCutsIntoPiecesNearTheAverageSizeCoveringEveryByte() {
    SlicerToxic slicer = new SlicerToxic(10, 3, 0);
    int[] cuts = slicer.cuts(1000);
    assertThat(cuts[0]).isZero();
    assertThat(cuts[cuts.length - 1]).isEqualTo(1000);
    for (int i = 1; i < cuts.length; i++) {
      assertThat(cuts[i] - cuts[i - 1]).isBetween(1, 13);
    }
    assertThat(new SlicerToxic(0, 0, 0).cuts(3)).containsExactly(0, 1, 2, 3);
  }

  private static ToxicStub stub(ToxicDefinition definition, Outlet out) {
    ToxicStub stub = new ToxicStub(definition, out, "test-stub", () -> {});
    stub.run(definition);
    return stub;
  }

  private static ToxicDefinition noop() {
    return definition(ToxicType.NOOP, NoopToxic.INSTANCE);
  }

  private static ToxicDefinition definition(ToxicType type, Toxic toxic) {
    return new ToxicDefinition(type.wireName(), type, Direction.DOWNSTREAM, 1f, toxic);
  }

  private static Chunk chunk(String text) {
    return Chunk.of(text.getBytes(StandardCharsets.ISO_8859_1), System.nanoTime());
  }

  private static void join(ToxicStub stub) throws InterruptedException {
    assertThat(stub.awaitFinished(PROMPTLY)).as("stub still running").isTrue();
  }
}
