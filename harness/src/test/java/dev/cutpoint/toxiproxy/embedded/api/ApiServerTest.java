package dev.cutpoint.toxiproxy.embedded.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API's HTTP/1.1 server, spoken to byte by byte as curl, Go and Java clients speak. */
class ApiServerTest {

  private ApiServer server;
  private Socket socket;

  /** The thread that closes the server in {@link #closingWaitsForTheCallsInProgress}. */
  private volatile Thread closer;
  private final AtomicInteger order = new AtomicInteger();
  private final AtomicInteger callEnded = new AtomicInteger();
  private final CountDownLatch slowCallBegun = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    // says what it got; reads the body only when asked to by the path
    server = ApiServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        (method, path, agent, body) -> {
          if (path.equals("/slow")) {
            slowCallBegun.countDown();
            awaitTheCloserWaitingForThisCall();
            callEnded.set(order.incrementAndGet());
          }
          String read = path.startsWith("/ignore") ? "-" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
          return Reply.text(200, method + " " + path + " " + agent.orElse("none") + " [" + read + "]");
        });
    socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort());
    socket.setSoTimeout(10_000);
  }

  @AfterEach
  void stop() throws IOException {
    socket.close();
    server.close();
  }

  @Test
  void aKeptAliveConnectionServesRequestsSentTogetherInOrder() throws IOException {
    send("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nUser-Agent: t\r\n\r\nabc"
        + "GET /b%20c HTTP/1.1\r\nHost: x\r\n\r\n");

    assertThat(response()).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 15\r\n")
        .endsWith("\r\n\r\nPOST /a t [abc]");
    assertThat(response()).endsWith("GET /b c none []").doesNotContain("Connection: close");
  }

  @Test
  void aChunkedBodyIsReadWholeWithItsExtensionsAndTrailersDropped() throws IOException {
    send("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "4;x=y\r\nwiki\r\n5\r\npedia\r\n0\r\nExpires: never\r\n\r\n"
        + "GET /next HTTP/1.1\r\n\r\n");

    assertThat(response()).endsWith("POST /a none [wikipedia]");
    assertThat(response()).endsWith("GET /next none []");
  }

  @Test
  void aClientThatExpectsContinueIsToldToGoOnBeforeItSendsTheBody() throws IOException {
    send("PUT /a HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");

    assertThat(head()).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
    send("ok");
    assertThat(response()).endsWith("PUT /a none [ok]");
  }

  @Test
  void aBodyTheHandlerLeftUnreadIsSkippedForTheNextRequest() throws IOException {
    send("POST /ignore HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"
        + "GET /after HTTP/1.1\r\n\r\n");

    assertThat(response()).endsWith("POST /ignore none [-]");
    assertThat(response()).endsWith("GET /after none []");
  }

  @Test
  void http10AndConnectionCloseEndTheConnectionAfterTheAnswer() throws IOException {
    send("GET /old HTTP/1.0\r\n\r\n");

    assertThat(response()).contains("Connection: close\r\n").endsWith("GET /old none []");
    assertThat(socket.getInputStream().read()).as("closed by the server").isEqualTo(-1);
  }

  @Test
  void anHttp10ClientThatAsksForKeepAliveKeepsItsConnection() throws IOException {
    send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /b HTTP/1.1\r\nConnection: close\r\n\r\n");

    assertThat(response()).doesNotContain("Connection: close").endsWith("GET /a none []");
    assertThat(response()).contains("Connection: close\r\n").endsWith("GET /b none []");
    assertThat(socket.getInputStream().read()).isEqualTo(-1);
  }

  @Test
  void aHeadAnswerHasTheLengthButNoBody() throws IOException {
    send("HEAD /h HTTP/1.1\r\n\r\nGET /g HTTP/1.1\r\n\r\n");

    assertThat(head()).contains("Content-Length: 15\r\n");
    assertThat(response()).as("the next answer follows the head at once").endsWith("GET /g none []");
  }

  @Test
  void whatCannotBeReadIsA400AndTheConnectionCloses() throws IOException {
    for (String bad : new String[] {
        "GARBAGE\r\n\r\n",
        "GET / HTTP/2.0\r\n\r\n",
        "GET / HTTP/1.1\r\nno colon here\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: -3\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
        "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}x\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length : 2\r\n\r\nab",
        "GET /a%zz HTTP/1.1\r\n\r\n"}) {
      try (Socket one = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
        one.setSoTimeout(10_000);
        one.getOutputStream().write(bad.getBytes(StandardCharsets.ISO_8859_1));

        String answer = new String(one.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

        assertThat(answer).as(bad).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Connection: close\r\n");
      }
    }
  }

  @Test
  void aHeadLargerThanItsBoundIsA431() throws IOException {
    send("GET / HTTP/1.1\r\nX-Big: " + "a".repeat(ApiServer.MAX_HEAD_BYTES) + "\r\n\r\n");

    assertThat(response()).startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n");
  }

  @Test
  void aClientThatExpectsContinueIsNotToldToGoOnWhenTheAnswerNeedsNoBody() throws IOException {
    send("POST /ignore HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 5000000\r\n\r\n");

    assertThat(response()).as("no 100 first").startsWith("HTTP/1.1 200 OK\r\n")
        .contains("Connection: close\r\n").endsWith("POST /ignore none [-]");
  }

  @Test
  void anHttp10ClientIsNeverToldToContinue() throws IOException {
    send("POST /a HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok");

    assertThat(response()).startsWith("HTTP/1.1 200 OK\r\n").endsWith("POST /a none [ok]");
  }

  @Test
  void aTargetIsPercentDecodedAndMayHoldWhatAUriMayNot() throws IOException {
    send("GET /proxies/a|b%7Cc%C3%A9?x=1 HTTP/1.1\r\n\r\nGET http://h:1/abs HTTP/1.1\r\n\r\n");

    assertThat(response()).endsWith("GET /proxies/a|b|c\u00e9 none []");
    assertThat(response()).endsWith("GET /abs none []");
  }

  @Test
  void closingWaitsForTheCallsInProgress() throws Exception {
    send("GET /slow HTTP/1.1\r\n\r\n");
    assertThat(slowCallBegun.await(30, TimeUnit.SECONDS)).as("the call began").isTrue();
    AtomicInteger closeReturned = new AtomicInteger();
    closer = new Thread(() -> {
      server.close();
      closeReturned.set(order.incrementAndGet());
    }, "closer");

    closer.start();
    closer.join(30_000);

    assertThat(closer.isAlive()).isFalse();
    assertThat(callEnded.get()).as("the call ended before the close returned")
        .isPositive().isLessThan(closeReturned.get());
  }

  /**
   * Holds a call until the closing thread waits for it, or has ended: were the close not to wait,
   * the call would end after it.
   */
  private void awaitTheCloserWaitingForThisCall() {
    while (true) {
      Thread waiting = closer;
      if (waiting != null && (waiting.getState() == Thread.State.TERMINATED
          || String.valueOf(LockSupport.getBlocker(waiting)).contains("Phaser"))) {
        return;
      }
      Thread.onSpinWait();
    }
  }

  @Test
  void closingFreesThePortAndEndsTheConnections() throws IOException {
    send("GET /a HTTP/1.1\r\n\r\n");
    assertThat(response()).endsWith("GET /a none []");
    int port = server.address().getPort();

    server.close();

    assertThat(socket.getInputStream().read()).as("the kept-alive connection was closed").isEqualTo(-1);
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .isInstanceOf(ConnectException.class);
  }

  private void send(String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** A status line and headers, up to the blank line. */
  private String head() throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("the connection ended in a head: " + head);
      }
      head.write(c);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  /** One whole answer: its head and the Content-Length bytes after it, in UTF-8. */
  private String response() throws IOException {
    String head = head();
    int at = head.indexOf("Content-Length: ");
    int length = Integer.parseInt(head.substring(at + 16, head.indexOf("\r\n", at)));
    return head + new String(socket.getInputStream().readNBytes(length), StandardCharsets.UTF_8);
  }
}
