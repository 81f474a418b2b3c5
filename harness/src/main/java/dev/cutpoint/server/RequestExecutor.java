package dev.cutpoint.server;

import dev.cutpoint.history.Digest;
import dev.cutpoint.history.HeldLock;
import dev.cutpoint.history.Reply;
import dev.cutpoint.history.ReplyStatus;
import dev.cutpoint.history.ServerState;
import dev.cutpoint.verbs.Verb;
import dev.cutpoint.verbs.Verbs;
import dev.cutpoint.wire.BDict;
import dev.cutpoint.wire.BList;
import dev.cutpoint.wire.BValue;
import dev.cutpoint.wire.Bencode;
import dev.cutpoint.wire.ByteString;
import dev.cutpoint.wire.Message;
import dev.cutpoint.wire.MessageEncoder;
import dev.cutpoint.wire.ProtocolError;
import dev.cutpoint.wire.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs complete requests against the store and the locks, one at a time, and journals each with
 * its response. Argument and response shapes are those of {@link Verbs}; errors are
 * {@link VfsError}s turned into {@code oE} responses.
 */
final class RequestExecutor {

  /** Breezy's responder sends its version here; ours says what it is. */
  static final BDict RESPONSE_HEADERS = BDict.of("Software version", "cutpoint 0.1.0");

  private final Vfs vfs;
  private final BranchLocks locks = new BranchLocks();
  private final ServerJournal journal = new ServerJournal();

  RequestExecutor(Store store) {
    this.vfs = new Vfs(store);
  }

  ServerJournal journal() {
    return journal;
  }

  /** Executes {@code request} and journals it; the returned response is what to send. */
  Message execute(String connectionId, Message request) {
    // hashed as encoded, piece by piece: a body of megabytes is not encoded again to be hashed
    Digest.Hasher hasher = new Digest.Hasher();
    MessageEncoder.writeTo(request, hasher::update);
    String hash = hasher.digest().hash();
    synchronized (this) {
      Message response = respond(request);
      journal.record(connectionId, request.verb(), hash, reply(response));
      return response;
    }
  }

  /** Executes {@code request} without journalling it (a dry run, which nobody judges). */
  synchronized Message executeUnjournalled(Message request) {
    return respond(request);
  }

  /**
   * Puts files, locks and journal back to {@code initial}: the driver reuses one server for many
   * cases and resets it between them (no request may be in flight).
   */
  synchronized void reset(ServerState initial) throws VfsError {
    Store store = vfs.store();
    List<Map.Entry<RelPath, dev.cutpoint.history.EntryType>> present = new ArrayList<>(store.paths().entrySet());
    // parents come before their children: remove from the end
    for (int i = present.size() - 1; i >= 0; i--) {
      RelPath path = present.get(i).getKey();
      if (present.get(i).getValue() == dev.cutpoint.history.EntryType.DIRECTORY) {
        store.removeDirectory(path);
      } else {
        store.removeFile(path);
      }
    }
    for (dev.cutpoint.history.StateEntry entry : initial.entries()) {
      RelPath path = RelPath.parse(entry.path());
      if (entry.type() == dev.cutpoint.history.EntryType.DIRECTORY) {
        store.createDirectory(path, Node.DEFAULT_DIRECTORY_MODE);
      } else {
        String content = entry.content().orElseThrow(
            () -> new IllegalArgumentException("initial file " + entry.path() + " has no content"));
        store.writeAtomically(
            path, content.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), Node.DEFAULT_FILE_MODE);
      }
    }
    locks.replaceWith(initial.locks().orElse(List.of()));
    journal.clear();
  }

  synchronized ServerState state() throws VfsError {
    List<HeldLock> held = locks.snapshot();
    return ServerState.of(vfs.snapshot(), held);
  }

  private Message respond(Message request) {
    try {
      return success(dispatch(request));
    } catch (VfsError e) {
      return Message.response(RESPONSE_HEADERS, Status.ERROR, BList.ofStrings(e.errorArgs().toArray(String[]::new)),
          List.of());
    }
  }

  /** A success: arguments, and a body when the verb answers with one. */
  private record Answer(List<String> args, Optional<byte[]> body) {
    static Answer of(String... args) {
      return new Answer(List.of(args), Optional.empty());
    }

    static Answer withBody(byte[] body, String... args) {
      return new Answer(List.of(args), Optional.of(body));
    }
  }

  private static Message success(Answer answer) {
    // an answer's body is an array just read or joined for it (Vfs.get, Vfs.readv): not copied again
    List<ByteString> body = answer.body().map(b -> List.of(ByteString.wrap(b))).orElse(List.of());
    return Message.response(RESPONSE_HEADERS, Status.SUCCESS, BList.ofStrings(answer.args().toArray(String[]::new)), body);
  }

  private Answer dispatch(Message request) throws VfsError {
    String name = request.verb();
    Verb verb = Verbs.byName(name).orElseThrow(() -> VfsError.unknownMethod(name));
    List<ByteString> args = arguments(request, verb);
    if (request.bodyError().isPresent()) {
      throw VfsError.streamAborted(strings(request.bodyError().get()));
    }
    if (verb.requestBody() == Verb.RequestBody.NONE && request.hasBody()) {
      throw VfsError.generic("SmartProtocolError", "Request does not expect a body");
    }
    return switch (name) {
      case "hello" -> Answer.of("ok", "2");
      case "get" -> Answer.withBody(vfs.get(path(args, 0)), "ok");
      case "has" -> Answer.of(vfs.has(path(args, 0)) ? "yes" : "no");
      case "stat" -> {
        Node node = vfs.stat(path(args, 0));
        yield Answer.of("stat", Long.toString(node.size()), node.pythonOctalMode());
      }
      case "list_dir" -> {
        List<String> names = new ArrayList<>(List.of("names"));
        names.addAll(vfs.listDir(path(args, 0)));
        yield new Answer(names, Optional.empty());
      }
      case "readv" -> Answer.withBody(vfs.readv(path(args, 0), offsets(body(request))), "readv");
      case "put" -> {
        vfs.put(path(args, 0), body(request), mode(args, 1));
        yield Answer.of("ok");
      }
      case "put_non_atomic" -> {
        vfs.putNonAtomic(path(args, 0), body(request), mode(args, 1), args.get(2).is("T"), mode(args, 3));
        yield Answer.of("ok");
      }
      case "append" -> Answer.of("appended", Long.toString(vfs.append(path(args, 0), body(request), mode(args, 1))));
      case "mkdir" -> {
        vfs.mkdir(path(args, 0), mode(args, 1));
        yield Answer.of("ok");
      }
      case "rmdir" -> {
        vfs.rmdir(path(args, 0));
        yield Answer.of("ok");
      }
      case "delete" -> {
        vfs.delete(path(args, 0));
        yield Answer.of("ok");
      }
      case "rename" -> {
        vfs.rename(path(args, 0), path(args, 1));
        yield Answer.of("ok");
      }
      case "Branch.lock_write" -> {
        String token = locks.lockWrite(path(args, 0), optional(args, 1));
        yield Answer.of("ok", token, "");
      }
      case "Branch.unlock" -> {
        locks.unlock(path(args, 0), args.get(1).utf8());
        yield Answer.of("ok");
      }
      case "insert_stream" -> Answer.of("ok", Integer.toString(insertStream(request.bodyChunks())));
      default -> throw new IllegalStateException("verb " + name + " is registered but not implemented");
    };
  }

  /**
   * A request's body, joined and copied: taken only by the verbs that use it, as a body stream's
   * records are read chunk by chunk.
   */
  private static byte[] body(Message request) {
    return request.body().toByteArray();
  }

  /** The arguments after the verb, each a byte string, as many as the verb takes. */
  private static List<ByteString> arguments(Message request, Verb verb) throws VfsError {
    BList all = request.args();
    int count = all.size() - 1;
    if (!verb.acceptsArgumentCount(count)) {
      throw VfsError.generic("TypeError", verb.name() + " takes " + verb.requiredArguments()
          + (verb.requiredArguments() == verb.arguments().size() ? "" : " to " + verb.arguments().size())
          + " arguments but " + count + " were given");
    }
    List<ByteString> args = new ArrayList<>();
    for (BValue value : all.items().subList(1, all.size())) {
      if (!(value instanceof ByteString bytes)) {
        throw VfsError.generic("TypeError", verb.name() + " arguments must be byte strings, got " + value);
      }
      args.add(bytes);
    }
    return args;
  }

  private static RelPath path(List<ByteString> args, int index) throws VfsError {
    return RelPath.parse(args.get(index));
  }

  private static String optional(List<ByteString> args, int index) {
    return index < args.size() ? args.get(index).utf8() : "";
  }

  /** Breezy's {@code _deserialise_optional_mode}: empty is none, else a decimal integer. */
  private static OptionalInt mode(List<ByteString> args, int index) throws VfsError {
    String text = args.get(index).utf8();
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(text));
    } catch (NumberFormatException e) {
      throw VfsError.generic("ValueError", "invalid literal for int() with base 10: '" + text + "'");
    }
  }

  /** A readv body: {@code start,length} per line (Breezy's {@code _deserialise_offsets}). */
  private static List<long[]> offsets(byte[] body) throws VfsError {
    List<long[]> ranges = new ArrayList<>();
    for (String line : new String(body, java.nio.charset.StandardCharsets.US_ASCII).split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] pair = line.split(",", -1);
      try {
        if (pair.length != 2) {
          throw new NumberFormatException(line);
        }
        long start = Long.parseLong(pair[0]);
        long length = Long.parseLong(pair[1]);
        if (start < 0 || length < 0) {
          throw new NumberFormatException(line);
        }
        ranges.add(new long[] {start, length});
      } catch (NumberFormatException e) {
        throw VfsError.generic("ValueError", "bad readv offset line: '" + line + "'");
      }
    }
    return ranges;
  }

  /** Applies the records all or nothing; returns how many there were. */
  private int insertStream(List<ByteString> chunks) throws VfsError {
    List<Store.FileWrite> writes = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      byte[] chunk = chunks.get(i).toByteArray();
      BValue record;
      try {
        record = Bencode.decode(chunk);
      } catch (ProtocolError e) {
        throw VfsError.badStreamRecord(i, e.getMessage());
      }
      if (!(record instanceof BList list) || list.size() != 2 || !(list.get(0) instanceof ByteString path)
          || !(list.get(1) instanceof ByteString content)) {
        throw VfsError.badStreamRecord(i, "expected a list [path, content]");
      }
      writes.add(new Store.FileWrite(RelPath.parse(path), content));
    }
    vfs.putAll(writes);
    return writes.size();
  }

  private static List<String> strings(BList list) {
    List<String> out = new ArrayList<>();
    list.items().forEach(v -> out.add(v instanceof ByteString b ? b.utf8() : v.toString()));
    return out;
  }

  /** The journal's summary of a response: status, arguments, and the body's digest. */
  static Reply reply(Message response) {
    ReplyStatus status = response.isSuccess() ? ReplyStatus.SUCCESS : ReplyStatus.ERROR;
    Optional<Digest> body = Optional.empty();
    if (response.hasBody()) {
      Digest.Hasher hasher = new Digest.Hasher();
      response.bodyChunks().forEach(chunk -> chunk.writeTo(hasher::update));
      body = Optional.of(hasher.digest());
    }
    return new Reply(status, strings(response.args()), body);
  }
}
