package dev.cutpoint.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.drive.breezy.BreezyCall;
import dev.cutpoint.drive.breezy.BreezyClient;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.brzserve.BrzServe;
import dev.cutpoint.drive.breezy.ByteText;
import dev.cutpoint.drive.breezy.CallOutcome;
import dev.cutpoint.drive.breezy.ClientSettings;
import dev.cutpoint.drive.breezy.ConnectionGate;
import dev.cutpoint.drive.breezy.InstalledBreezy;
import dev.cutpoint.drive.brzserve.ServedState;
import dev.cutpoint.history.EntryType;
import dev.cutpoint.history.StateEntry;
import dev.cutpoint.wire.BList;
import dev.cutpoint.wire.Bencode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §3: Breezy's own client ({@code _SmartClient} over {@code SmartTCPClientMedium}, run by the
 * harness's Python driver) drives the Java server through every verb {@code brz serve} also has,
 * and then {@code brz serve --allow-writes} through the same sequence: the answers and the final
 * trees must agree, up to what is known to differ — Breezy names the host's absolute path in
 * {@code NoSuchFile} and friends (this server the relative one), lock tokens are random, a
 * generic error's message text is Python's, {@code list_dir} is in directory order there.
 */
class BreezyDifferentialTest {

  private static final String BRANCH = "br";

  private static BreezyInstallation breezy;
  private static BreezyClient client;

  @BeforeAll
  static void startDriver() {
    breezy = InstalledBreezy.require();
    client = BreezyClient.start(breezy, ConnectionGate.OPEN, Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopDriver() {
    if (client != null) {
      client.close();
    }
  }

  /** What a step may use of earlier answers: the lock token the target handed out. */
  private static final class Context {
    String token = "";
  }

  private record Step(String label, Function<Context, BreezyCall> call) {}

  private static Step step(String verb, String... args) {
    return new Step(verb + " " + String.join(" ", args), c -> BreezyCall.of(verb, args));
  }

  private static Step withBody(String verb, String body, String... args) {
    return new Step(verb + " " + String.join(" ", args) + " <" + body + ">",
        c -> BreezyCall.withBody(verb, body.getBytes(StandardCharsets.UTF_8), args));
  }

  private static final List<Step> SEQUENCE = List.of(
      step("hello"),
      step("mkdir", "d", ""),
      step("mkdir", "d", ""),
      step("mkdir", "x/y", ""),
      withBody("put", "hello world", "d/a.txt", ""),
      withBody("put", "x", "nodir/a.txt", ""),
      step("get", "d/a.txt"),
      step("get", "missing"),
      step("get", "d"),
      step("has", "d/a.txt"),
      step("has", "d"),
      step("has", "nope"),
      step("stat", "d/a.txt"),
      step("stat", "nope"),
      step("list_dir", "d"),
      step("list_dir", "nope"),
      step("list_dir", "d/a.txt"),
      withBody("readv", "0,5\n6,5", "d/a.txt"),
      withBody("readv", "8,10", "d/a.txt"),
      withBody("readv", "0,1", "nope"),
      withBody("append", "!!", "d/a.txt", ""),
      withBody("append", "abc", "d/new.txt", ""),
      withBody("append", "abc", "nodir/x", ""),
      withBody("put_non_atomic", "xyz", "e/f/g.txt", "", "T", ""),
      withBody("put_non_atomic", "xyz", "q/r.txt", "", "F", ""),
      withBody("put_non_atomic", "xyz", "q/r.txt", "", "T", ""),
      step("rename", "d/new.txt", "d/renamed.txt"),
      step("rename", "nope", "x"),
      step("rename", "d/renamed.txt", "d/a.txt"),
      step("get", "d/a.txt"),
      step("mkdir", "e", ""),
      step("rename", "e", "d"),
      step("rename", "d", "e"),
      step("list_dir", "e"),
      step("delete", "e/a.txt"),
      step("delete", "e/a.txt"),
      step("delete", "q"),
      step("rmdir", "q"),
      step("rmdir", "q/r.txt"),
      step("rmdir", "e"),
      step("rmdir", "e"),
      step("mkdir", "m", "493"),
      withBody("put", "q", "p", "384"),
      step("stat", "p"),
      step("mkdir", "bad", "abc"),
      step("get", "../etc/passwd"),
      step("has", ".."),
      step("get", "/q/r.txt"),
      step("has", "/etc/passwd"),
      step("Branch.lock_write", BRANCH, "", ""),
      step("Branch.lock_write", BRANCH, "", ""),
      step("Branch.lock_write", BRANCH),
      new Step("Branch.lock_write br <token>", c -> BreezyCall.of("Branch.lock_write", BRANCH, c.token, "")),
      step("Branch.lock_write", BRANCH, "bad", ""),
      step("Branch.unlock", BRANCH, "bad", "bad"),
      new Step("Branch.unlock br <token>", c -> BreezyCall.of("Branch.unlock", BRANCH, c.token, "")),
      new Step("Branch.unlock br <token> again", c -> BreezyCall.of("Branch.unlock", BRANCH, c.token, "")),
      step("Branch.unlock", BRANCH, "", ""),
      step("Branch.lock_write", BRANCH, "", ""),
      step("nosuchverb"),
      step("get"),
      step("get", "a", "b"));

  @Test
  void breezysClientGetsTheSameAnswersFromTheJavaServerAsFromBrzServe(@TempDir Path root) throws Exception {
    List<String> fromJava;
    Map<String, String> javaTree;
    try (SmartServer server = SmartServer.start(new DirectoryStore(root), ServerConfig.loopback())) {
      client.open("127.0.0.1", server.port(), ClientSettings.defaults());
      fromJava = run(root.toRealPath().toString());
      javaTree = tree(server.state().entries());
      assertThat(server.journal().size()).isEqualTo(SEQUENCE.size());
    }
    List<String> fromBreezy;
    Map<String, String> breezyTree;
    try (BrzServe serve = BrzServe.start(breezy)) {
      serve.createBranch(BRANCH);
      client.open(BrzServe.HOST, serve.port(), ClientSettings.defaults());
      fromBreezy = run(serve.directory().toRealPath().toString());
      breezyTree = tree(serve.snapshot());
    }
    assertThat(fromJava).hasSameSizeAs(fromBreezy);
    for (int i = 0; i < fromJava.size(); i++) {
      assertThat(fromJava.get(i)).as("step %d: %s", i, SEQUENCE.get(i).label()).isEqualTo(fromBreezy.get(i));
    }
    assertThat(javaTree).isEqualTo(breezyTree);
  }

  /** {@code insert_stream} is the Java server's own: Breezy's client streams it, the records land. */
  @Test
  void breezysClientStreamsInsertStreamToTheJavaServer(@TempDir Path root) throws Exception {
    try (SmartServer server = SmartServer.start(new DirectoryStore(root), ServerConfig.loopback())) {
      client.open("127.0.0.1", server.port(), ClientSettings.defaults());
      List<byte[]> records = List.of(
          Bencode.encode(BList.ofStrings("one", "1")), Bencode.encode(BList.ofStrings("two", "22")));
      CallOutcome outcome = client.call(BreezyCall.withStream("insert_stream", records)).outcome();
      assertThat(outcome).isEqualTo(new CallOutcome.Response(List.of("ok", "2"), java.util.Optional.empty()));
      assertThat(Files.readString(root.resolve("two"))).isEqualTo("22");
    }
  }

  private static List<String> run(String servedRoot) {
    Context context = new Context();
    List<String> answers = new ArrayList<>();
    for (Step step : SEQUENCE) {
      CallOutcome outcome = client.call(step.call().apply(context)).outcome();
      answers.add(normalise(outcome, servedRoot, context));
    }
    return answers;
  }

  /** One line per answer, with what legitimately differs between the two servers taken out. */
  private static String normalise(CallOutcome outcome, String servedRoot, Context context) {
    if (outcome instanceof CallOutcome.Response response) {
      List<String> args = new ArrayList<>(response.args());
      if (args.size() == 3 && args.get(0).equals("ok") && args.get(2).isEmpty() && args.get(1).length() == 20) {
        context.token = args.get(1);
        args.set(1, "<token>");
      }
      if (!args.isEmpty() && args.get(0).equals("names")) {
        List<String> names = new ArrayList<>(args.subList(1, args.size()));
        names.sort(null);
        args = new ArrayList<>(List.of("names"));
        args.addAll(names);
      }
      return "ok " + args + response.body().map(b -> " body=" + ByteText.of(b)).orElse("");
    }
    if (outcome instanceof CallOutcome.ServerError error) {
      List<String> args = new ArrayList<>();
      for (String arg : error.args()) {
        args.add(arg.startsWith(servedRoot + "/") ? arg.substring(servedRoot.length() + 1) : arg);
      }
      if (args.get(0).equals("error") && args.size() > 2) {
        args = args.subList(0, 2);
      }
      return "error " + args;
    }
    return "exception " + ((CallOutcome.ClientException) outcome).type();
  }

  /** The served tree without the branch's control files (this server has no real branch). */
  private static Map<String, String> tree(List<StateEntry> entries) {
    Map<String, String> tree = new TreeMap<>();
    for (StateEntry entry : entries) {
      tree.put(entry.path(), entry.type() == EntryType.DIRECTORY ? "<dir>" : entry.content().orElseThrow());
    }
    return tree;
  }

  private static Map<String, String> tree(ServedState state) {
    Map<String, String> tree = new TreeMap<>();
    state.directories().stream().filter(d -> !d.equals(BRANCH) && !d.startsWith(BRANCH + "/"))
        .forEach(d -> tree.put(d, "<dir>"));
    state.files().forEach((path, content) -> {
      if (!path.startsWith(BRANCH + "/")) {
        tree.put(path, ByteText.of(content));
      }
    });
    return tree;
  }
}
