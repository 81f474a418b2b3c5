package dev.cutpoint.drive;

import dev.cutpoint.fault.Applicability;
import dev.cutpoint.fault.FaultCells;
import dev.cutpoint.fault.ProxyToxics;
import dev.cutpoint.history.CaseRecord;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Request;
import dev.cutpoint.history.Scenario;
import dev.cutpoint.history.ServerState;
import dev.cutpoint.verbs.VerbClass;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A system under test (SPEC §6): which client talks to which server, what the oracle can see of it,
 * and how a case runs against it. A target is started once per run and reused for every case; it
 * resets the server's state, the proxy's toxics and the client between cases.
 */
public interface Target extends AutoCloseable {

  /** {@code java}, {@code breezy-server}, … as on the command line and in reports. */
  String name();

  /** Whether the server keeps a journal the oracle can read (else the state's payloads witness). */
  boolean hasJournal();

  /** Whether the target's server has a verb of this class ({@code brz serve} has no stream). */
  boolean supports(VerbClass verbClass);

  /** How this target can close connections between requests. */
  List<Delivery> betweenDeliveries();

  /** Which Toxiproxy served the run, in one line for the report. */
  String toxiproxyDescription();

  /** The Toxiproxy server's version, as its API reports it. */
  String toxiproxyVersion();

  /** Which toxics its Toxiproxy has (the embedded server's extensions cut at any byte). */
  ProxyToxics proxyToxics();

  /** Whether the cell can be run on this target, and how or why not. */
  default Applicability applicability(MatrixCell cell) {
    return FaultCells.applicability(
        cell.verbClass(), cell.phase(), cell.kind(), supports(VerbClass.STREAM), proxyToxics());
  }

  /**
   * The dry run: the case's requests without a fault, directly to the server from its initial
   * state, to learn each response's length; then the fault planned in bytes.
   */
  PreparedCase prepare(CaseSpec spec) throws IOException;

  /** The dry run for a scenario whose fault is already concrete (a replayed case file). */
  PreparedCase prepare(Scenario scenario) throws IOException;

  /**
   * The scenario of {@code drafts} from {@code initial}, in the bytes this target's client sends
   * (each request's length n and hash), with {@code fault}: what {@link #prepare(CaseSpec)} builds,
   * for a caller that chooses the fault itself (the enumeration of every cut point).
   */
  Scenario scenario(long seed, ServerState initial, List<RequestDraft> drafts, Optional<FaultPlan> fault);

  /**
   * The dry run alone: each request's response length m, the requests run in order from {@code
   * initial} without a fault.
   */
  List<Long> responseLengths(ServerState initial, List<Request> requests) throws IOException;

  /** Runs the prepared case through the proxy with its fault, then a probe call, and records it. */
  CaseRecord run(PreparedCase prepared) throws IOException;

  @Override
  void close();
}
