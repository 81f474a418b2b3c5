package dev.cutpoint.drive.breezy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutpoint.verbs.BreezyVerbTable;
import dev.cutpoint.verbs.VerbClass;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads Breezy's verb table from Breezy itself: every key of {@code
 * breezy.bzr.smart.request.request_handlers} with its {@code get_info} (breezy/bzr/smart/request.py,
 * {@code register_lazy(..., info=...)}), imported by the installation's own Python, so a
 * {@code --breezy PATH} with a changed {@code request.py} is read as changed.
 */
public final class BreezyRegistry {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<BreezyInstallation, BreezyVerbTable> READ = new ConcurrentHashMap<>();

  /** Prints {"version": ..., "verbs": {verb: info}}; verbs are bytes, one character per byte. */
  private static final String DUMP = String.join("\n",
      "import json, breezy",
      "from breezy.bzr.smart import request",
      "handlers = request.request_handlers",
      "verbs = {k.decode('latin-1'): handlers.get_info(k) for k in handlers.keys()}",
      "print(json.dumps({'version': breezy.__version__, 'verbs': verbs}))");

  private BreezyRegistry() {}

  /**
   * The verb table of {@code breezy}, read once per JVM and installation.
   *
   * @throws BreezyUnavailable when that Breezy does not run
   * @throws BreezyRegistryUnreadable when its registry holds a class the harness does not know, or
   *     Python printed something else
   */
  public static BreezyVerbTable of(BreezyInstallation breezy) {
    return READ.computeIfAbsent(breezy, BreezyRegistry::read);
  }

  private static BreezyVerbTable read(BreezyInstallation breezy) {
    String printed = breezy.run(DUMP, List.of());
    JsonNode dump;
    try {
      dump = JSON.readTree(printed);
    } catch (JsonProcessingException e) {
      throw new BreezyRegistryUnreadable("Breezy's registry dump is not JSON: " + e.getOriginalMessage());
    }
    if (dump == null || !dump.path("version").isTextual() || !dump.path("verbs").isObject()) {
      throw new BreezyRegistryUnreadable("Breezy's registry dump has no version and verbs: " + printed.strip());
    }
    Map<String, VerbClass> classes = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = dump.get("verbs").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> verb = it.next();
      String info = verb.getValue().asText();
      classes.put(verb.getKey(), VerbClass.ofBreezyName(info).orElseThrow(() -> new BreezyRegistryUnreadable(
          "Breezy's registry classes " + verb.getKey() + " as '" + info + "', a class the harness does not know ("
              + String.join(", ", java.util.Arrays.stream(VerbClass.values()).map(VerbClass::breezyName).toList())
              + ")")));
    }
    return BreezyVerbTable.of(dump.get("version").asText(), classes);
  }
}
