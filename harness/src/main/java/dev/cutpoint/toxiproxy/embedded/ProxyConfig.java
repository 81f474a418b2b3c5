package dev.cutpoint.toxiproxy.embedded;

/** A proxy as a client asks for it (create, populate). */
public record ProxyConfig(String name, String listen, String upstream, boolean enabled) {}
