package dev.cutpoint.drive;

import dev.cutpoint.client.Attempt;
import dev.cutpoint.client.AttemptListener;
import dev.cutpoint.client.CallFailed;
import dev.cutpoint.client.ClientOptions;
import dev.cutpoint.client.Request;
import dev.cutpoint.client.RequestBody;
import dev.cutpoint.client.Response;
import dev.cutpoint.client.SmartClient;
import dev.cutpoint.client.TcpConnector;
import dev.cutpoint.server.MemoryStore;
import dev.cutpoint.server.ServerConfig;
import dev.cutpoint.server.SmartServer;
import dev.cutpoint.server.VfsError;
import dev.cutpoint.verbs.VerbClass;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Bug 819604 told as a story (SPEC §1, §8): a client makes a call, the server restarts between two
 * requests (a live upgrade: it closes every connection and accepts new ones), and the client's next
 * call finds its connection dead. With resending (the fix) the call reconnects, resends and
 * succeeds; with {@code noretry} it fails with a connection error — the bug, reproduced.
 */
public final class Bug819604 {

  /** How the story ended. */
  public enum Ending {
    /** The call after the restart succeeded (after a resend). */
    SUCCEEDED,
    /** The call after the restart failed with a connection error: the bug. */
    FAILED_WITH_CONNECTION_ERROR
  }

  private Bug819604() {}

  /** Tells the story on {@code out} against the reference server; returns how it ended. */
  public static Ending tell(PrintStream out, boolean noRetry) throws IOException {
    try (SmartServer server = SmartServer.start(new MemoryStore(), ServerConfig.loopback())) {
      server.reset(Workload.initialState());
      out.println("server: the reference smart server listens on " + address(server));
      // nothing in the story stalls: the timeout is only a safety net, so that a slow machine
      // cannot turn the ending into a timeout
      ClientOptions options = ClientOptions.defaults().withNoRetry(noRetry).withTimeout(Watchdog.SAFETY_NET);
      out.println("client: the reference client, " + (noRetry ? "with -Dnoretry (resending off)" : "resending as Breezy does"));
      AttemptListener story = attempt -> out.println("  " + describe(attempt));
      try (SmartClient client = new SmartClient(new TcpConnector(server.address()), options, story)) {
        out.println("request 1: hello");
        Response first = call(client, Request.of("hello", VerbClass.READ, RequestBody.NONE));
        out.println("  result: " + first.args());
        int open = server.openConnections();
        int stillOpen = server.gracefulRestart(Watchdog.SAFETY_NET);
        out.println("restart: the server restarts between requests (live upgrade) and closes "
            + (open - stillOpen) + " connection(s), the client's among them; it accepts new ones");
        out.println("request 2: get f0 (a read: safe to send twice)");
        try {
          Response second = client.call(Request.of("get", VerbClass.READ, RequestBody.NONE, "f0"));
          out.println("  result: " + second.args() + " with a body of " + second.body().length() + " bytes");
          out.println("ending: the call after the restart succeeded: the client reconnected and resent (bug 819604 fixed)");
          return Ending.SUCCEEDED;
        } catch (CallFailed failed) {
          out.println("  result: " + failed.getClass().getSimpleName() + ": " + failed.getMessage());
          out.println("ending: the first call after the restart failed with a connection error (bug 819604 reproduced)");
          return Ending.FAILED_WITH_CONNECTION_ERROR;
        }
      }
    } catch (VfsError e) {
      throw new IOException("the reference server could not be set up", e);
    }
  }

  private static Response call(SmartClient client, Request request) throws IOException {
    try {
      return client.call(request);
    } catch (CallFailed e) {
      throw new IOException("the call before the restart failed: " + e.getMessage(), e);
    }
  }

  private static String address(SmartServer server) {
    return "bzr://" + server.address().getHostString() + ":" + server.port() + "/";
  }

  private static String describe(Attempt attempt) {
    String connection = attempt.connectionId().isPresent()
        ? "connection " + attempt.connectionId().getAsLong()
            + (attempt.reusedConnection() ? " (kept from the previous call)" : " (new)")
        : "no connection";
    String head = "attempt " + attempt.number() + " on " + connection + ": wrote " + attempt.bytesWritten()
        + " bytes" + (attempt.writeCompleted() ? " (the whole request)" : " (not all of it)");
    if (attempt.response().isPresent()) {
      return head + ", read " + attempt.bytesRead() + " bytes: the response";
    }
    String where = attempt.failedAt().map(site -> "failed on " + site.name().toLowerCase()).orElse("failed");
    String error = attempt.error().map(e -> e.getClass().getSimpleName() + " (" + e.getMessage() + ")").orElse("");
    String decision = attempt.decision()
        .map(d -> d.resend()
            ? " -> reconnect and resend (" + d.reason().name().toLowerCase() + ")"
            : " -> no resend (" + d.reason().name().toLowerCase() + ")")
        .orElse("");
    return head + ", " + where + ": " + error + decision;
  }
}
