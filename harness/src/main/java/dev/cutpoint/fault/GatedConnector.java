package dev.cutpoint.fault;

import dev.cutpoint.client.Connection;
import dev.cutpoint.client.Connector;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The client's {@link Connector}, wrapped so that a fault hits exactly one connection (SPEC §5.3):
 * Toxiproxy applies a toxic to every link of a proxy, new ones included, so before the client opens
 * another connection the {@link Nemesis} clears its fault, and only then does the connect go ahead.
 * Connects before the fault is armed, and the first one after arming when the client held no
 * connection, pass straight through; the nemesis learns each connection's id.
 */
public final class GatedConnector implements Connector {

  private final Connector delegate;
  private final Nemesis nemesis;

  public GatedConnector(Connector delegate, Nemesis nemesis) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.nemesis = Objects.requireNonNull(nemesis, "nemesis");
  }

  @Override
  public Connection connect(Optional<Duration> timeout) throws IOException {
    nemesis.beforeConnect();
    Connection connection = delegate.connect(timeout);
    nemesis.connected(connection.id());
    return connection;
  }

  @Override
  public String toString() {
    return "gated " + delegate;
  }
}
