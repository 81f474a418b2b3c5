package dev.cutpoint.drive.breezy;

import dev.cutpoint.drive.Bug819604;
import dev.cutpoint.drive.Mutant;
import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.TargetSettings;
import dev.cutpoint.drive.Workload;
import dev.cutpoint.drive.brzserve.ServedBrz;
import dev.cutpoint.drive.brzserve.StopMode;
import dev.cutpoint.drive.target.CaseClient;
import dev.cutpoint.drive.target.CaseServer;
import dev.cutpoint.drive.target.ReferenceClient;
import dev.cutpoint.drive.target.ReferenceServer;
import dev.cutpoint.history.Attempt;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.OutcomeKind;
import dev.cutpoint.history.Reply;
import dev.cutpoint.history.Request;
import dev.cutpoint.verbs.VerbClass;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Bug 819604 told with real Breezy (SPEC §1, §8), on the three Breezy targets: a call, then the
 * server restarts between two requests — {@code brz serve} stopped with SIGHUP, Breezy's own
 * graceful stop, and started again on its port; or the reference server's graceful restart — then
 * a read. Breezy's client resends it on a new connection and it succeeds; with {@code -Dnoretry} it
 * fails with {@code ConnectionReset}: the bug, reproduced with the code that had it.
 */
public final class BreezyBug819604 {

  private static final Duration TIMEOUT = TargetSettings.DEFAULT_CALL_TIMEOUT;

  private BreezyBug819604() {}

  /**
   * Tells the story on {@code out} against the named Breezy target.
   *
   * @throws BreezyUnavailable when Breezy is not installed
   * @throws IllegalArgumentException for a target that is not a Breezy one
   */
  public static Bug819604.Ending tell(PrintStream out, String target, boolean noRetry) throws IOException {
    return tell(out, target, noRetry, BreezyInstallation.system());
  }

  /**
   * Tells the story on {@code out} against the named Breezy target, with {@code breezy}'s client
   * and server ({@code --breezy PATH}).
   *
   * @throws BreezyUnavailable when that Breezy does not run
   * @throws IllegalArgumentException for a target that is not a Breezy one
   */
  public static Bug819604.Ending tell(PrintStream out, String target, boolean noRetry, BreezyInstallation breezy)
      throws IOException {
    if (!BreezyTargets.NAMES.contains(target)) {
      throw new IllegalArgumentException(
          "'" + target + "' is not a Breezy target; these are: " + String.join(", ", BreezyTargets.NAMES));
    }
    String which = breezy.probe().describe();
    boolean realServer = !target.equals(BreezyTargets.CLIENT);
    boolean realClient = !target.equals(BreezyTargets.SERVER);
    try (CaseServer server = realServer
            ? ServedBrz.start(breezy, StopMode.GRACEFUL)
            : ReferenceServer.start(Mutant.NONE);
        CaseClient client = realClient
            ? DriverClient.start(breezy, Optional.empty(), noRetry)
            : new ReferenceClient(Mutant.NONE, noRetry, Optional.empty())) {
      server.reset(Workload.initialState(), Set.of());
      out.println("server: " + (realServer ? "Breezy " + which + "'s " : "") + server.description());
      out.println("client: " + (realClient
              ? "Breezy " + which + "'s own client (_SmartClient over SmartTCPClientMedium)"
              : "the reference client")
          + (noRetry ? ", with -Dnoretry (resending off)" : ", resending as Breezy does"));
      client.open(server.address(), TIMEOUT);
      Set<String> seen = new HashSet<>();
      Request hello = client.recorded(0, RequestDraft.plain("hello", VerbClass.READ));
      out.println("request 1: hello");
      Call first = call(out, client, hello, seen);
      if (first.outcome().kind() != OutcomeKind.SUCCESS) {
        throw new IOException("the call before the restart failed: " + first.outcome());
      }
      int closed = server.restart();
      out.println("restart: " + (realServer
              ? "brz serve stops gracefully (SIGHUP, Breezy's live-upgrade stop) and starts again on its port"
              : "the server restarts between requests (live upgrade)")
          + "; it closed " + closed + " connection(s), the client's among them");
      Request get = client.recorded(1, RequestDraft.plain("get", VerbClass.READ, "f0"));
      out.println("request 2: get f0 (a read: safe to send twice)");
      Call second = call(out, client, get, seen);
      client.endCase();
      if (second.outcome().kind() == OutcomeKind.SUCCESS) {
        out.println("ending: the call after the restart succeeded: the client reconnected and resent"
            + " (bug 819604 fixed)");
        return Bug819604.Ending.SUCCEEDED;
      }
      out.println("ending: the first call after the restart failed with a connection error"
          + " (bug 819604 reproduced)");
      return Bug819604.Ending.FAILED_WITH_CONNECTION_ERROR;
    }
  }

  private static Call call(PrintStream out, CaseClient client, Request request, Set<String> seen) {
    Call call = client.call(request, TargetSettings.livenessBoundMillis(TIMEOUT));
    for (Attempt attempt : call.attempts()) {
      out.println("  " + describe(attempt, seen));
    }
    out.println("  result: " + call.outcome().reply().map(BreezyBug819604::describe)
        .orElseGet(() -> call.outcome().error().map(e -> e.type() + ": " + e.message()).orElse("?")));
    return call;
  }

  private static String describe(Attempt attempt, Set<String> seen) {
    String connection = attempt.connectionId().equals(BreezyHistory.NO_CONNECTION)
        ? "no connection"
        : "connection " + attempt.connectionId()
            + (seen.add(attempt.connectionId()) ? " (new)" : " (kept from the previous call)");
    String head = "attempt " + attempt.number() + " on " + connection + ": wrote " + attempt.bytesWritten()
        + " bytes" + (attempt.writeCompleted() ? " (the whole request)" : " (not all of it)");
    if (attempt.reply().isPresent()) {
      return head + ", got the response";
    }
    String failure = attempt.failure()
        .map(f -> "failed on " + f.site().name().toLowerCase() + ": " + f.error().type() + " ("
            + f.error().message().strip() + ")")
        .orElse("failed");
    String decision = attempt.decision()
        .map(d -> d.resend() ? " -> reconnect and resend (" + d.reason() + ")" : " -> no resend (" + d.reason() + ")")
        .orElse("");
    return head + ", " + failure + decision;
  }

  private static String describe(Reply reply) {
    return reply.status() + " " + reply.args()
        + reply.body().map(d -> " with a body of " + d.length() + " bytes").orElse("");
  }
}
