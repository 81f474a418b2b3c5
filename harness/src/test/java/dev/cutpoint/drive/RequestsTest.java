package dev.cutpoint.drive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.history.Digest;
import dev.cutpoint.history.Request;
import dev.cutpoint.verbs.VerbClass;
import dev.cutpoint.wire.BList;
import dev.cutpoint.wire.Message;
import dev.cutpoint.wire.MessageEncoder;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RequestsTest {

  /** A recorded request's length and hash are those of the bytes the encoder makes of it. */
  @Property(tries = 60)
  void aRequestIsSizedAndHashedAsItsEncodingIs(@ForAll("drafts") RequestDraft draft) {
    Request recorded = Requests.recorded(3, draft);
    byte[] encoded = encoded(recorded);
    assertThat(recorded.encodedLength()).isEqualTo(encoded.length);
    assertThat(recorded.hash()).isEqualTo(Digest.hashHex(encoded));
  }

  @Test
  void aStreamOfMegabyteRecordsAndALiteralBodyAreSizedAsEncoded() {
    List<RequestDraft> drafts = List.of(
        RequestDraft.stream("t9", List.of("d/f1", "f0", "ü/é"), List.of(3 * 1024 * 1024 + 7, 16, 70_000)),
        RequestDraft.withText("readv", VerbClass.READ, "0,3\n5,9", "f0"),
        RequestDraft.withPayload("append", VerbClass.MUTATE, "t2", 2 * 1024 * 1024, "d/f1", ""),
        RequestDraft.plain("has", VerbClass.READ, "d"));
    for (RequestDraft draft : drafts) {
      Request recorded = Requests.recorded(0, draft);
      byte[] encoded = encoded(recorded);
      assertThat(recorded.encodedLength()).as(draft.verb()).isEqualTo(encoded.length);
      assertThat(recorded.hash()).as(draft.verb()).isEqualTo(Digest.hashHex(encoded));
    }
  }

  @Provide
  Arbitrary<RequestDraft> drafts() {
    return Arbitraries.of(VerbClass.values()).flatMap(c -> Workload.request(c, "k7"));
  }

  private static byte[] encoded(Request request) {
    List<String> args = new ArrayList<>();
    args.add(request.verb());
    args.addAll(request.args());
    return MessageEncoder.encode(
        Message.request(BList.ofStrings(args.toArray(String[]::new)), Requests.chunks(request.body())));
  }
}
