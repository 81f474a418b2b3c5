package dev.cutpoint.drive.breezy;

import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.Requests;
import dev.cutpoint.history.Digest;
import dev.cutpoint.history.Request;
import dev.cutpoint.wire.BDict;
import dev.cutpoint.wire.BList;
import dev.cutpoint.wire.ByteString;
import dev.cutpoint.wire.Direction;
import dev.cutpoint.wire.Message;
import dev.cutpoint.wire.MessageEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests as Breezy's client sends them. Its {@code _SmartClient} puts one header on every
 * request, {@code Software version} (breezy/bzr/smart/client.py:40-42, sent by {@code
 * _send_no_retry}, client.py:297), so its bytes — the length <i>n</i> the planner cuts in and the
 * hash the reference server's journal records — are the reference client's plus that header. The
 * body goes as Breezy's {@code RemoteTransport} sends it ({@link BreezyCall}): bytes in one part,
 * a stream as one part per chunk.
 */
final class BreezyRequests {

  private BreezyRequests() {}

  /** The recorded request for {@code draft}, sized and hashed as Breezy {@code version} sends it. */
  static Request recorded(int index, RequestDraft draft, String version) {
    Request plain = Requests.recorded(index, draft);
    byte[] bytes = encode(plain, version);
    return new Request(
        index, plain.verb(), plain.verbClass(), plain.args(), plain.body(), bytes.length,
        Digest.sha256Hex(bytes));
  }

  /** The exact bytes Breezy {@code version} sends for {@code request}. */
  static byte[] encode(Request request, String version) {
    List<String> args = new ArrayList<>();
    args.add(request.verb());
    args.addAll(request.args());
    Message plain = Message.request(
        BList.ofStrings(args.toArray(String[]::new)), Requests.chunks(request.body()));
    return MessageEncoder.encode(
        new Message(Direction.REQUEST, BDict.of("Software version", version), plain.parts()));
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
