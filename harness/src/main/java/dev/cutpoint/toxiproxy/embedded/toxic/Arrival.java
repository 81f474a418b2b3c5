package dev.cutpoint.toxiproxy.embedded.toxic;

/** What a toxic finds when it looks at its input: a chunk of data, or one of the {@link Signal}s. */
public sealed interface Arrival permits Chunk, Signal {}
