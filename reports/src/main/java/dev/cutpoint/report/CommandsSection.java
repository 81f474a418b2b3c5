package dev.cutpoint.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The real brz commands of a run ({@code commands.json}) as a section of {@code index.html}: per
 * command its calls, one row each, and the outcome of each call × phase × kind cut, with the same
 * marks as {@code commands.md}; a failed check's evidence is the title of its mark.
 */
final class CommandsSection implements PageSection {

  private static final String CSS = ".commands table{border-collapse:collapse;margin:.5em 0 1.5em}"
      + ".commands td,.commands th{border:1px solid #ccc;padding:2px 6px;font-size:90%}"
      + ".commands .new{background:#f8c9c9;font-weight:bold}";

  private final JsonNode root;

  CommandsSection(JsonNode root) {
    this.root = root;
  }

  @Override
  public String css() {
    return CSS;
  }

  @Override
  public void render(StringBuilder html) {
    html.append("<section class=\"commands\" aria-label=\"Real brz commands\"><h2>Real brz commands under the knife</h2>\n<p>")
        .append(Html.text(String.format(Locale.ROOT, "Breezy %s; seed %d; %d of %d cut points run in %.1f s. ",
            root.path("breezy").asText(), root.path("seed").asLong(), root.path("casesRun").asInt(),
            root.path("cutPoints").asInt(), root.path("millis").asLong() / 1000.0)))
        .append(Html.text("✓ succeeded, ↻ succeeded after Breezy resent the cut call, ✗ failed naming the "
            + "connection, ⏸ hung until Ctrl-C, ! a check failed that no reviewed finding covers, e only "
            + "reviewed findings."))
        .append("</p>\n");
    for (JsonNode error : root.path("harnessErrors")) {
      html.append("<p>harness error (not a verdict): ").append(Html.text(error.asText())).append("</p>\n");
    }
    for (JsonNode command : root.path("commands")) {
      command(html, command);
    }
    html.append("</section>\n");
  }

  private static void command(StringBuilder html, JsonNode command) {
    html.append("<h3>").append(Html.text(command.path("command").asText())).append("</h3>\n<p><code>")
        .append(Html.text(command.path("arguments").asText())).append("</code>: ")
        .append(command.path("calls").size()).append(" calls; ").append(command.path("cases").size())
        .append(" of ").append(command.path("cutPoints").asInt()).append(" cut points run</p>\n");
    Map<Integer, Map<String, List<JsonNode>>> cells = new LinkedHashMap<>();
    for (JsonNode c : command.path("cases")) {
      cells.computeIfAbsent(c.path("call").asInt(), i -> new LinkedHashMap<>())
          .computeIfAbsent(c.path("phase").asText() + " " + c.path("kind").asText(), k -> new ArrayList<>()).add(c);
    }
    html.append("<table><thead><tr><th>#</th><th>verb</th><th>class</th><th>request B</th><th>response B</th>");
    CommandsMarkdown.COLUMNS.forEach(column -> html.append("<th>").append(Html.text(column)).append("</th>"));
    html.append("</tr></thead><tbody>\n");
    for (JsonNode call : command.path("calls")) {
      int index = call.path("index").asInt();
      html.append("<tr><td>").append(index).append("</td><td><code>").append(Html.text(call.path("verb").asText()))
          .append("</code></td><td>").append(Html.text(call.path("verbClass").asText(""))).append("</td><td>")
          .append(call.path("requestBytes").asLong()).append("</td><td>").append(call.path("responseBytes").asLong())
          .append("</td>");
      Map<String, List<JsonNode>> row = cells.getOrDefault(index, Map.of());
      for (String column : CommandsMarkdown.COLUMNS) {
        html.append("<td>");
        List<JsonNode> cases = row.getOrDefault(column, List.of());
        if (cases.isEmpty()) {
          html.append("—");
        }
        for (JsonNode c : cases) {
          String mark = CommandsMarkdown.symbol(c);
          html.append("<span").append(mark.equals("!") ? " class=\"new\"" : "").append(" title=\"")
              .append(Html.attr(evidence(c))).append("\">").append(Html.text(mark)).append("</span> ");
        }
        html.append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody></table>\n");
  }

  /** The case's outcome and every failed check, for the mark's title. */
  private static String evidence(JsonNode c) {
    StringBuilder text = new StringBuilder(c.path("outcome").asText()).append(" at offset ").append(c.path("offset").asLong());
    for (JsonNode b : c.path("broken")) {
      text.append("; ").append(b.path("check").asText()).append(" (").append(b.path("invariant").asText()).append(")")
          .append(b.hasNonNull("expectedBy") ? ", reviewed finding " + b.path("expectedBy").asText() : ", new")
          .append(": ").append(b.path("evidence").asText());
    }
    return text.toString();
  }
}
