package dev.cutpoint.drive.breezy;

import static dev.cutpoint.drive.breezy.Slice.broken;
import static dev.cutpoint.drive.breezy.Slice.describe;
import static dev.cutpoint.drive.breezy.Slice.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.CaseSpec;
import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.ServerCommand;
import dev.cutpoint.drive.Target;
import dev.cutpoint.drive.TargetSettings;
import dev.cutpoint.drive.Targets;
import dev.cutpoint.drive.brzserve.BrzServeFailed;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.verbs.VerbClass;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A user's own server ({@code --server-command}) is a server side like {@code brz serve}: given
 * {@code brz serve} itself as the command, the target judges every case as {@code breezy-server}
 * does; a command that dies or never serves gets one line with the end of its output.
 */
class ServerCommandTargetTest {

  private static final ServerCommand BRZ_SERVE = new ServerCommand(
      "brz serve --listen={host} --port={port} --directory={dir} --allow-writes");

  private static final List<CaseSpec> CASES = List.of(
      spec("sc-get", Phase.READ, FaultKind.CLOSE, 0.5, Delivery.PROXY_TOGGLE,
          RequestDraft.withPayload("put", VerbClass.IDEM, "t0", 100, "f1", ""),
          RequestDraft.plain("get", VerbClass.READ, "f1")),
      spec("sc-append", Phase.WRITE, FaultKind.CLOSE, 0.3, Delivery.PROXY_TOGGLE,
          RequestDraft.withPayload("append", VerbClass.MUTATE, "t0", 300, "f0", "")),
      spec("sc-blackhole", Phase.READ, FaultKind.BLACKHOLE, 0, Delivery.PROXY_TOGGLE,
          RequestDraft.withPayload("put", VerbClass.IDEM, "t1", 200, "f1", "")),
      spec("sc-restart", Phase.BETWEEN, FaultKind.CLOSE, 0, Delivery.SERVER_RESTART,
          RequestDraft.plain("hello", VerbClass.READ),
          RequestDraft.plain("get", VerbClass.READ, "f0")),
      spec("sc-steal", Phase.BETWEEN, FaultKind.CLOSE, 0, Delivery.SERVER_RESTART,
          RequestDraft.plain("Branch.lock_write", VerbClass.SEMI, "b0", "", ""),
          RequestDraft.plain("Branch.lock_write", VerbClass.SEMI, "b0", "", "")));

  @Test
  void brzServeAsACommandGivesTheVerdictsOfTheBreezyServerTarget() throws Exception {
    InstalledBreezy.require();
    List<String> asCommand = verdicts(Targets.SERVER_COMMAND,
        TargetSettings.defaults().withServerCommand(Optional.of(BRZ_SERVE)));
    List<String> asBuiltIn = verdicts(BreezyTargets.SERVER, TargetSettings.defaults());
    assertThat(asCommand).isEqualTo(asBuiltIn);
    assertThat(asBuiltIn).anyMatch(v -> v.contains("I7")); // the lock stolen after a restart
  }

  private static List<String> verdicts(String name, TargetSettings settings) throws Exception {
    try (Target target = Targets.start(name, settings)) {
      Slice slice = new Slice(target);
      List<String> verdicts = new java.util.ArrayList<>();
      for (CaseSpec spec : CASES) {
        CaseResult result = slice.run(spec);
        assertThat(result.record().injection().fired()).as(describe(result)).isTrue();
        verdicts.add(spec.id() + " " + result.record().calls().stream().map(c -> c.outcome().kind()).toList()
            + " " + broken(result));
      }
      return verdicts;
    }
  }

  @Test
  void aCommandThatExitsIsOneLineWithTheEndOfItsOutput() {
    InstalledBreezy.require();
    TargetSettings settings = TargetSettings.defaults().withServerCommand(Optional.of(
        new ServerCommand("echo 'cannot bind {host}:{port} for {dir}'; exit 3")));
    assertThatThrownBy(() -> Targets.start(Targets.SERVER_COMMAND, settings))
        .isInstanceOf(BrzServeFailed.class)
        .hasMessageContaining("exited with 3")
        .hasMessageContaining("cannot bind 127.0.0.1:");
  }

  @Test
  void aCommandWithoutPortOrDirectoryIsRefused() {
    assertThatThrownBy(() -> new ServerCommand("brz serve --directory={dir}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{port}");
    assertThatThrownBy(() -> Targets.start(Targets.SERVER_COMMAND, TargetSettings.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--server-command");
  }
}
