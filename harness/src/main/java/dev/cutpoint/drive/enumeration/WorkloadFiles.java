package dev.cutpoint.drive.enumeration;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutpoint.drive.CaseFile;
import dev.cutpoint.drive.CaseFileException;
import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.Workload;
import dev.cutpoint.history.BodyKind;
import dev.cutpoint.history.Payload;
import dev.cutpoint.history.PayloadForm;
import dev.cutpoint.history.Request;
import dev.cutpoint.history.StreamRecord;
import dev.cutpoint.verbs.Verb;
import dev.cutpoint.verbs.Verbs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Workloads from files: a workload file (a JSON list of requests, {@code docs/enumerate.md}) or the
 * requests of a recorded case file, each from the state it names.
 */
public final class WorkloadFiles {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS = Set.of("verb", "args", "body", "text", "records");
  /** The largest body a workload file may ask for: a few times the built-in large body. */
  static final int MAX_BODY = 64 * 1024 * 1024;

  private WorkloadFiles() {}

  /**
   * Reads a workload file: a JSON list of {@code {"verb": V, "args": [...], "body": SIZE}}, {@code
   * "text": T} instead of {@code body} for a literal body, {@code "records": [{"path": P, "size":
   * S}, ...]} for {@code insert_stream}; run from the matrix's initial tree.
   *
   * @throws WorkloadFileException naming the file, the request and the problem
   */
  public static EnumerationWorkload workload(Path file) {
    JsonNode tree;
    try {
      tree = JSON.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new WorkloadFileException(file, "no such file");
    } catch (JacksonException e) {
      throw new WorkloadFileException(file, "not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new WorkloadFileException(file, e.getMessage());
    }
    if (tree == null || !tree.isArray() || tree.isEmpty()) {
      throw new WorkloadFileException(file, "a workload is a non-empty JSON list of requests");
    }
    List<RequestDraft> drafts = new ArrayList<>();
    for (int i = 0; i < tree.size(); i++) {
      drafts.add(request(file, i, tree.get(i)));
    }
    return new EnumerationWorkload(file.toString(), Workload.initialState(), drafts);
  }

  private static RequestDraft request(Path file, int i, JsonNode node) {
    String at = "request " + i + ": ";
    if (!node.isObject()) {
      throw new WorkloadFileException(file, at + "not a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new WorkloadFileException(file, at + "unknown field '" + name + "'; accepted: " + FIELDS);
      }
    }
    JsonNode verbNode = node.get("verb");
    if (verbNode == null || !verbNode.isTextual()) {
      throw new WorkloadFileException(file, at + "no \"verb\" (a string)");
    }
    Verb verb = Verbs.byName(verbNode.asText()).orElseThrow(() -> new WorkloadFileException(file, at + "unknown verb '"
        + verbNode.asText() + "'; accepted: " + Verbs.ALL.stream().map(Verb::name).toList()));
    List<String> args = new ArrayList<>();
    JsonNode argsNode = node.path("args");
    if (!argsNode.isMissingNode()) {
      if (!argsNode.isArray()) {
        throw new WorkloadFileException(file, at + "\"args\" is a list of strings");
      }
      for (JsonNode arg : argsNode) {
        if (!arg.isTextual()) {
          throw new WorkloadFileException(file, at + "\"args\" is a list of strings");
        }
        args.add(arg.asText());
      }
    }
    if (!verb.acceptsArgumentCount(args.size())) {
      throw new WorkloadFileException(file, at + verb.name() + " takes " + verb.arguments() + " (at least "
          + verb.requiredArguments() + "), given " + args.size());
    }
    String token = "w" + i;
    boolean body = node.has("body");
    boolean text = node.has("text");
    boolean records = node.has("records");
    switch (verb.requestBody()) {
      case NONE -> {
        if (body || text || records) {
          throw new WorkloadFileException(file, at + verb.name() + " takes no body");
        }
        return new RequestDraft(verb.name(), verb.verbClass(), args, BodyKind.NONE, "-", List.of(), List.of(), "");
      }
      case BYTES -> {
        if (body == text || records) {
          throw new WorkloadFileException(file, at + verb.name() + " takes a body: \"body\" (its size) or \"text\"");
        }
        if (text) {
          if (!node.get("text").isTextual() || node.get("text").asText().isEmpty()) {
            throw new WorkloadFileException(file, at + "\"text\" is a non-empty string");
          }
          return RequestDraft.withText(verb.name(), verb.verbClass(), node.get("text").asText(), args.toArray(String[]::new));
        }
        int size = size(file, at + "\"body\"", node.get("body"), token);
        return RequestDraft.withPayload(verb.name(), verb.verbClass(), token, size, args.toArray(String[]::new));
      }
      case STREAM -> {
        if (!records || body || text || !args.isEmpty() || !node.get("records").isArray() || node.get("records").isEmpty()) {
          throw new WorkloadFileException(file, at + verb.name()
              + " takes no args and a non-empty \"records\": [{\"path\": P, \"size\": S}, ...]");
        }
        List<String> paths = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        int r = 0;
        for (JsonNode record : node.get("records")) {
          if (!record.path("path").isTextual()) {
            throw new WorkloadFileException(file, at + "record " + r + " has no \"path\" (a string)");
          }
          paths.add(record.get("path").asText());
          sizes.add(size(file, at + "record " + r + " \"size\"", record.get("size"), token + "s" + r));
          r++;
        }
        return RequestDraft.stream(token, paths, sizes);
      }
    }
    throw new IllegalStateException("unknown body " + verb.requestBody());
  }

  private static int size(Path file, String what, JsonNode node, String token) {
    int least = token.length() + 2;
    if (node == null || !node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < least
        || node.asInt() > MAX_BODY) {
      throw new WorkloadFileException(file, what + " is a whole number of bytes from " + least
          + " (room for the payload's unique marker) to " + MAX_BODY);
    }
    return node.asInt();
  }

  /**
   * The requests of a recorded case file, from the state it started in: the same verbs,
   * arguments and payloads, recorded again in the bytes of the target's client.
   *
   * @throws WorkloadFileException when the file is not a case file
   */
  public static EnumerationWorkload recordedCase(Path file) {
    CaseFile recorded;
    try {
      recorded = CaseFile.read(file);
    } catch (CaseFileException e) {
      throw new WorkloadFileException(file, e.getMessage());
    }
    List<RequestDraft> drafts = new ArrayList<>();
    for (Request request : recorded.record().scenario().requests()) {
      drafts.add(draft(file, request));
    }
    return new EnumerationWorkload("case " + recorded.id() + " (" + file + ")",
        recorded.record().scenario().initialState(), drafts);
  }

  /** The draft that records as {@code request} did: its payloads' tokens are their markers' text. */
  static RequestDraft draft(Path file, Request request) {
    String[] args = request.args().toArray(String[]::new);
    return switch (request.body().kind()) {
      case NONE -> RequestDraft.plain(request.verb(), request.verbClass(), args);
      case BYTES -> {
        Payload payload = request.body().bytes().orElseThrow();
        yield payload.form() == PayloadForm.LITERAL
            ? RequestDraft.withText(request.verb(), request.verbClass(), payload.text(), args)
            : RequestDraft.withPayload(request.verb(), request.verbClass(), payload.text(), payload.size(), args);
      }
      case STREAM -> {
        List<StreamRecord> records = request.body().records();
        String first = records.get(0).payload().text();
        String token = first.endsWith("s0") ? first.substring(0, first.length() - 2) : "";
        List<String> paths = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int r = 0; r < records.size(); r++) {
          Payload payload = records.get(r).payload();
          if (token.isEmpty() || payload.form() != PayloadForm.GENERATED || !payload.text().equals(token + "s" + r)) {
            throw new WorkloadFileException(file, "request " + request.index()
                + ": a stream's records carry the tokens <t>s0, <t>s1, ... of the harness's generator");
          }
          paths.add(records.get(r).path());
          sizes.add(payload.size());
        }
        yield RequestDraft.stream(token, paths, sizes);
      }
    };
  }
}
