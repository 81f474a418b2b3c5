package dev.cutpoint.toxiproxy.embedded;

/** What the API shows of a proxy (its toxics aside). */
public record ProxyState(String name, String listen, String upstream, boolean enabled) {}
