package dev.cutpoint.client;

import dev.cutpoint.wire.BList;
import dev.cutpoint.wire.ByteString;
import java.util.List;

/**
 * A successful response: the response tuple and the body (one chunk for a plain body, several
 * for a stream, none for no body).
 */
public record Response(BList args, List<ByteString> bodyChunks) {

  public Response {
    bodyChunks = List.copyOf(bodyChunks);
  }

  /** The body chunks joined. */
  public ByteString body() {
    return ByteString.concat(bodyChunks);
  }

  /** Item {@code index} of the response tuple, decoded as UTF-8. */
  public String arg(int index) {
    return args.bytes(index).utf8();
  }
}
