/**
 * The bytes of the bzr smart protocol, version 3 (SPEC §3.1): bencode ({@link
 * dev.cutpoint.wire.Bencode} over the immutable values {@link dev.cutpoint.wire.BValue}), messages
 * as values ({@link dev.cutpoint.wire.Message}), the encoder ({@link
 * dev.cutpoint.wire.MessageEncoder}, with {@link dev.cutpoint.wire.Layout} for exact lengths and
 * offsets) and the incremental, strict, bounded decoder ({@link dev.cutpoint.wire.MessageDecoder}).
 * Malformed bytes raise {@link dev.cutpoint.wire.ProtocolError}. Nothing here touches a socket.
 *
 * <pre>{@code
 * // a whole request
 * byte[] bytes = MessageEncoder.encode(Message.request("get", "dir/a.txt"));
 *
 * // a body stream, piece by piece (flush after the preamble and arguments, then per chunk)
 * out.write(MessageEncoder.preamble(BDict.EMPTY));
 * out.write(MessageEncoder.part(new Part.Args(BList.ofStrings("insert_stream"))));
 * out.flush();
 * for (ByteString chunk : chunks) {
 *   out.write(MessageEncoder.bodyHeader(chunk.length()));
 *   out.write(chunk.asReadOnlyBuffer());
 *   out.flush();
 * }
 * out.write(MessageEncoder.end());
 *
 * // responses, whatever the fragmentation
 * MessageDecoder decoder = new MessageDecoder(Direction.RESPONSE);
 * for (Message response : decoder.feed(buf, 0, n)) { ... response.args(), response.body() ... }
 * }</pre>
 */
package dev.cutpoint.wire;
