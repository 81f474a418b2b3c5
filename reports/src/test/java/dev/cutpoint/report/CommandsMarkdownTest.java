package dev.cutpoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CommandsMarkdownTest {

  static final String RUN = """
      {"schema": "cutpoint-commands/1", "seed": 42, "all": false, "breezy": "3.3.2",
       "toxiproxy": "embedded", "millis": 12000, "cutPoints": 95, "casesRun": 3, "rate": 0.25,
       "harnessErrors": ["push-more #3 x: no gate"],
       "commands": [{"command": "push-more", "arguments": "brz push -q -d local bzr://HOST:PORT/b",
         "faultFreeMillis": 800, "cutPoints": 95,
         "calls": [{"index": 0, "verb": "BzrDir.open_2.1", "verbClass": "read", "requestBytes": 86, "responseBytes": 70, "connection": 1},
                   {"index": 1, "verb": "Branch.lock_write", "verbClass": "semi", "requestBytes": 92, "responseBytes": 95, "connection": 1}],
         "cases": [
           {"call": 0, "verb": "BzrDir.open_2.1", "verbClass": "read", "phase": "READ", "kind": "CLOSE",
            "offset": 3, "sendings": 2, "exitCode": 0, "stderr": "", "outcome": "SUCCEEDED",
            "serverRan": "the tip moved", "broken": []},
           {"call": 1, "verb": "Branch.lock_write", "verbClass": "semi", "phase": "READ", "kind": "CLOSE",
            "offset": 34, "sendings": 2, "exitCode": 3, "stderr": "Could not acquire lock", "outcome": "FAILED",
            "serverRan": "a Branch.lock_write ran", "broken": [
              {"check": "LOCK_LEFT", "invariant": "I6", "evidence": "held: .bzr/branch/lock", "expectedBy": "reviewed-id"}]},
           {"call": 1, "verb": "Branch.lock_write", "verbClass": "semi", "phase": "WRITE", "kind": "CLOSE",
            "offset": 5, "sendings": 1, "exitCode": 3, "stderr": "boom", "outcome": "FAILED",
            "serverRan": "", "broken": [
              {"check": "UNNAMED_FAILURE", "invariant": "I4", "evidence": "exit 3: boom", "expectedBy": null}]}]}]}
      """;

  @Test
  void aSectionPerCommandWithItsCallsAndEachCasesOutcomeInItsCell() throws Exception {
    String md = CommandsMarkdown.render(new ObjectMapper().readTree(RUN));
    assertThat(md).contains("3 of 95 cut points run (a sample spread over the commands)")
        .contains("harness error (not a verdict): push-more #3 x: no gate")
        .contains("## push-more")
        .contains("| 0 | `BzrDir.open_2.1` | read | 86 | 70 | 1 | — | — | — | — | ↻ |")
        .contains("| 1 | `Branch.lock_write` | semi | 92 | 95 | 1 | ! | — | — | — | e |")
        .contains("**LOCK_LEFT** (I6), reviewed finding `reviewed-id`")
        .contains("**UNNAMED_FAILURE** (I4), new");
  }
}
