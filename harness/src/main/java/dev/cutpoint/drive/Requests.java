package dev.cutpoint.drive;

import dev.cutpoint.client.BodyStream;
import dev.cutpoint.history.BodyKind;
import dev.cutpoint.history.Digest;
import dev.cutpoint.history.Payload;
import dev.cutpoint.history.Request;
import dev.cutpoint.history.RequestBody;
import dev.cutpoint.history.StreamRecord;
import dev.cutpoint.wire.BDict;
import dev.cutpoint.wire.BList;
import dev.cutpoint.wire.BValue;
import dev.cutpoint.wire.Bencode;
import dev.cutpoint.wire.ByteString;
import dev.cutpoint.wire.MessageEncoder;
import dev.cutpoint.wire.Part;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Recorded requests ({@link Request}) from drafts, and the reference client's requests from
 * recorded ones. A request's encoded length <i>n</i> and hash are those of the exact bytes the
 * reference client sends (no headers, as the captured vectors; an {@code insert_stream} record is
 * one body part holding the bencoded list {@code [path, content]}), which is also what the
 * reference server's journal hashes.
 */
public final class Requests {

  private static final byte[] LIST_START = {'l'};
  private static final byte[] LIST_END = {'e'};

  private Requests() {}

  /** The recorded request for {@code draft} at position {@code index} of a sequence. */
  public static Request recorded(int index, RequestDraft draft) {
    RequestBody body = body(draft);
    return sized(index, draft.verb(), draft.verbClass(), draft.args(), body);
  }

  /**
   * A recorded request with the length and hash of its bytes, taken piece by piece as {@link
   * MessageEncoder} lays them out: the payloads are hashed where they are described, never
   * expanded (a body of megabytes was expanded, bencoded and encoded here only to be hashed).
   */
  public static Request sized(
      int index, String verb, dev.cutpoint.verbs.VerbClass verbClass, List<String> args, RequestBody body) {
    List<String> wireArgs = new ArrayList<>();
    wireArgs.add(verb);
    wireArgs.addAll(args);
    Digest.Hasher hasher = new Digest.Hasher();
    update(hasher, MessageEncoder.preamble(BDict.EMPTY));
    update(hasher, MessageEncoder.part(new Part.Args(BList.ofStrings(wireArgs.toArray(String[]::new)))));
    switch (body.kind()) {
      case NONE -> { }
      case BYTES -> {
        Payload payload = body.bytes().orElseThrow();
        update(hasher, MessageEncoder.bodyHeader(payload.size()));
        payload.hashInto(hasher);
      }
      case STREAM -> body.records().forEach(record -> hashRecord(hasher, record));
    }
    update(hasher, MessageEncoder.end());
    Digest digest = hasher.digest();
    return new Request(index, verb, verbClass, args, body, digest.length(), digest.hash());
  }

  /**
   * One record's body part as {@link #chunks} makes it: {@code b} and its length, then the
   * bencoded list {@code [path, content]}.
   */
  private static void hashRecord(Digest.Hasher hasher, StreamRecord record) {
    byte[] path = Bencode.encode(ByteString.of(record.path()));
    byte[] contentPrefix = (record.payload().size() + ":").getBytes(StandardCharsets.US_ASCII);
    int length = Math.addExact(2 + path.length + contentPrefix.length, record.payload().size());
    update(hasher, MessageEncoder.bodyHeader(length));
    update(hasher, LIST_START);
    update(hasher, path);
    update(hasher, contentPrefix);
    record.payload().hashInto(hasher);
    update(hasher, LIST_END);
  }

  private static void update(Digest.Hasher hasher, byte[] bytes) {
    hasher.update(bytes, 0, bytes.length);
  }

  /** The same request at another position (its bytes do not depend on it). */
  public static Request reindexed(Request request, int index) {
    return new Request(
        index,
        request.verb(),
        request.verbClass(),
        request.args(),
        request.body(),
        request.encodedLength(),
        request.hash());
  }

  /** The reference client's request: a fresh, unconsumed body stream each time it is made. */
  public static dev.cutpoint.client.Request forClient(Request request) {
    dev.cutpoint.client.RequestBody body =
        switch (request.body().kind()) {
          case NONE -> dev.cutpoint.client.RequestBody.NONE;
          case BYTES -> dev.cutpoint.client.RequestBody.of(
              ByteString.wrap(request.body().bytes().orElseThrow().bytes()));
          case STREAM -> dev.cutpoint.client.RequestBody.stream(BodyStream.of(chunks(request.body())));
        };
    return dev.cutpoint.client.Request.of(
        request.verb(), request.verbClass(), body, request.args().toArray(String[]::new));
  }

  private static RequestBody body(RequestDraft draft) {
    return switch (draft.bodyKind()) {
      case NONE -> RequestBody.none();
      case BYTES -> RequestBody.of(
          draft.bodySizes().isEmpty()
              ? Payload.literal(draft.literalBody())
              : Payload.generated(draft.token(), draft.bodySizes().get(0)));
      case STREAM -> {
        List<StreamRecord> records = new ArrayList<>();
        for (int i = 0; i < draft.streamPaths().size(); i++) {
          records.add(
              new StreamRecord(
                  draft.streamPaths().get(i),
                  Payload.generated(draft.token() + "s" + i, draft.bodySizes().get(i))));
        }
        yield RequestBody.stream(records);
      }
    };
  }

  /** The body parts of a recorded body: none, one, or one per stream record. */
  public static List<ByteString> chunks(RequestBody body) {
    if (body.kind() == BodyKind.BYTES) {
      return List.of(ByteString.wrap(body.bytes().orElseThrow().bytes()));
    }
    List<ByteString> chunks = new ArrayList<>();
    for (StreamRecord record : body.records()) {
      BValue item = BList.of(ByteString.of(record.path()), ByteString.wrap(record.payload().bytes()));
      chunks.add(ByteString.wrap(Bencode.encode(item)));
    }
    return chunks;
  }
}
