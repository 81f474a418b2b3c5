package dev.cutpoint.toxiproxy.embedded;

import dev.cutpoint.toxiproxy.embedded.ToxiproxyException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The server's proxies by name (Toxiproxy's ProxyCollection). */
public final class ProxyRegistry implements AutoCloseable {

  /** What populate did: the proxies it created or kept, and the error that stopped it, if any. */
  public record Populated(List<Proxy> proxies, Optional<ToxiproxyException> error) {}

  private final Map<String, Proxy> proxies = new TreeMap<>(); // guarded by this

  /** Creates a proxy, started when asked; a name in use is a conflict. */
  public synchronized Proxy create(ProxyConfig config) throws ToxiproxyException {
    if (proxies.containsKey(config.name())) {
      throw ToxiproxyException.of(Reason.PROXY_ALREADY_EXISTS);
    }
    Proxy proxy = new Proxy(config.name(), config.listen(), config.upstream());
    if (config.enabled()) {
      proxy.start();
    }
    proxies.put(config.name(), proxy);
    return proxy;
  }

  /**
   * Creates or replaces each proxy in turn; one that exists with the same listen address and
   * upstream is kept as it is (toxics, links and all), one that differs is stopped and replaced.
   * Stops at the first error, keeping what was done before it, as Toxiproxy does.
   */
  public Populated populate(List<ProxyConfig> configs) {
    List<Proxy> done = new ArrayList<>();
    for (ProxyConfig config : configs) {
      try {
        done.add(createOrReplace(config));
      } catch (ToxiproxyException e) {
        return new Populated(done, Optional.of(e));
      }
    }
    return new Populated(done, Optional.empty());
  }

  public synchronized Proxy get(String name) throws ToxiproxyException {
    Proxy proxy = proxies.get(name);
    if (proxy == null) {
      throw ToxiproxyException.of(Reason.PROXY_NOT_FOUND);
    }
    return proxy;
  }

  /** By name. */
  public synchronized List<Proxy> all() {
    return List.copyOf(proxies.values());
  }

  public synchronized void remove(String name) throws ToxiproxyException {
    get(name).stop();
    proxies.remove(name);
  }

  /** Enables every proxy and removes every toxic. */
  public void reset() throws ToxiproxyException {
    for (Proxy proxy : all()) {
      proxy.start();
      proxy.toxics().reset();
    }
  }

  @Override
  public synchronized void close() {
    proxies.values().forEach(Proxy::stop);
    proxies.clear();
  }

  private synchronized Proxy createOrReplace(ProxyConfig config) throws ToxiproxyException {
    Proxy existing = proxies.get(config.name());
    if (existing != null) {
      if (!existing.differs(config.listen(), config.upstream())) {
        return existing;
      }
      existing.stop();
    }
    Proxy proxy = new Proxy(config.name(), config.listen(), config.upstream());
    if (config.enabled()) {
      proxy.start();
    }
    proxies.put(config.name(), proxy);
    return proxy;
  }
}
