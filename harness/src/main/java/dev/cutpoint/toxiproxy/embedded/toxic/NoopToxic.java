package dev.cutpoint.toxiproxy.embedded.toxic;

/** Passes everything through; also what a stub runs when its toxicity roll fails. */
public record NoopToxic() implements Toxic {
  public static final NoopToxic INSTANCE = new NoopToxic();

  @Override
  public void pipe(ToxicStub stub) throws StubInterrupted {
    while (true) {
      if (!(stub.take() instanceof Chunk chunk)) {
        stub.close();
        return;
      }
      stub.emit(chunk);
    }
  }
}
