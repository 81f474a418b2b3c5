package dev.cutpoint.toxiproxy.embedded;

import dev.cutpoint.toxiproxy.embedded.toxic.Direction;
import dev.cutpoint.toxiproxy.embedded.toxic.ResetPeerToxic;
import dev.cutpoint.toxiproxy.embedded.toxic.Stage;
import dev.cutpoint.toxiproxy.embedded.toxic.ToxicDefinition;
import java.io.Closeable;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** One client connection through a proxy: the client socket, the upstream socket, two chains. */
final class Link {
  private final SocketChannel client;
  private final SocketChannel upstream;
  private final Map<Direction, ToxicLink> directions = new EnumMap<>(Direction.class);
  private final AtomicInteger openDestinations = new AtomicInteger(2);
  private final AtomicBoolean finished = new AtomicBoolean();
  private final Consumer<Link> onFinished;

  Link(
      String name,
      SocketChannel client,
      SocketChannel upstream,
      Map<Direction, List<ToxicDefinition>> chains,
      Consumer<Link> onFinished) {
    this.client = client;
    this.upstream = upstream;
    this.onFinished = onFinished;
    directions.put(
        Direction.UPSTREAM,
        new ToxicLink(
            name,
            Direction.UPSTREAM,
            client,
            new SocketOutlet(upstream, this::destinationClosed),
            chains.get(Direction.UPSTREAM),
            this::resetOnClose));
    directions.put(
        Direction.DOWNSTREAM,
        new ToxicLink(
            name,
            Direction.DOWNSTREAM,
            upstream,
            new SocketOutlet(client, this::destinationClosed),
            chains.get(Direction.DOWNSTREAM),
            this::resetOnClose));
  }

  /**
   * Starts both directions. A link opened while a reset_peer toxic is present gets SO_LINGER 0 on
   * both sockets, so that any close of it is an RST; Toxiproxy decides this once, when the link
   * starts, which is why links older than the toxic see a FIN instead.
   */
  void start(Map<Direction, List<ToxicDefinition>> chains) {
    boolean resetsPeer =
        chains.values().stream()
            .flatMap(List::stream)
            .anyMatch(t -> t.toxic() instanceof ResetPeerToxic);
    if (resetsPeer) {
      resetOnClose();
    }
    directions.forEach((direction, link) -> link.start(chains.get(direction)));
  }

  /** Makes any later close of this link a TCP RST on both sides (our reset extension asks for it). */
  private void resetOnClose() {
    lingerZero(client);
    lingerZero(upstream);
  }

  ToxicLink direction(Direction direction) {
    return directions.get(direction);
  }

  /** Closes both sockets now (the proxy is disabled or deleted). */
  void close() {
    closeQuietly(client);
    closeQuietly(upstream);
    finish();
  }

  List<Stage> stages() {
    List<Stage> stages = new ArrayList<>();
    directions.values().forEach(d -> stages.addAll(d.stages()));
    return stages;
  }

  private void destinationClosed() {
    if (openDestinations.decrementAndGet() == 0) {
      finish();
    }
  }

  private void finish() {
    if (finished.compareAndSet(false, true)) {
      directions.values().forEach(ToxicLink::kill);
      onFinished.accept(this);
    }
  }

  private static void lingerZero(SocketChannel channel) {
    try {
      channel.setOption(StandardSocketOptions.SO_LINGER, 0);
    } catch (IOException alreadyClosed) {
      // the link is ending anyway
    }
  }

  static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // closing is all we wanted
    }
  }
}
