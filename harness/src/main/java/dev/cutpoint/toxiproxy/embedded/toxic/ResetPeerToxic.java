package dev.cutpoint.toxiproxy.embedded.toxic;

import java.util.concurrent.TimeUnit;

/**
 * On the first arrival (data, which is dropped, or the end) waits {@code timeout} ms, then closes
 * the link. The link turns this close into a TCP RST only if it was opened while a reset_peer
 * toxic was present (it then sets SO_LINGER 0 on both sockets); older links get a plain FIN.
 */
public record ResetPeerToxic(long timeout) implements Toxic {

  @Override
  public void pipe(ToxicStub stub) throws StubInterrupted {
    stub.take();
    stub.sleepThroughInterrupts(TimeUnit.MILLISECONDS.toNanos(timeout));
    stub.close();
  }
}
