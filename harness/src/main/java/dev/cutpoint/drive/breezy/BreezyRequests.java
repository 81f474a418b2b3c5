package dev.cutpoint.drive.breezy;

import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.Requests;
import dev.cutpoint.history.Digest;
import dev.cutpoint.history.Request;
import dev.cutpoint.wire.BDict;
import dev.cutpoint.wire.BList;
import dev.cutpoint.wire.BValue;
import dev.cutpoint.wire.ByteString;
import dev.cutpoint.wire.Direction;
import dev.cutpoint.wire.Message;
import dev.cutpoint.wire.MessageEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests as a driver-protocol client sends them (docs/driver-protocol.md, "The request's
 * bytes"): the reference encoder's v3 message with the headers the client named in its hello. For
 * Breezy that is one header, {@code Software version} (breezy/bzr/smart/client.py:40-42, sent by
 * {@code _send_no_retry}, client.py:297), so its bytes — the length <i>n</i> the planner cuts in
 * and the hash the reference server's journal records — are the reference client's plus that
 * header. The body goes as Breezy's {@code RemoteTransport} sends it ({@link BreezyCall}): bytes
 * in one part, a stream as one part per chunk.
 */
final class BreezyRequests {

  private BreezyRequests() {}

  /** The recorded request for {@code draft}, sized and hashed as sent with {@code headers}. */
  static Request recorded(int index, RequestDraft draft, Map<String, String> headers) {
    return rehashed(Requests.recorded(index, draft), headers);
  }

  /** {@code request} sized and hashed as sent with {@code headers}. */
  static Request rehashed(Request request, Map<String, String> headers) {
    byte[] bytes = encode(request, headers);
    return new Request(
        request.index(), request.verb(), request.verbClass(), request.args(), request.body(),
        bytes.length, Digest.hashHex(bytes));
  }

  /**
   * The exact bytes a client sends for {@code request} with {@code headers} in every request (each
   * name and value a byte string, one character per byte).
   */
  static byte[] encode(Request request, Map<String, String> headers) {
    List<String> args = new ArrayList<>();
    args.add(request.verb());
    args.addAll(request.args());
    Message plain = Message.request(
        BList.ofStrings(args.toArray(String[]::new)), Requests.chunks(request.body()));
    return MessageEncoder.encode(
        new Message(Direction.REQUEST, bdict(headers), plain.parts()));
  }

  private static BDict bdict(Map<String, String> headers) {
    Map<ByteString, BValue> entries = new HashMap<>();
    headers.forEach((name, value) -> entries.put(ByteString.of(ByteText.bytes(name)), ByteString.of(ByteText.bytes(value))));
    return BDict.of(entries);
  }

  /** The call Breezy's client makes for {@code request}. */
  static BreezyCall call(Request request) {
    String[] args = request.args().toArray(String[]::new);
    return switch (request.body().kind()) {
      case NONE -> BreezyCall.of(request.verb(), args);
      case BYTES -> BreezyCall.withBody(request.verb(), request.body().bytes().orElseThrow().bytes(), args);
      case STREAM -> BreezyCall.withStream(
          request.verb(), Requests.chunks(request.body()).stream().map(ByteString::toByteArray).toList(), args);
    };
  }
}
