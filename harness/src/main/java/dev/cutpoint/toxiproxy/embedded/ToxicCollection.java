package dev.cutpoint.toxiproxy.embedded;

import dev.cutpoint.toxiproxy.embedded.ToxiproxyException.Reason;
import dev.cutpoint.toxiproxy.embedded.toxic.Direction;
import dev.cutpoint.toxiproxy.embedded.toxic.ToxicDefinition;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A proxy's toxics, one chain per direction with the hidden noop first, and its live links
 * (Toxiproxy's ToxicCollection). Every change is applied to every live link of that direction
 * before the call returns; a link opened meanwhile waits and starts with the new chain.
 */
public final class ToxicCollection {

  /** Computes a toxic's new definition from its current one (an update request). */
  @FunctionalInterface
  public interface Amendment {
    ToxicDefinition apply(ToxicDefinition current) throws ToxiproxyException;
  }

  private final Map<Direction, List<ToxicDefinition>> chains = new EnumMap<>(Direction.class);
  /** Not guarded by the collection's lock: a link ending must never wait for a rewiring. */
  private final Set<Link> links = ConcurrentHashMap.newKeySet();

  ToxicCollection() {
    for (Direction direction : Direction.values()) {
      List<ToxicDefinition> chain = new ArrayList<>();
      chain.add(ToxicDefinition.NOOP);
      chains.put(direction, chain);
    }
  }

  /** Upstream toxics first, then downstream, each in the order they were added. */
  public synchronized List<ToxicDefinition> all() {
    List<ToxicDefinition> all = new ArrayList<>();
    for (Direction direction : Direction.values()) {
      List<ToxicDefinition> chain = chains.get(direction);
      all.addAll(chain.subList(1, chain.size()));
    }
    return all;
  }

  public synchronized Optional<ToxicDefinition> find(String name) {
    return all().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public synchronized ToxicDefinition add(ToxicDefinition toxic) throws ToxiproxyException {
    if (find(toxic.name()).isPresent()) {
      throw ToxiproxyException.of(Reason.TOXIC_ALREADY_EXISTS);
    }
    List<ToxicDefinition> chain = chains.get(toxic.stream());
    ToxicDefinition previous = chain.get(chain.size() - 1);
    chain.add(toxic);
    for (Link link : links) {
      link.direction(toxic.stream()).addToxic(toxic, previous);
    }
    return toxic;
  }

  public synchronized ToxicDefinition update(String name, Amendment amendment)
      throws ToxiproxyException {
    ToxicDefinition current =
        find(name).orElseThrow(() -> ToxiproxyException.of(Reason.TOXIC_NOT_FOUND));
    ToxicDefinition updated = amendment.apply(current);
    List<ToxicDefinition> chain = chains.get(current.stream());
    int index = chain.indexOf(current);
    chain.set(index, updated);
    for (Link link : links) {
      link.direction(current.stream()).updateToxic(index, updated);
    }
    return updated;
  }

  public synchronized void remove(String name) throws ToxiproxyException {
    ToxicDefinition toxic =
        find(name).orElseThrow(() -> ToxiproxyException.of(Reason.TOXIC_NOT_FOUND));
    removeFromChain(toxic);
  }

  /** Removes every toxic, one at a time from the front, as Toxiproxy's ResetToxics does. */
  public synchronized void reset() {
    for (Direction direction : Direction.values()) {
      List<ToxicDefinition> chain = chains.get(direction);
      while (chain.size() > 1) {
        removeFromChain(chain.get(1));
      }
    }
  }

  /** Opens a link with the chains as they are now; {@code onOpened} runs before it starts. */
  synchronized Link open(
      String name,
      SocketChannel client,
      SocketChannel upstream,
      Consumer<Link> onOpened,
      Consumer<Link> onFinished) {
    Map<Direction, List<ToxicDefinition>> snapshot = new EnumMap<>(Direction.class);
    chains.forEach((direction, chain) -> snapshot.put(direction, List.copyOf(chain)));
    Link link =
        new Link(
            name,
            client,
            upstream,
            snapshot,
            finished -> {
              links.remove(finished);
              onFinished.accept(finished);
            });
    links.add(link);
    onOpened.accept(link);
    link.start(snapshot);
    return link;
  }

  private void removeFromChain(ToxicDefinition toxic) {
    List<ToxicDefinition> chain = chains.get(toxic.stream());
    int index = chain.indexOf(toxic);
    ToxicDefinition previous = chain.get(index - 1);
    chain.remove(index);
    for (Link link : links) {
      link.direction(toxic.stream()).removeToxic(index, toxic, previous);
    }
  }
}
