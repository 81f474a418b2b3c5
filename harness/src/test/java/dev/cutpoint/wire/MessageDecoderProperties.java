package dev.cutpoint.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Fragmentation never changes what is decoded (SPEC §3.1: any slicing, one byte at a time included). */
class MessageDecoderProperties {

  @Property
  void anyMessageDecodesToItselfFromAnySlicing(@ForAll("messages") Message message, @ForAll("cuts") List<Integer> cuts) {
    byte[] bytes = MessageEncoder.encode(message);
    assertThat(feedInSlices(new MessageDecoder(message.direction()), bytes, cuts)).containsExactly(message);
  }

  @Property
  void breezysVectorsDecodeTheSameFromAnySlicing(@ForAll("cuts") List<Integer> cuts) {
    for (WireVectors vector : WireVectors.all()) {
      List<Message> whole = new MessageDecoder(vector.direction()).feed(vector.bytes());
      assertThat(feedInSlices(new MessageDecoder(vector.direction()), vector.bytes(), cuts)).isEqualTo(whole);
    }
  }

  @Property
  void consecutiveMessagesComeOutInOrder(
      @ForAll("requestSequences") List<Message> messages, @ForAll("cuts") List<Integer> cuts) {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    messages.forEach(m -> stream.writeBytes(MessageEncoder.encode(m)));
    assertThat(feedInSlices(new MessageDecoder(Direction.REQUEST), stream.toByteArray(), cuts))
        .containsExactlyElementsOf(messages);
  }

  @Property
  void layoutLengthIsTheEncodedLength(@ForAll("messages") Message message) {
    assertThat(MessageEncoder.layout(message).length()).isEqualTo(MessageEncoder.encode(message).length);
  }

  @Property
  void noPrefixOfAMessageYieldsIt(@ForAll("messages") Message message, @ForAll @IntRange(min = 0, max = 10_000) int cut) {
    byte[] bytes = MessageEncoder.encode(message);
    int k = cut % bytes.length;
    MessageDecoder decoder = new MessageDecoder(message.direction());
    assertThat(decoder.feed(bytes, 0, k)).isEmpty();
    assertThat(decoder.inMessage()).isEqualTo(k > 0);
  }

  /** Feeds {@code bytes} cut at the given sizes (cycled), so slices are of 1 byte up to 64. */
  private static List<Message> feedInSlices(MessageDecoder decoder, byte[] bytes, List<Integer> cuts) {
    List<Message> out = new ArrayList<>();
    int at = 0;
    int i = 0;
    while (at < bytes.length) {
      int size = Math.min(cuts.get(i++ % cuts.size()), bytes.length - at);
      out.addAll(decoder.feed(bytes, at, size));
      at += size;
    }
    return out;
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.oneOf(Arbitraries.just(List.of(1)), Arbitraries.integers().between(1, 64).list().ofMinSize(1).ofMaxSize(20));
  }

  @Provide
  Arbitrary<Message> messages() {
    return Arbitraries.oneOf(requests(), responses());
  }

  @Provide
  Arbitrary<List<Message>> requestSequences() {
    return requests().list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<Message> requests() {
    return Combinators.combine(headers(), verb(), strings().list().ofMaxSize(4), strings().list().ofMaxSize(4))
        .as((headers, verb, args, chunks) -> {
          List<BValue> all = new ArrayList<>();
          all.add(verb);
          all.addAll(args);
          return Message.request(new BList(all), chunks).withHeaders(headers);
        });
  }

  @Provide
  Arbitrary<Message> responses() {
    Arbitrary<Message> plain = Combinators.combine(headers(), Arbitraries.of(Status.class), values().list().ofMaxSize(4),
            strings().list().ofMaxSize(4))
        .as((headers, status, args, chunks) -> Message.response(headers, status, new BList(args), chunks));
    Arbitrary<Message> failedStream = Combinators.combine(headers(), strings().list().ofMinSize(1).ofMaxSize(3),
            strings().list().ofMinSize(1).ofMaxSize(3))
        .as((headers, chunks, error) -> {
          List<Part> parts = new ArrayList<>();
          parts.add(new Part.StatusByte(Status.SUCCESS));
          parts.add(new Part.Args(BList.ofStrings("ok")));
          chunks.forEach(c -> parts.add(new Part.Body(c)));
          parts.add(new Part.StatusByte(Status.ERROR));
          parts.add(new Part.Args(new BList(new ArrayList<>(error))));
          return new Message(Direction.RESPONSE, headers, parts);
        });
    return Arbitraries.oneOf(plain, failedStream);
  }

  private Arbitrary<ByteString> verb() {
    return Arbitraries.of("hello", "get", "put", "insert_stream", "Branch.lock_write").map(ByteString::of);
  }

  private Arbitrary<ByteString> strings() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(80).map(ByteString::of);
  }

  private Arbitrary<BValue> values() {
    return Arbitraries.oneOf(strings().map(s -> s), Arbitraries.longs().map(BInt::new),
        strings().list().ofMaxSize(3).map(l -> new BList(new ArrayList<>(l))));
  }

  private Arbitrary<BDict> headers() {
    return Arbitraries.maps(strings(), strings()).ofMaxSize(3).map(m -> BDict.of(new TreeMap<ByteString, BValue>(Map.copyOf(m))));
  }
}
