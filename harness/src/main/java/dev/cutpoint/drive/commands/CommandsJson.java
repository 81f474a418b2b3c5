package dev.cutpoint.drive.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutpoint.verbs.VerbClass;

/**
 * {@code commands.json} (schema {@value #SCHEMA}): the command scenarios of a run, beside the
 * matrix's {@code matrix.json} in the same report directory; {@code dev.cutpoint.report.CommandsMarkdown}
 * turns it into {@code commands.md}.
 */
public final class CommandsJson {

  public static final String SCHEMA = "cutpoint-commands/1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CommandsJson() {}

  public static ObjectNode of(CommandMatrixResult result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("seed", result.seed());
    root.put("all", result.all());
    root.put("breezy", result.breezyVersion());
    root.put("toxiproxy", result.toxiproxy());
    root.put("millis", result.millis());
    root.put("cutPoints", result.cutPoints());
    root.put("casesRun", result.casesRun());
    root.put("rate", Math.round(result.rate() * 100) / 100.0);
    ArrayNode errors = root.putArray("harnessErrors");
    result.harnessErrors().forEach(errors::add);
    ArrayNode commands = root.putArray("commands");
    for (CommandMatrixResult.CommandSection section : result.commands()) {
      ObjectNode command = commands.addObject();
      CommandRecording recording = section.recording();
      command.put("command", recording.command().id());
      command.put("arguments", "brz " + String.join(" ", recording.command().arguments("bzr://HOST:PORT/b")));
      command.put("faultFreeMillis", recording.millis());
      command.put("cutPoints", section.cutPoints());
      ArrayNode calls = command.putArray("calls");
      for (GateCall call : recording.calls()) {
        ObjectNode c = calls.addObject();
        c.put("index", call.index());
        c.put("verb", call.verb());
        c.put("verbClass", result.verbClasses().get(call.verb()));
        c.put("requestBytes", call.written());
        c.put("responseBytes", call.read());
        if (call.connection().isPresent()) {
          c.put("connection", call.connection().getAsLong());
        }
      }
      ArrayNode cases = command.putArray("cases");
      for (CommandCaseResult r : section.cases()) {
        ObjectNode c = cases.addObject();
        c.put("call", r.cut().call());
        c.put("verb", r.cut().verb());
        c.put("verbClass", r.verbClass().map(VerbClass::breezyName).orElse(null));
        c.put("phase", r.cut().plan().phase().name());
        c.put("kind", r.cut().plan().kind().name());
        c.put("offset", r.cut().plan().offset());
        c.put("delivery", r.cut().plan().delivery().name());
        c.put("fired", r.injection().fired());
        c.put("evidence", r.injection().evidence());
        c.put("sendings", r.faultedCall().map(GateCall::sendings).orElse(0));
        c.put("exitCode", r.exitCode());
        c.put("stderr", r.stderrTail());
        c.put("outcome", r.verdict().outcome().name());
        c.put("serverRan", r.verdict().serverRan());
        c.put("millis", r.millis());
        ArrayNode broken = c.putArray("broken");
        for (CommandVerdict.Broken b : r.verdict().broken()) {
          ObjectNode o = broken.addObject();
          o.put("check", b.check().name());
          o.put("invariant", b.check().invariant().name());
          o.put("evidence", b.evidence());
          o.put("expectedBy", r.expectedBy().get(b.check()));
        }
      }
    }
    return root;
  }

  public static String text(CommandMatrixResult result) {
    try {
      return JSON.writeValueAsString(of(result));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write commands.json", e);
    }
  }
}
