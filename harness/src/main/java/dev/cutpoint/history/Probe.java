package dev.cutpoint.history;

import java.util.Objects;

/**
 * The follow-up call the driver makes after the sequence, fault cleared, to show the client still
 * works (I6). Its request is a read (e.g. {@code hello}), so it leaves the state unchanged.
 */
public record Probe(Request request, Call call) {

  public Probe {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(call, "call");
    if (call.requestIndex() != request.index()) {
      throw new IllegalArgumentException("the probe's call carries the probe's request");
    }
  }
}
