package dev.cutpoint.drive.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.breezy.Reaper;
import dev.cutpoint.verbs.VerbClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The retry class Breezy's own request registry gives each verb a command used
 * ({@code request_handlers.get_info}, breezy/bzr/smart/request.py): the class that decides whether
 * Breezy resends the call (client.py:_is_safe_to_send_twice). A stand-in, read once per run, for
 * the typed verb table ({@code cutpoint verbs}) that the verb-table branch brings: it answers the
 * same question for the verbs seen here, so the table plugs in by replacing {@link #read}.
 */
public final class BreezyVerbClasses {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCRIPT = String.join("\n",
      "import json, sys",
      "from breezy.bzr.smart import request",
      "out = {}",
      "for verb in sys.argv[1:]:",
      "    try:",
      "        out[verb] = request.request_handlers.get_info(verb.encode('latin-1'))",
      "    except KeyError:",
      "        out[verb] = None",
      "print(json.dumps(out))");

  private final Map<String, Optional<VerbClass>> classes;

  private BreezyVerbClasses(Map<String, Optional<VerbClass>> classes) {
    this.classes = Map.copyOf(classes);
  }

  /** Known classes, as a test gives them. */
  static BreezyVerbClasses of(Map<String, VerbClass> known) {
    Map<String, Optional<VerbClass>> classes = new HashMap<>();
    known.forEach((verb, verbClass) -> classes.put(verb, Optional.of(verbClass)));
    return new BreezyVerbClasses(classes);
  }

  /** Asks the installation's Breezy for the classes of {@code verbs}. */
  public static BreezyVerbClasses read(BreezyInstallation installation, Collection<String> verbs)
      throws IOException {
    Path output = Files.createTempFile("cutpoint-verb-classes-", ".json");
    try {
      java.util.List<String> argv = new java.util.ArrayList<>(
          java.util.List.of(installation.python().toString(), "-I", "-c", SCRIPT));
      argv.addAll(verbs);
      Process process = Reaper.start(new ProcessBuilder(argv).redirectErrorStream(true)
          .redirectOutput(output.toFile()));
      if (!Reaper.awaitOrKill(process, Duration.ofSeconds(30)) || process.exitValue() != 0) {
        throw new CommandHarnessError("cannot read Breezy's request registry: " + Files.readString(output));
      }
      JsonNode tree = JSON.readTree(Files.readString(output));
      Map<String, Optional<VerbClass>> classes = new HashMap<>();
      for (String verb : verbs) {
        String info = tree.path(verb).asText(null);
        classes.put(verb, Arrays.stream(VerbClass.values()).filter(c -> c.breezyName().equals(info)).findFirst());
      }
      return new BreezyVerbClasses(classes);
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /** Every verb asked about whose class is known, by Breezy's name of the class. */
  public Map<String, String> known() {
    Map<String, String> out = new java.util.TreeMap<>();
    classes.forEach((verb, verbClass) -> verbClass.ifPresent(c -> out.put(verb, c.breezyName())));
    return out;
  }

  /** The verb's class, empty when Breezy's registry does not know it (or gives a class unknown here). */
  public Optional<VerbClass> of(String verb) {
    return classes.getOrDefault(verb, Optional.empty());
  }
}
