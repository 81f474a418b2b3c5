package dev.cutpoint.drive.breezy;

import static dev.cutpoint.drive.breezy.Slice.broken;
import static dev.cutpoint.drive.breezy.Slice.describe;
import static dev.cutpoint.drive.breezy.Slice.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.check.Invariant;
import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.CaseRunner;
import dev.cutpoint.drive.ClientCommand;
import dev.cutpoint.drive.Mutant;
import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.Target;
import dev.cutpoint.drive.TargetSettings;
import dev.cutpoint.drive.Targets;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.history.Request;
import dev.cutpoint.verbs.VerbClass;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The user's own client ({@code --client-command}) as a client side like Breezy's driver: a second
 * implementation of the driver protocol, {@code naive_client.py} (raw sockets, no Breezy, resends
 * every failed request once), run through the matrix's case loop against the reference server.
 * The matrix catches its resend of mutating verbs cut in their response, and passes it where the
 * resend is right; a command that breaks the protocol is a one-line harness error.
 */
class ClientCommandTargetTest {

  private static Target target;
  private static Slice slice;

  @BeforeAll
  static void start() throws Exception {
    target = Targets.start(Targets.CLIENT_COMMAND, settings(naive("")));
    slice = new Slice(target);
  }

  @AfterAll
  static void stop() {
    if (target != null) {
      target.close();
    }
  }

  @Test
  void anAppendCutInItsResponseIsResentAndRunsTwice() throws Exception {
    CaseResult append = slice.run(spec("cc-append-read", Phase.READ, FaultKind.CLOSE, 0.5, Delivery.PROXY_TOGGLE,
        RequestDraft.withPayload("append", VerbClass.MUTATE, "t0", 300, "f0", "")));

    assertThat(append.record().scenario().client()).isEqualTo("naive/1");
    Call call = append.record().calls().get(0);
    assertThat(call.attempts()).hasSize(2);
    assertThat(append.record().journal().orElseThrow().entries())
        .filteredOn(e -> e.requestHash().equals(requestOf(append).hash()))
        .hasSize(2);
    assertThat(broken(append)).as(describe(append)).contains(Invariant.I2, Invariant.I4);
  }

  @Test
  void aMkdirCutInItsResponseIsResentAndRunsTwice() throws Exception {
    CaseResult mkdir = slice.run(spec("cc-mkdir-read", Phase.READ, FaultKind.CLOSE, 0.5, Delivery.PROXY_TOGGLE,
        RequestDraft.plain("mkdir", VerbClass.SEMIVFS, "d9", "")));

    assertThat(mkdir.record().calls().get(0).attempts()).hasSize(2);
    assertThat(broken(mkdir)).as(describe(mkdir)).contains(Invariant.I2);
  }

  /**
   * Cut before the request's end, the server ran nothing and the resend runs it once; but the
   * client wrote all of it and failed on read, so it could not know that: its resend is silent (I4).
   */
  @Test
  void anAppendCutOnItsWayRunsOnceButItsBlindResendIsSilent() throws Exception {
    CaseResult append = slice.run(spec("cc-append-write", Phase.WRITE, FaultKind.CLOSE, 0.3, Delivery.PROXY_TOGGLE,
        RequestDraft.withPayload("append", VerbClass.MUTATE, "t1", 300, "f0", "")));

    assertThat(append.record().injection().fired()).as(describe(append)).isTrue();
    assertThat(append.record().journal().orElseThrow().entries())
        .filteredOn(e -> e.requestHash().equals(requestOf(append).hash()))
        .hasSize(1);
    assertThat(broken(append)).as(describe(append))
        .contains(Invariant.I4)
        .doesNotContain(Invariant.I1, Invariant.I2, Invariant.I7);
  }

  @Test
  void aMkdirCutOnItsWayRunsOnceButItsBlindResendIsSilent() throws Exception {
    CaseResult mkdir = slice.run(spec("cc-mkdir-write", Phase.WRITE, FaultKind.CLOSE, 0.5, Delivery.PROXY_TOGGLE,
        RequestDraft.plain("mkdir", VerbClass.SEMIVFS, "d7", "")));

    assertThat(mkdir.record().injection().fired()).as(describe(mkdir)).isTrue();
    assertThat(mkdir.record().calls().get(0).attempts()).hasSize(2);
    assertThat(broken(mkdir)).as(describe(mkdir))
        .contains(Invariant.I4)
        .doesNotContain(Invariant.I1, Invariant.I2, Invariant.I7);
  }

  /** The naive resend is right for a read: the matrix passes it, so the red cases are not red by default. */
  @Test
  void aGetCutInItsResponseIsResentAndPasses() throws Exception {
    CaseResult get = slice.run(spec("cc-get-read", Phase.READ, FaultKind.CLOSE, 0.5, Delivery.PROXY_TOGGLE,
        RequestDraft.plain("get", VerbClass.READ, "f0")));

    assertThat(get.record().injection().fired()).as(describe(get)).isTrue();
    Call call = get.record().calls().get(0);
    assertThat(call.attempts()).hasSize(2);
    assertThat(call.attempts()).allSatisfy(a -> assertThat(a.bytesWritten()).isEqualTo(requestOf(get).encodedLength()));
    assertThat(get.violated()).as(describe(get)).isFalse();
  }

  /** The request's bytes are the v3 message with the headers the hello named, not Breezy's. */
  @Test
  void theRequestsAreSizedWithTheHeadersTheHelloNamed() {
    Request request = BreezyRequests.recorded(0, RequestDraft.plain("get", VerbClass.READ, "f0"),
        java.util.Map.of("Software version", "naive-1"));
    Request breezy = BreezyRequests.recorded(0, RequestDraft.plain("get", VerbClass.READ, "f0"),
        java.util.Map.of("Software version", "3.3.2"));
    assertThat(request.encodedLength()).isEqualTo(breezy.encodedLength() + 2);
    assertThat(request.hash()).isNotEqualTo(breezy.hash());
  }

  @Test
  void aClientWhoseHelloMisnamesItsHeadersIsAOneLineHarnessErrorNamingTheRequest() throws Exception {
    try (Target liar = Targets.start(Targets.CLIENT_COMMAND, settings(naive(" --name-no-headers")))) {
      assertThatThrownBy(() -> CaseRunner.run(liar, spec("cc-liar", Phase.WRITE, FaultKind.CLOSE, 0.3,
              Delivery.PROXY_TOGGLE, RequestDraft.plain("mkdir", VerbClass.SEMIVFS, "d8", ""))))
          .isInstanceOf(RequestBytesMismatch.class)
          .hasMessageContaining("naive/1 wrote")
          .hasMessageContaining("request 0 (mkdir)")
          .hasMessageNotContaining("\n");
    }
  }

  @Test
  void aCommandThatExitsIsOneLineWithTheEndOfItsStderr() {
    ClientCommand dies = new ClientCommand("echo 'no module named smart' >&2; exit 3");
    assertThatThrownBy(() -> Targets.start(Targets.CLIENT_COMMAND, settings(dies)))
        .isInstanceOf(DriverExited.class)
        .hasMessageContaining("the client command 'echo")
        .hasMessageContaining("status 3")
        .hasMessageContaining("no module named smart")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aCommandOfAnotherProtocolVersionIsRefused() {
    ClientCommand future = new ClientCommand(
        "read line; echo '{\"reply\":\"hello\",\"protocol\":2,\"client\":\"future/9\"}'; cat >/dev/null");
    assertThatThrownBy(() -> Targets.start(Targets.CLIENT_COMMAND, settings(future)))
        .isInstanceOf(UnsupportedDriverProtocol.class)
        .hasMessageContaining("speaks driver protocol 2, the harness speaks 1")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aMissingOrEmptyCommandAndAClientMutantAreRefused() {
    assertThatThrownBy(() -> new ClientCommand("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> Targets.start(Targets.CLIENT_COMMAND, TargetSettings.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--client-command");
    assertThatThrownBy(() -> Targets.start(Targets.CLIENT_COMMAND,
            settings(naive("")).withMutant(Mutant.RESEND_ALL)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the user's own client");
    assertThat(Targets.unavailable(Targets.CLIENT_COMMAND)).isEmpty();
  }

  private static TargetSettings settings(ClientCommand command) {
    return TargetSettings.defaults().withClientCommand(Optional.of(command));
  }

  private static ClientCommand naive(String arguments) {
    try {
      Path script = Path.of(ClientCommandTargetTest.class.getResource("naive_client.py").toURI());
      return new ClientCommand("/usr/bin/python3 -I -u '" + script + "'" + arguments);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Request requestOf(CaseResult result) {
    return result.record().scenario().requests().get(result.record().scenario().fault().orElseThrow().requestIndex());
  }
}
