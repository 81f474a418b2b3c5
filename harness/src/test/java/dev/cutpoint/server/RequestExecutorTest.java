package dev.cutpoint.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.history.StateEntry;
import dev.cutpoint.wire.BList;
import dev.cutpoint.wire.Bencode;
import dev.cutpoint.wire.ByteString;
import dev.cutpoint.wire.Message;
import dev.cutpoint.wire.Part;
import dev.cutpoint.wire.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every verb's answers, on both stores, as {@code brz serve} gives them (the expected arguments
 * below were read off Breezy 3.3.2 driven by its own client; where Breezy names an absolute host
 * path, this server names the path relative to its root).
 */
class RequestExecutorTest {

  @TempDir static Path temp;
  private static int dirs;

  static Stream<Arguments> stores() {
    Supplier<Store> memory = MemoryStore::new;
    Supplier<Store> directory = () -> {
      try {
        return new DirectoryStore(Files.createDirectory(temp.resolve("root" + dirs++)));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    };
    return Stream.of(Arguments.of("memory", memory), Arguments.of("directory", directory));
  }

  private static List<String> call(RequestExecutor executor, Message request) {
    Message response = executor.execute("c1", request);
    List<String> out = new ArrayList<>();
    out.add(response.status().orElseThrow() == Status.SUCCESS ? "S" : "E");
    response.args().items().forEach(v -> out.add(((ByteString) v).utf8()));
    if (response.hasBody()) {
      out.add("body=" + response.body().utf8());
    }
    return out;
  }

  private static Message withBody(String body, String... args) {
    return Message.request(BList.ofStrings(args), List.of(ByteString.of(body)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void fileVerbsAnswerAsBreezyDoes(String name, Supplier<Store> store) {
    RequestExecutor x = new RequestExecutor(store.get());
    assertThat(call(x, Message.request("hello"))).containsExactly("S", "ok", "2");
    assertThat(call(x, Message.request("mkdir", "d", ""))).containsExactly("S", "ok");
    assertThat(call(x, Message.request("mkdir", "d", ""))).containsExactly("E", "FileExists", "d");
    assertThat(call(x, Message.request("mkdir", "x/y", ""))).containsExactly("E", "NoSuchFile", "x/y");
    assertThat(call(x, withBody("hello world", "put", "d/a.txt", ""))).containsExactly("S", "ok");
    assertThat(call(x, withBody("x", "put", "nodir/a.txt", ""))).containsExactly("E", "NoSuchFile", "nodir/a.txt");
    assertThat(call(x, Message.request("get", "d/a.txt"))).containsExactly("S", "ok", "body=hello world");
    assertThat(call(x, Message.request("get", "missing"))).containsExactly("E", "NoSuchFile", "missing");
    assertThat(call(x, Message.request("get", "d"))).containsExactly("E", "ReadError", "d");
    assertThat(call(x, Message.request("has", "d/a.txt"))).containsExactly("S", "yes");
    assertThat(call(x, Message.request("has", "d"))).containsExactly("S", "yes");
    assertThat(call(x, Message.request("has", "nope"))).containsExactly("S", "no");
    assertThat(call(x, Message.request("stat", "d/a.txt"))).containsExactly("S", "stat", "11", "0o100644");
    assertThat(call(x, Message.request("stat", "d"))).startsWith("S", "stat").endsWith("0o40755");
    assertThat(call(x, Message.request("stat", "nope"))).containsExactly("E", "NoSuchFile", "nope");
    assertThat(call(x, Message.request("list_dir", "d"))).containsExactly("S", "names", "a.txt");
    assertThat(call(x, Message.request("list_dir", ""))).containsExactly("S", "names", "d");
    assertThat(call(x, Message.request("list_dir", "d/a.txt"))).containsExactly("E", "NoSuchFile", "d/a.txt");
    assertThat(call(x, withBody("0,5\n6,5", "readv", "d/a.txt"))).containsExactly("S", "readv", "body=helloworld");
    assertThat(call(x, withBody("8,10", "readv", "d/a.txt")))
        .containsExactly("E", "ShortReadvError", "./d/a.txt", "8", "10", "3");
    assertThat(call(x, withBody("!!", "append", "d/a.txt", ""))).containsExactly("S", "appended", "11");
    assertThat(call(x, withBody("abc", "append", "d/new.txt", ""))).containsExactly("S", "appended", "0");
    assertThat(call(x, withBody("abc", "append", "nodir/x", ""))).containsExactly("E", "NoSuchFile", "nodir/x");
    assertThat(call(x, withBody("xyz", "put_non_atomic", "e/f/g.txt", "", "T", "")))
        .containsExactly("E", "NoSuchFile", "e/f");
    assertThat(call(x, withBody("xyz", "put_non_atomic", "q/r.txt", "", "F", "")))
        .containsExactly("E", "NoSuchFile", "q/r.txt");
    assertThat(call(x, withBody("xyz", "put_non_atomic", "q/r.txt", "", "T", ""))).containsExactly("S", "ok");
    assertThat(call(x, Message.request("rename", "d/new.txt", "d/renamed.txt"))).containsExactly("S", "ok");
    assertThat(call(x, Message.request("rename", "nope", "x"))).containsExactly("E", "NoSuchFile", "nope");
    assertThat(call(x, Message.request("rename", "d/renamed.txt", "d/a.txt"))).containsExactly("S", "ok");
    assertThat(call(x, Message.request("get", "d/a.txt"))).containsExactly("S", "ok", "body=abc");
    assertThat(call(x, Message.request("mkdir", "e", ""))).containsExactly("S", "ok");
    assertThat(call(x, Message.request("rename", "e", "d"))).containsExactly("E", "DirectoryNotEmpty", "e");
    assertThat(call(x, Message.request("rename", "d", "e"))).containsExactly("S", "ok");
    assertThat(call(x, Message.request("list_dir", "e"))).containsExactly("S", "names", "a.txt");
    assertThat(call(x, Message.request("delete", "e/a.txt"))).containsExactly("S", "ok");
    assertThat(call(x, Message.request("delete", "e/a.txt"))).containsExactly("E", "NoSuchFile", "e/a.txt");
    assertThat(call(x, Message.request("delete", "q")).subList(0, 3)).containsExactly("E", "error", "TransportError");
    assertThat(call(x, Message.request("rmdir", "q"))).containsExactly("E", "DirectoryNotEmpty", "q");
    assertThat(call(x, Message.request("rmdir", "q/r.txt"))).containsExactly("E", "NoSuchFile", "q/r.txt");
    assertThat(call(x, Message.request("rmdir", "e"))).containsExactly("S", "ok");
    assertThat(call(x, Message.request("rmdir", "e"))).containsExactly("E", "NoSuchFile", "e");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void modesAreHonouredAndReportedAsPythonOctal(String name, Supplier<Store> store) {
    RequestExecutor x = new RequestExecutor(store.get());
    assertThat(call(x, Message.request("mkdir", "m", "493"))).containsExactly("S", "ok");
    assertThat(call(x, Message.request("stat", "m"))).endsWith("0o40755");
    assertThat(call(x, withBody("q", "put", "p", "384"))).containsExactly("S", "ok");
    assertThat(call(x, Message.request("stat", "p"))).containsExactly("S", "stat", "1", "0o100600");
    assertThat(call(x, Message.request("mkdir", "bad", "abc")).subList(0, 3)).containsExactly("E", "error", "ValueError");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void branchLocksFollowBreezysTokens(String name, Supplier<Store> store) {
    RequestExecutor x = new RequestExecutor(store.get());
    List<String> locked = call(x, Message.request("Branch.lock_write", "br", "", ""));
    assertThat(locked).hasSize(4).startsWith("S", "ok").endsWith("");
    String token = locked.get(2);
    assertThat(token).hasSize(20);
    assertThat(call(x, Message.request("Branch.lock_write", "br", "", ""))).containsExactly("E", "LockContention");
    assertThat(call(x, Message.request("Branch.lock_write", "br"))).containsExactly("E", "LockContention");
    assertThat(call(x, Message.request("Branch.lock_write", "br", token, ""))).containsExactly("S", "ok", token, "");
    assertThat(call(x, Message.request("Branch.lock_write", "br", "bad", ""))).containsExactly("E", "TokenMismatch");
    assertThat(call(x, Message.request("Branch.unlock", "br", "bad", "bad"))).containsExactly("E", "TokenMismatch");
    assertThat(call(x, Message.request("Branch.unlock", "br", token, ""))).containsExactly("S", "ok");
    assertThat(call(x, Message.request("Branch.unlock", "br", token, ""))).containsExactly("E", "TokenMismatch");
    assertThat(call(x, Message.request("Branch.unlock", "br", "", ""))).containsExactly("E", "TokenMismatch");
    assertThat(call(x, Message.request("Branch.unlock", "br")).subList(0, 3)).containsExactly("E", "error", "TypeError");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void unknownVerbsAndWrongArgumentCountsAreErrorResponses(String name, Supplier<Store> store) {
    RequestExecutor x = new RequestExecutor(store.get());
    assertThat(call(x, Message.request("nosuchverb"))).containsExactly("E", "UnknownMethod", "nosuchverb");
    assertThat(call(x, Message.request("get")).subList(0, 3)).containsExactly("E", "error", "TypeError");
    assertThat(call(x, Message.request("get", "a", "b")).subList(0, 3)).containsExactly("E", "error", "TypeError");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void pathsStayInsideTheRoot(String name, Supplier<Store> store) {
    RequestExecutor x = new RequestExecutor(store.get());
    call(x, withBody("abc", "put", "a.txt", ""));
    assertThat(call(x, Message.request("get", "../etc/passwd")).subList(0, 3))
        .containsExactly("E", "error", "breezy.urlutils.InvalidURLJoin");
    assertThat(call(x, Message.request("has", "..")).subList(0, 3))
        .containsExactly("E", "error", "breezy.urlutils.InvalidURLJoin");
    assertThat(call(x, Message.request("get", "d/../../x")).subList(0, 3))
        .containsExactly("E", "error", "breezy.urlutils.InvalidURLJoin");
    // as in Breezy, a leading slash means the served root, not the host's
    assertThat(call(x, Message.request("get", "/a.txt"))).containsExactly("S", "ok", "body=abc");
    assertThat(call(x, Message.request("has", "/etc/passwd"))).containsExactly("S", "no");
    assertThat(call(x, Message.request("get", "x/../a.txt"))).containsExactly("S", "ok", "body=abc");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void insertStreamAppliesEveryRecordOrNone(String name, Supplier<Store> store) throws VfsError {
    RequestExecutor x = new RequestExecutor(store.get());
    call(x, Message.request("mkdir", "d", ""));
    Message good = stream(record("d/one", "1"), record("two", "2"), record("d/one", "1b"));
    assertThat(call(x, good)).containsExactly("S", "ok", "3");
    assertThat(call(x, Message.request("get", "d/one"))).containsExactly("S", "ok", "body=1b");

    List<StateEntry> before = x.state().entries();
    Message bad = stream(record("three", "3"), record("nodir/four", "4"));
    assertThat(call(x, bad)).containsExactly("E", "NoSuchFile", "nodir/four");
    Message garbage = Message.request(BList.ofStrings("insert_stream"), List.of(record("five", "5"), ByteString.of("junk")));
    assertThat(call(x, garbage).subList(0, 3)).containsExactly("E", "BadStreamRecord", "1");
    Message aborted = new Message(dev.cutpoint.wire.Direction.REQUEST, dev.cutpoint.wire.BDict.EMPTY, List.of(
        new Part.Args(BList.ofStrings("insert_stream")), new Part.Body(record("six", "6")),
        new Part.StatusByte(Status.ERROR), new Part.Args(BList.ofStrings("error"))));
    assertThat(call(x, aborted)).containsExactly("E", "StreamAborted", "error");
    assertThat(x.state().entries()).isEqualTo(before);
  }

  private static ByteString record(String path, String content) {
    return ByteString.of(Bencode.encode(BList.ofStrings(path, content)));
  }

  private static Message stream(ByteString... records) {
    return Message.request(BList.ofStrings("insert_stream"), List.of(records));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void theJournalRecordsEveryExecutedRequestInOrder(String name, Supplier<Store> store) {
    RequestExecutor x = new RequestExecutor(store.get());
    x.execute("c1", Message.request("hello"));
    x.execute("c2", Message.request("get", "missing"));
    var entries = x.journal().snapshot().entries();
    assertThat(entries).extracting(e -> e.connectionId() + " " + e.verb() + " " + e.result().args())
        .containsExactly("c1 hello [ok, 2]", "c2 get [NoSuchFile, missing]");
    assertThat(entries.get(0).requestHash())
        .isEqualTo(dev.cutpoint.history.Digest.hashHex(dev.cutpoint.wire.MessageEncoder.encode(Message.request("hello"))));
    assertThat(entries).extracting(e -> e.order()).containsExactly(0L, 1L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void aResetPutsTheTreeLocksAndJournalBackToTheInitialState(String name, Supplier<Store> store)
      throws VfsError {
    RequestExecutor x = new RequestExecutor(store.get());
    x.execute("c1", Message.request("mkdir", "d", ""));
    x.execute("c1", withBody("one", "put", "d/f", ""));
    dev.cutpoint.history.ServerState initial = x.state();
    x.execute("c1", Message.request("mkdir", "d/e", ""));
    x.execute("c1", Message.request("mkdir", "d/e/g", ""));
    x.execute("c1", withBody("two", "put", "d/e/g/h", ""));
    x.execute("c1", withBody("more", "append", "d/f", ""));

    x.reset(initial);

    assertThat(x.state()).isEqualTo(initial);
    assertThat(x.journal().snapshot().entries()).isEmpty();
  }
}
