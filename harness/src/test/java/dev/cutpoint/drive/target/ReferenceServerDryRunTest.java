package dev.cutpoint.drive.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.drive.CaseSpec;
import dev.cutpoint.drive.MatrixCell;
import dev.cutpoint.drive.Mutant;
import dev.cutpoint.drive.Requests;
import dev.cutpoint.drive.Workload;
import dev.cutpoint.drive.target.ProxiedTarget;
import dev.cutpoint.drive.target.ReferenceClient;
import dev.cutpoint.drive.target.ReferenceServer;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.history.Request;
import dev.cutpoint.verbs.VerbClass;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The in-process dry run learns the same response lengths as a dry run over a socket: every verb
 * class, bodies and streams, errors included.
 */
class ReferenceServerDryRunTest {

  @Test
  void inProcessLengthsEqualTheSocketDryRunsLengths() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(Mutant.NONE);
        ReferenceClient client = new ReferenceClient(Mutant.NONE, false, Optional.empty())) {
      int compared = 0;
      for (VerbClass verbClass : VerbClass.values()) {
        var cases = Workload.cases(new MatrixCell(verbClass, Phase.READ, FaultKind.CLOSE),
            EnumSet.allOf(VerbClass.class), List.of(Delivery.SERVER_RESTART), false);
        for (long seed = 0; seed < 6; seed++) {
          CaseSpec spec = Workload.sample(cases, seed, verbClass + "-" + seed);
          List<Request> requests = new ArrayList<>();
          for (int i = 0; i < spec.requests().size(); i++) {
            requests.add(Requests.recorded(i, spec.requests().get(i)));
          }
          List<Long> inProcess = server.responseLengths(Workload.initialState(), requests).orElseThrow();
          server.reset(Workload.initialState(), ProxiedTarget.branches(requests));
          List<Long> overSocket = client.responseLengths(server.address(), requests, Duration.ofSeconds(30));
          server.awaitQuiet();
          assertThat(inProcess).as(spec.id() + " " + requests).isEqualTo(overSocket);
          compared += requests.size();
        }
      }
      assertThat(compared).isGreaterThan(36);
    }
  }
}
