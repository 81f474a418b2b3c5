package dev.cutpoint.drive.breezy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutpoint.check.Invariant;
import dev.cutpoint.drive.MatrixCell;
import dev.cutpoint.drive.Targets;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.report.Expectation;
import dev.cutpoint.report.InvariantId;
import dev.cutpoint.verbs.VerbClass;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The reviewed findings (SPEC §9's expected violations): what real Breezy is known to break, where,
 * and why, read from {@code expected-findings.json} beside this class. A matrix run marks the
 * violations they cover as expected and fails only on the others; the report shows them apart, as
 * {@link Expectation}s.
 *
 * <p>The file is strict: an unknown field, a target, verb class, phase, kind or invariant this build
 * does not know, a finding without its explanation or its place in Breezy's source, is an error
 * naming the finding and the field.
 */
public final class ExpectedFindings {

  /** The schema the file declares. */
  public static final String SCHEMA = "cutpoint-expected-findings/1";
  /** The reviewed file, a resource beside this class. */
  public static final String RESOURCE = "expected-findings.json";

  /**
   * The target name of the real brz commands (drive/commands): Breezy's client in a user's command
   * against brz serve, judged by the user's oracle, whose checks stand for I4, I6 and I7.
   */
  public static final String COMMANDS_TARGET = "brz-commands";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TOP = Set.of("schema", "about", "findings");
  private static final Set<String> FIELDS = Set.of(
      "id", "targets", "verbClasses", "phases", "kinds", "invariants", "explanation", "source",
      "reviewed");

  /**
   * One reviewed finding. An empty list of verb classes, phases or kinds matches any.
   *
   * @param source places in Breezy's source, {@code breezy/…/file.py:line[-line]}
   * @param reviewed who reviewed it, when, and what was seen
   */
  public record Finding(
      String id,
      List<String> targets,
      List<VerbClass> verbClasses,
      List<Phase> phases,
      List<FaultKind> kinds,
      List<Invariant> invariants,
      String explanation,
      List<String> source,
      String reviewed) {

    public Finding {
      Objects.requireNonNull(id, "id");
      targets = List.copyOf(targets);
      verbClasses = List.copyOf(verbClasses);
      phases = List.copyOf(phases);
      kinds = List.copyOf(kinds);
      invariants = List.copyOf(invariants);
      Objects.requireNonNull(explanation, "explanation");
      source = List.copyOf(source);
      Objects.requireNonNull(reviewed, "reviewed");
    }

    /** Whether a violation of {@code invariant} in a case of {@code target} in {@code cell} is this. */
    public boolean covers(String target, MatrixCell cell, Invariant invariant) {
      return targets.contains(target)
          && invariants.contains(invariant)
          && (verbClasses.isEmpty() || verbClasses.contains(cell.verbClass()))
          && (phases.isEmpty() || phases.contains(cell.phase()))
          && (kinds.isEmpty() || kinds.contains(cell.kind()));
    }

    /** The report's expectations for it: one per target, cell pattern and invariant. */
    List<Expectation> expectations() {
      String reason = explanation + " (Breezy source: " + String.join(", ", source) + "; reviewed: "
          + reviewed + ")";
      List<Expectation> out = new ArrayList<>();
      for (String target : targets) {
        for (Optional<VerbClass> verbClass : each(verbClasses)) {
          for (Optional<Phase> phase : each(phases)) {
            for (Optional<FaultKind> kind : each(kinds)) {
              for (Invariant invariant : invariants) {
                Optional<String> row = verbClass.map(VerbClass::breezyName);
                Optional<String> column = phase.map(Phase::name);
                Optional<String> fault = kind.map(FaultKind::name);
                String expectationId = String.join("/", id, target, row.orElse("*"),
                    column.orElse("*"), fault.orElse("*"), invariant.name());
                out.add(new Expectation(expectationId, target, row, column, fault,
                    InvariantId.valueOf(invariant.name()), reason));
              }
            }
          }
        }
      }
      return out;
    }

    private static <T> List<Optional<T>> each(List<T> values) {
      return values.isEmpty() ? List.of(Optional.empty()) : values.stream().map(Optional::of).toList();
    }
  }

  private static volatile ExpectedFindings reviewedFindings;

  private final List<Finding> findings;

  private ExpectedFindings(List<Finding> findings) {
    this.findings = List.copyOf(findings);
  }

  /** No expected finding: every violation is new. */
  public static ExpectedFindings none() {
    return new ExpectedFindings(List.of());
  }

  /** These findings. */
  public static ExpectedFindings of(List<Finding> findings) {
    return new ExpectedFindings(findings);
  }

  /**
   * The reviewed file shipped with the harness, read once.
   *
   * @throws ExpectedFindingsException when it is missing or malformed (a broken build)
   */
  public static ExpectedFindings reviewed() {
    ExpectedFindings loaded = reviewedFindings;
    if (loaded == null) {
      try (InputStream in = ExpectedFindings.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new ExpectedFindingsException(RESOURCE, "the resource is missing");
        }
        loaded = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
      } catch (IOException e) {
        throw new ExpectedFindingsException(RESOURCE, "cannot be read: " + e.getMessage());
      }
      reviewedFindings = loaded;
    }
    return loaded;
  }

  /**
   * Reads a findings file.
   *
   * @param origin where the text came from, for errors
   * @throws ExpectedFindingsException naming the finding and the field that is wrong
   */
  public static ExpectedFindings parse(String json, String origin) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ExpectedFindingsException(origin, "not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ExpectedFindingsException(origin, "not a JSON object");
    }
    onlyFields(root, TOP, origin, "the file");
    if (!SCHEMA.equals(root.path("schema").asText(null))) {
      throw new ExpectedFindingsException(origin, "\"schema\" must be \"" + SCHEMA + "\"");
    }
    JsonNode list = root.get("findings");
    if (list == null || !list.isArray()) {
      throw new ExpectedFindingsException(origin, "\"findings\" must be a list");
    }
    List<Finding> findings = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Finding finding = finding(list.get(i), origin, "findings[" + i + "]");
      if (!ids.add(finding.id())) {
        throw new ExpectedFindingsException(origin, "finding " + finding.id() + " appears twice");
      }
      findings.add(finding);
    }
    return new ExpectedFindings(findings);
  }

  private static Finding finding(JsonNode node, String origin, String where) {
    if (!node.isObject()) {
      throw new ExpectedFindingsException(origin, where + " is not an object");
    }
    String id = text(node, "id", origin, where);
    String at = "finding " + id;
    onlyFields(node, FIELDS, origin, at);
    List<String> targets = strings(node, "targets", origin, at, true);
    for (String target : targets) {
      if (!Targets.NAMES.contains(target) && !target.equals(COMMANDS_TARGET)) {
        throw new ExpectedFindingsException(origin, at + ": unknown target '" + target + "'; known: "
            + String.join(", ", Targets.NAMES) + ", " + COMMANDS_TARGET);
      }
    }
    List<VerbClass> verbClasses = values(node, "verbClasses", origin, at, name -> Arrays.stream(VerbClass.values())
        .filter(v -> v.breezyName().equals(name)).findFirst());
    List<Phase> phases = values(node, "phases", origin, at, name -> Arrays.stream(Phase.values())
        .filter(p -> p.name().equals(name)).findFirst());
    List<FaultKind> kinds = values(node, "kinds", origin, at, name -> Arrays.stream(FaultKind.values())
        .filter(k -> k.name().equals(name)).findFirst());
    List<Invariant> invariants = values(node, "invariants", origin, at, name -> Arrays.stream(Invariant.values())
        .filter(v -> v.name().equals(name)).findFirst());
    if (invariants.isEmpty()) {
      throw new ExpectedFindingsException(origin, at + ": \"invariants\" names at least one invariant");
    }
    List<String> source = strings(node, "source", origin, at, true);
    for (String place : source) {
      if (!place.matches("breezy/[\\w/.-]+\\.py:\\d+(-\\d+)?")) {
        throw new ExpectedFindingsException(origin, at + ": source '" + place
            + "' is not breezy/…/file.py:line or :first-last");
      }
    }
    return new Finding(id, targets, verbClasses, phases, kinds, invariants,
        text(node, "explanation", origin, at), source, text(node, "reviewed", origin, at));
  }

  private static void onlyFields(JsonNode node, Set<String> known, String origin, String where) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new ExpectedFindingsException(origin, where + ": unknown field \"" + name + "\"; known: "
            + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  private static String text(JsonNode node, String field, String origin, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new ExpectedFindingsException(origin, where + ": \"" + field + "\" must be a non-empty string");
    }
    return value.asText();
  }

  private static List<String> strings(
      JsonNode node, String field, String origin, String where, boolean required) {
    JsonNode value = node.get(field);
    if (value == null) {
      if (required) {
        throw new ExpectedFindingsException(origin, where + ": \"" + field + "\" is missing");
      }
      return List.of();
    }
    if (!value.isArray() || (required && value.isEmpty())) {
      throw new ExpectedFindingsException(origin, where + ": \"" + field + "\" must be a"
          + (required ? " non-empty" : "") + " list of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new ExpectedFindingsException(origin, where + ": \"" + field + "\" must hold strings only");
      }
      out.add(item.asText());
    }
    return out;
  }

  private static <T> List<T> values(
      JsonNode node, String field, String origin, String where, Function<String, Optional<T>> lookup) {
    List<T> out = new ArrayList<>();
    for (String name : strings(node, field, origin, where, false)) {
      out.add(lookup.apply(name).orElseThrow(() -> new ExpectedFindingsException(origin,
          where + ": \"" + field + "\" has an unknown value '" + name + "'")));
    }
    return out;
  }

  /** Every finding, in the file's order. */
  public List<Finding> findings() {
    return findings;
  }

  /** The finding that covers a violation of {@code invariant} in a case of {@code target} in {@code cell}. */
  public Optional<Finding> covering(String target, MatrixCell cell, Invariant invariant) {
    return findings.stream().filter(f -> f.covers(target, cell, invariant)).findFirst();
  }

  /** The findings as the report's expectations (one per target, cell pattern and invariant). */
  public List<Expectation> expectations() {
    return findings.stream().flatMap(f -> f.expectations().stream()).toList();
  }
}
