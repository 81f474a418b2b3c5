package dev.cutpoint.toxiproxy.embedded;

import dev.cutpoint.toxiproxy.embedded.toxic.Direction;
import dev.cutpoint.toxiproxy.embedded.toxic.Outlet;
import dev.cutpoint.toxiproxy.embedded.toxic.Stage;
import dev.cutpoint.toxiproxy.embedded.toxic.ToxicDefinition;
import dev.cutpoint.toxiproxy.embedded.toxic.ToxicStub;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One direction of one connection: the reader at the head, one stub per toxic of that direction
 * in the order they were added, and the destination socket at the end (Toxiproxy's ToxicLink).
 * Stage i runs the collection's chain entry i; the collection rewires links under its lock.
 */
final class ToxicLink {
  private final String name;
  private final Direction direction;
  private final Head head;
  private final List<Stage> stages = new CopyOnWriteArrayList<>();
  private final Runnable resetOnClose;
  private volatile boolean killed;

  ToxicLink(
      String name,
      Direction direction,
      SocketChannel source,
      SocketOutlet destination,
      List<ToxicDefinition> chain,
      Runnable resetOnClose) {
    this.name = name;
    this.direction = direction;
    this.resetOnClose = resetOnClose;
    Outlet next = destination;
    List<Stage> stubs = new ArrayList<>();
    for (int i = chain.size() - 1; i >= 1; i--) {
      ToxicStub stub = new ToxicStub(chain.get(i), next, threadName(chain.get(i)), resetOnClose);
      stubs.add(0, stub);
      next = stub;
    }
    this.head = new Head(source, next, "toxiproxy-link " + name + " " + direction.wireName());
    stages.add(head);
    stages.addAll(stubs);
  }

  void start(List<ToxicDefinition> chain) {
    for (int i = 1; i < stages.size(); i++) {
      stages.get(i).run(chain.get(i));
    }
    head.start();
  }

  /**
   * Appends a toxic: the last stage pauses, its output becomes the new stub, whose output is the
   * old one. What the last stage had already passed on is unaffected; everything after meets the
   * new toxic. On a link that has already ended the stub is born closed.
   */
  void addToxic(ToxicDefinition toxic, ToxicDefinition previous) {
    Stage last = stages.get(stages.size() - 1);
    if (!last.interrupt()) {
      stages.add(ToxicStub.closedOn(toxic, threadName(toxic)));
      return;
    }
    ToxicStub stub = new ToxicStub(toxic, last.output(), threadName(toxic), resetOnClose);
    stages.add(stub);
    last.output(stub);
    stub.run(toxic);
    last.run(previous);
    if (killed) {
      stub.kill(); // the link ended while we were splicing
    }
  }

  /** Reruns the stub with the new attributes; per-link state (limit_data's count) is kept. */
  void updateToxic(int index, ToxicDefinition toxic) {
    Stage stage = stages.get(index);
    if (stage.interrupt()) {
      stage.run(toxic);
    }
  }

  /**
   * Takes a toxic out: the stub pauses, the toxic may clean up (timeout closes the link here),
   * the stub's queued input and whatever the previous stage still sends go straight through, and
   * then the previous stage is pointed past it. No byte in flight is lost.
   */
  void removeToxic(int index, ToxicDefinition removed, ToxicDefinition previous) {
    ToxicStub stub = (ToxicStub) stages.remove(index);
    if (!stub.interrupt()) {
      return;
    }
    removed.toxic().cleanup(stub);
    if (stub.isClosed()) {
      return;
    }
    stub.bypass();
    Stage before = stages.get(index - 1);
    if (before.interrupt()) {
      before.output(stub.output());
      before.run(previous);
    }
  }

  /** The link is gone: every stub's thread ends now, whatever it was waiting for. */
  void kill() {
    killed = true;
    for (Stage stage : stages) {
      if (stage instanceof ToxicStub stub) {
        stub.kill();
      }
    }
  }

  /** The stages of this direction now, for checks that nothing outlives its link. */
  List<Stage> stages() {
    return List.copyOf(stages);
  }

  private String threadName(ToxicDefinition toxic) {
    return "toxiproxy-link " + name + " " + direction.wireName() + " " + toxic.name();
  }
}
