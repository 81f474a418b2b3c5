package dev.cutpoint.drive.breezy;

import dev.cutpoint.history.Request;
import java.util.Map;

/**
 * A client wrote other bytes for a request than the harness computed from the headers its hello
 * named (docs/driver-protocol.md, "The request's bytes"): a cut planned at byte k would fall
 * elsewhere, and the reference server's journal would not find the request by its hash. The
 * harness's failure to run the case, in one line naming the request; never a verdict on the
 * client's behaviour under faults.
 */
public final class RequestBytesMismatch extends BreezyException {

  RequestBytesMismatch(String client, Request request, int attempt, long written, boolean whole,
      Map<String, String> headers) {
    super(client + " wrote " + written + " bytes " + (whole ? "as the whole of" : "of")
        + " request " + request.index() + " (" + request.verb() + ") in attempt " + attempt
        + ", the harness computed " + request.encodedLength() + " from the headers " + headers
        + " of its hello: it must send exactly the v3 message of docs/driver-protocol.md");
  }
}
