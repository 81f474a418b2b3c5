package dev.cutpoint.client;

import dev.cutpoint.wire.BList;
import dev.cutpoint.wire.ByteString;
import dev.cutpoint.wire.Direction;
import dev.cutpoint.wire.Message;
import dev.cutpoint.wire.MessageDecoder;
import dev.cutpoint.wire.MessageEncoder;
import dev.cutpoint.wire.Part;
import dev.cutpoint.wire.ProtocolError;
import dev.cutpoint.wire.Status;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One call: Breezy's {@code _SmartClientRequest}. Sends the request, reads the whole response,
 * and after a lost connection asks the {@link RetryPolicy} whether to resend on a new one. Every
 * attempt is reported to the listener as it ends.
 *
 * <p>Where this departs from Breezy 3.3.2, on purpose: the read phase covers the whole response
 * (Breezy's resend covers only the response tuple, so a cut inside a body is never resent); the
 * resend limit counts resends, not phases (Breezy can send three times: once more after a write
 * failure, and again after a read failure of that resend); every wait is bounded.
 */
final class SmartRequest {

  private final SocketMedium medium;
  private final ClientOptions options;
  private final AttemptListener listener;
  private final Request request;

  SmartRequest(SocketMedium medium, ClientOptions options, AttemptListener listener, Request request) {
    this.medium = medium;
    this.options = options;
    this.listener = listener;
    this.request = request;
  }

  Response call() throws CallFailed {
    List<Exception> earlier = new ArrayList<>();
    boolean mayHaveExecuted = false;
    for (int number = 1; ; number++) {
      Exchange exchange = new Exchange(number);
      Message response;
      try {
        response = exchange.run();
      } catch (IOException lost) {
        medium.reset();
        mayHaveExecuted |= exchange.writeCompleted;
        RetryDecision decision = decide(exchange, lost);
        listener.attempted(exchange.failed(lost, Optional.of(decision)));
        if (!decision.resend()) {
          throw withEarlier(failure(exchange, lost, decision, mayHaveExecuted), earlier);
        }
        earlier.add(lost);
        continue;
      } catch (ProtocolError malformed) {
        medium.reset();
        listener.attempted(exchange.failed(malformed, Optional.empty()));
        throw withEarlier(malformed, earlier);
      } catch (RuntimeException streamBroke) {
        // the caller's body stream failed; the request was aborted, nothing to resend
        medium.reset();
        listener.attempted(exchange.failed(streamBroke, Optional.empty()));
        throw withEarlier(streamBroke, earlier);
      }
      listener.attempted(exchange.answered(response));
      if (!response.isSuccess()) {
        throw withEarlier(new RemoteError(request.verb(), errorArgs(response)), earlier);
      }
      return new Response(response.args(), response.bodyChunks());
    }
  }

  private RetryDecision decide(Exchange exchange, IOException lost) {
    if (Thread.currentThread().isInterrupted()) {
      return RetryDecision.because(RetryReason.INTERRUPTED);
    }
    return options
        .policy()
        .decide(
            new AttemptFailure(
                request.verbClass(),
                exchange.site,
                lost instanceof SocketTimeoutException,
                streamStarted(),
                exchange.number,
                options.noRetry()));
  }

  private boolean streamStarted() {
    return request.body() instanceof RequestBody.Stream s && s.stream().started();
  }

  private CallFailed failure(
      Exchange exchange, IOException lost, RetryDecision decision, boolean mayHaveExecuted) {
    if (lost instanceof SocketTimeoutException && options.timeout().isPresent()) {
      return new CallTimeout(
          request.verb(), exchange.site, mayHaveExecuted, options.timeout().get(), lost);
    }
    if (decision.reason() == RetryReason.STREAM_STARTED
        && request.body() instanceof RequestBody.Stream s) {
      return new StreamNotRestartable(
          request.verb(), exchange.site, mayHaveExecuted, s.stream().chunksTaken(), lost);
    }
    return new ConnectionLost(request.verb(), exchange.site, mayHaveExecuted, decision.reason(), lost);
  }

  private static <E extends Exception> E withEarlier(E last, List<Exception> earlier) {
    earlier.forEach(last::addSuppressed);
    return last;
  }

  /** The error tuple: after {@code oE} up front, or after the {@code oE} that ended a body stream. */
  private static BList errorArgs(Message response) {
    return response.status().orElse(Status.ERROR) == Status.ERROR
        ? response.args()
        : response.bodyError().orElseThrow();
  }

  /** One attempt on one connection, and what it got done before it ended. */
  private final class Exchange {
    final int number;
    FailureSite site = FailureSite.CONNECT;
    OptionalLong connectionId = OptionalLong.empty();
    boolean reusedConnection;
    boolean writeCompleted;
    long bytesRead;
    int chunksBefore;
    RequestWriter out;

    Exchange(int number) {
      this.number = number;
    }

    Message run() throws IOException {
      reusedConnection = medium.connected();
      chunksBefore = chunksTaken();
      Connection connection = medium.connection();
      connectionId = OptionalLong.of(connection.id());
      site = FailureSite.WRITE;
      out = new RequestWriter(medium);
      write();
      writeCompleted = true;
      site = FailureSite.READ;
      return read();
    }

    /** As Breezy's {@code ProtocolThreeRequester.call*}: pieces buffered, flushed at the end. */
    private void write() throws IOException {
      out.write(MessageEncoder.preamble(options.headers()));
      out.write(MessageEncoder.part(new Part.Args(request.wireArgs())));
      if (request.body() instanceof RequestBody.Bytes body) {
        out.writeBody(body.bytes());
      } else if (request.body() instanceof RequestBody.Stream stream) {
        writeStream(stream.stream());
      }
      out.write(MessageEncoder.end());
      out.flush();
    }

    /**
     * Breezy flushes before taking the first chunk, "to provoke any ConnectionReset failures
     * before we start the body stream"; a flush into socket buffers rarely fails, so this also
     * looks, without waiting, whether the server has already closed the connection.
     */
    private void writeStream(BodyStream stream) throws IOException {
      out.flush();
      medium.checkNotClosed();
      Optional<ByteString> chunk;
      while ((chunk = takeChunk(stream)).isPresent()) {
        out.writeBody(chunk.get());
        out.flush();
      }
    }

    /**
     * The stream's next chunk. If the stream itself fails, abort the request as Breezy does
     * ({@code oE}, the arguments {@code ('error',)}, {@code e}), drop the connection, whose
     * reply nobody will read, and let the stream's failure through.
     */
    private Optional<ByteString> takeChunk(BodyStream stream) throws IOException {
      try {
        return stream.next();
      } catch (RuntimeException broken) {
        try {
          out.write(MessageEncoder.part(new Part.StatusByte(Status.ERROR)));
          out.write(MessageEncoder.part(new Part.Args(BList.ofStrings("error"))));
          out.write(MessageEncoder.end());
          out.flush();
        } catch (IOException alsoLost) {
          broken.addSuppressed(alsoLost);
        }
        medium.reset();
        throw broken;
      }
    }

    private Message read() throws IOException {
      MessageDecoder decoder = new MessageDecoder(Direction.RESPONSE, options.maxResponseSize());
      ByteBuffer buffer = medium.readBuffer();
      while (true) {
        buffer.clear();
        int count = medium.read(buffer);
        if (count < 0) {
          throw new EOFException(
              "the server closed the connection after " + bytesRead + " response bytes");
        }
        bytesRead += count;
        List<Message> complete = decoder.feed(buffer.array(), 0, count);
        if (!complete.isEmpty()) {
          if (complete.size() > 1 || decoder.inMessage()) {
            throw new ProtocolError(
                ProtocolError.Kind.TRAILING_DATA,
                bytesRead,
                "the server sent more than one response to one request");
          }
          return complete.get(0);
        }
      }
    }

    private int chunksTaken() {
      return request.body() instanceof RequestBody.Stream s ? s.stream().chunksTaken() : 0;
    }

    Attempt answered(Message response) {
      return attempt(Optional.of(response), Optional.empty(), Optional.empty(), Optional.empty());
    }

    Attempt failed(Exception error, Optional<RetryDecision> decision) {
      return attempt(Optional.empty(), Optional.of(site), Optional.of(error), decision);
    }

    private Attempt attempt(
        Optional<Message> response,
        Optional<FailureSite> failedAt,
        Optional<Exception> error,
        Optional<RetryDecision> decision) {
      return new Attempt(
          request.verb(),
          number,
          connectionId,
          reusedConnection,
          out == null ? 0 : out.written(),
          writeCompleted,
          streamStarted(),
          chunksTaken() - chunksBefore,
          bytesRead,
          response,
          failedAt,
          error,
          decision);
    }
  }
}
