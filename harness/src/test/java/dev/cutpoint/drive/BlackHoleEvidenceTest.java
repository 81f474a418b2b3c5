package dev.cutpoint.drive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.toxiproxy.EmbeddedToxiproxy;
import dev.cutpoint.verbs.VerbClass;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A black hole is ended only on evidence that the attempt cannot progress (SPEC §5.4): the
 * embedded proxy's own count lets every black-hole cell run; through any other Toxiproxy (here the
 * embedded server reached only by its URL, as a real Toxiproxy would be) the journal stands in for
 * the response, and a black hole on the request is not applicable, with the reason.
 */
class BlackHoleEvidenceTest {

  @Test
  void withoutTheProxysCountABlackHoleOnTheRequestIsNotApplicable() throws Exception {
    MatrixCell onRequest = new MatrixCell(VerbClass.IDEM, Phase.WRITE, FaultKind.BLACKHOLE);
    MatrixCell onResponse = new MatrixCell(VerbClass.IDEM, Phase.READ, FaultKind.BLACKHOLE);
    try (Target embedded = JavaTarget.start(TargetSettings.defaults().withToxiproxy(Optional.of("embedded")))) {
      assertThat(embedded.applicability(onRequest).applicable()).isTrue();
      assertThat(embedded.applicability(onResponse).applicable()).isTrue();
    }
    try (EmbeddedToxiproxy elsewhere = EmbeddedToxiproxy.start("127.0.0.1", 0);
        Target byUrl = JavaTarget.start(
            TargetSettings.defaults().withToxiproxy(Optional.of(elsewhere.url().toString())))) {
      assertThat(byUrl.applicability(onRequest).applicable()).isFalse();
      assertThat(byUrl.applicability(onRequest).reason()).contains("only the embedded proxy");
      assertThat(byUrl.applicability(onResponse).applicable()).as("the journal tells").isTrue();
    }
  }
}
