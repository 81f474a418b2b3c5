package dev.cutpoint.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code commands.md}: the real brz commands of a run (schema {@code cutpoint-commands/1}, written by
 * the harness as {@code commands.json}), a section per command: its calls in the fault-free run,
 * then one row per call and one column per phase × kind with each case's outcome, then every failed
 * check with its evidence.
 */
public final class CommandsMarkdown {

  /** The columns: every phase × kind a command call can be cut in. */
  static final List<String> COLUMNS = List.of(
      "WRITE CLOSE", "WRITE RESET", "WRITE BLACKHOLE", "FLUSH CLOSE",
      "READ CLOSE", "READ RESET", "READ BLACKHOLE", "BETWEEN CLOSE");

  private CommandsMarkdown() {}

  public static String render(JsonNode root) {
    StringBuilder out = new StringBuilder("# Real brz commands under the knife\n\n");
    out.append(String.format(Locale.ROOT,
        "Breezy %s, %s; seed %d; %d of %d cut points run (%s) in %.1f s, %.2f cases/s.%n%n",
        root.path("breezy").asText(), Markdown.text(root.path("toxiproxy").asText()),
        root.path("seed").asLong(), root.path("casesRun").asInt(), root.path("cutPoints").asInt(),
        root.path("all").asBoolean() ? "every one" : "a sample spread over the commands",
        root.path("millis").asLong() / 1000.0, root.path("rate").asDouble()));
    out.append("Cells: `✓` succeeded, `↻` succeeded after Breezy resent the cut call, `✗` failed naming"
        + " the connection, `⏸` hung until Ctrl-C, `!` a check failed that no reviewed finding covers,"
        + " `e` only reviewed findings; several cases in a cell are listed in order.\n\n");
    for (JsonNode error : root.path("harnessErrors")) {
      out.append("- harness error (not a verdict): ").append(Markdown.text(error.asText())).append('\n');
    }
    if (!root.path("harnessErrors").isEmpty()) {
      out.append('\n');
    }
    for (JsonNode command : root.path("commands")) {
      section(out, command);
    }
    return out.toString();
  }

  private static void section(StringBuilder out, JsonNode command) {
    out.append("## ").append(Markdown.text(command.path("command").asText())).append("\n\n");
    out.append(Markdown.code(command.path("arguments").asText())).append(": ")
        .append(command.path("calls").size()).append(" calls, ")
        .append(command.path("faultFreeMillis").asLong()).append(" ms without a fault; ")
        .append(command.path("cases").size()).append(" of ").append(command.path("cutPoints").asInt())
        .append(" cut points run.\n\n");
    Map<Integer, Map<String, List<String>>> cells = new LinkedHashMap<>();
    List<String> broken = new ArrayList<>();
    for (JsonNode c : command.path("cases")) {
      String column = c.path("phase").asText() + " " + c.path("kind").asText();
      cells.computeIfAbsent(c.path("call").asInt(), i -> new LinkedHashMap<>())
          .computeIfAbsent(column, k -> new ArrayList<>()).add(symbol(c));
      for (JsonNode b : c.path("broken")) {
        broken.add("- #" + c.path("call").asInt() + " " + Markdown.code(c.path("verb").asText()) + " "
            + column + " at " + c.path("offset").asLong() + ": **" + b.path("check").asText() + "** ("
            + b.path("invariant").asText() + ")"
            + (b.hasNonNull("expectedBy") ? ", reviewed finding " + Markdown.code(b.path("expectedBy").asText()) : ", new")
            + ": " + Markdown.text(b.path("evidence").asText())
            + "; exit " + c.path("exitCode").asInt() + ", " + Markdown.text(c.path("stderr").asText())
            + "; server: " + Markdown.text(c.path("serverRan").asText()));
      }
    }
    out.append("| # | verb | class | request B | response B | conn | ")
        .append(String.join(" | ", COLUMNS)).append(" |\n|");
    out.append("---|".repeat(6 + COLUMNS.size())).append('\n');
    for (JsonNode call : command.path("calls")) {
      int index = call.path("index").asInt();
      out.append("| ").append(index).append(" | ").append(Markdown.code(call.path("verb").asText()))
          .append(" | ").append(call.path("verbClass").asText("")).append(" | ")
          .append(call.path("requestBytes").asLong()).append(" | ")
          .append(call.path("responseBytes").asLong()).append(" | ")
          .append(call.path("connection").asText("")).append(" |");
      Map<String, List<String>> row = cells.getOrDefault(index, Map.of());
      for (String column : COLUMNS) {
        out.append(' ').append(String.join(" ", row.getOrDefault(column, List.of("—")))).append(" |");
      }
      out.append('\n');
    }
    out.append('\n');
    if (!broken.isEmpty()) {
      out.append("Failed checks:\n\n");
      broken.forEach(line -> out.append(line).append('\n'));
      out.append('\n');
    }
  }

  /** A case's mark in its cell: {@code ✓ ↻ ✗ ⏸}, or {@code !} (a new failed check), {@code e} (reviewed ones only). */
  static String symbol(JsonNode c) {
    boolean anyNew = false;
    boolean any = false;
    for (JsonNode b : c.path("broken")) {
      any = true;
      anyNew |= !b.hasNonNull("expectedBy");
    }
    if (anyNew) {
      return "!";
    }
    if (any) {
      return "e";
    }
    return switch (c.path("outcome").asText()) {
      case "SUCCEEDED" -> c.path("sendings").asInt() > 1 ? "↻" : "✓";
      case "HUNG" -> "⏸";
      default -> "✗";
    };
  }
}
