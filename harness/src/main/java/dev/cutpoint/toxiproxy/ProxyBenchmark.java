package dev.cutpoint.toxiproxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a proxy costs (SPEC §10), measured beside a direct connection in the same run: the
 * round trip of a 64-byte exchange, bulk throughput one way, and a toxic add+remove through
 * toxiproxy-java. Direct and proxied samples are taken in alternating blocks, so that a machine
 * busy with other work skews both alike.
 */
public final class ProxyBenchmark {

  /**
   * How much to measure. {@code toxicWarmUp} toxic calls come first: enough for the JIT to compile
   * the API's JSON paths, as it will have in a long matrix run.
   */
  public record Settings(int roundTrips, long bulkBytes, int toxicCycles, int toxicWarmUp) {
    public static Settings defaults() {
      return new Settings(20_000, 256L << 20, 2_000, 5_000);
    }
  }

  /** Percentiles of a set of samples, in nanoseconds. */
  public record Stats(long p50, long p99, int samples) {
    static Stats of(long[] nanos) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      return new Stats(
          sorted[sorted.length / 2],
          sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))],
          sorted.length);
    }
  }

  /** One run's figures. */
  public record Figures(
      String provider,
      Stats directRoundTrip,
      Stats proxiedRoundTrip,
      double directBytesPerSecond,
      double proxiedBytesPerSecond,
      long bulkBytes,
      int toxicWarmUp,
      Stats toxicOnIdleProxy,
      Stats toxicOnLiveLink) {

    public long addedRoundTripNanos() {
      return proxiedRoundTrip.p50() - directRoundTrip.p50();
    }

    public double throughputRatio() {
      return proxiedBytesPerSecond / directBytesPerSecond;
    }

    /** The figures as printed by {@code cutpoint bench proxy}. */
    public List<String> lines() {
      return List.of(
          "provider: " + provider,
          String.format(
              "round trip, 64 B x %d: direct p50 %.1f us p99 %.1f us | proxied p50 %.1f us p99 %.1f us"
                  + " | added p50 %.1f us (target < 50 us)",
              directRoundTrip.samples(),
              micros(directRoundTrip.p50()),
              micros(directRoundTrip.p99()),
              micros(proxiedRoundTrip.p50()),
              micros(proxiedRoundTrip.p99()),
              micros(addedRoundTripNanos())),
          String.format(
              "bulk, %d MiB one way, median of 5: direct %.0f MB/s | proxied %.0f MB/s | ratio %.2f (target >= 0.6)",
              bulkBytes >> 20,
              directBytesPerSecond / 1e6,
              proxiedBytesPerSecond / 1e6,
              throughputRatio()),
          String.format(
              "toxic add+remove via toxiproxy-java x %d, after %d to warm up: idle proxy p50 %.3f ms p99 %.3f ms"
                  + " | proxy with a live link p50 %.3f ms p99 %.3f ms (target < 0.25 ms)",
              toxicOnIdleProxy.samples(),
              toxicWarmUp,
              toxicOnIdleProxy.p50() / 1e6,
              toxicOnIdleProxy.p99() / 1e6,
              toxicOnLiveLink.p50() / 1e6,
              toxicOnLiveLink.p99() / 1e6));
    }

    private static double micros(long nanos) {
      return nanos / 1e3;
    }
  }

  private static final int MESSAGE = 64;
  private static final int BLOCKS = 10;
  private static final int WRITE = 64 * 1024;
  private static final int BULK_RUNS = 5;

  private ProxyBenchmark() {}

  public static Figures run(ToxiproxyProvider toxiproxy, Settings settings) throws IOException {
    try (Services services = new Services()) {
      Proxy echo = toxiproxy.createProxy("bench-echo-" + System.nanoTime(), services.echoPort());
      Proxy sink = toxiproxy.createProxy("bench-sink-" + System.nanoTime(), services.sinkPort());
      try {
        InetSocketAddress directEcho = services.echo();
        InetSocketAddress proxiedEcho = toxiproxy.endpoint(echo);
        long[][] roundTrips = roundTrips(directEcho, proxiedEcho, settings.roundTrips());
        double[] bulk = bulk(services.sink(), toxiproxy.endpoint(sink), settings.bulkBytes());
        Stats idle = toxicCycles(echo, settings.toxicWarmUp(), settings.toxicCycles());
        Stats live;
        try (Socket link = open(proxiedEcho)) {
          roundTrip(link, new byte[MESSAGE]); // the link is up before the toxic comes
          live = toxicCycles(echo, 0, settings.toxicCycles());
        }
        return new Figures(
            toxiproxy.description(),
            Stats.of(roundTrips[0]),
            Stats.of(roundTrips[1]),
            bulk[0],
            bulk[1],
            settings.bulkBytes(),
            settings.toxicWarmUp(),
            idle,
            live);
      } finally {
        echo.delete();
        sink.delete();
      }
    }
  }

  /** [direct, proxied] round-trip times, after a warm-up of a fifth as many. */
  private static long[][] roundTrips(InetSocketAddress direct, InetSocketAddress proxied, int count)
      throws IOException {
    long[][] samples = new long[2][count - count % BLOCKS];
    int block = count / BLOCKS;
    try (Socket d = open(direct);
        Socket p = open(proxied)) {
      byte[] message = new byte[MESSAGE];
      for (int i = 0; i < count / 5; i++) {
        roundTrip(d, message);
        roundTrip(p, message);
      }
      for (int b = 0; b < BLOCKS; b++) {
        for (int i = 0; i < block; i++) {
          samples[0][b * block + i] = roundTrip(d, message);
        }
        for (int i = 0; i < block; i++) {
          samples[1][b * block + i] = roundTrip(p, message);
        }
      }
    }
    return samples;
  }

  private static long roundTrip(Socket socket, byte[] message) throws IOException {
    long start = System.nanoTime();
    socket.getOutputStream().write(message);
    if (socket.getInputStream().readNBytes(message, 0, message.length) < message.length) {
      throw new IOException("the echo ended early");
    }
    return System.nanoTime() - start;
  }

  /** [direct, proxied] bytes per second: the median of five alternating runs each, after a warm-up. */
  private static double[] bulk(InetSocketAddress direct, InetSocketAddress proxied, long bytes)
      throws IOException {
    double[][] runs = new double[2][BULK_RUNS];
    sendBulk(direct, bytes / 4);
    sendBulk(proxied, bytes / 4);
    for (int run = 0; run < BULK_RUNS; run++) {
      runs[0][run] = sendBulk(direct, bytes);
      runs[1][run] = sendBulk(proxied, bytes);
    }
    Arrays.sort(runs[0]);
    Arrays.sort(runs[1]);
    return new double[] {runs[0][BULK_RUNS / 2], runs[1][BULK_RUNS / 2]};
  }

  /** Announces the size, sends it, and waits for the sink's one-byte receipt. */
  private static double sendBulk(InetSocketAddress sink, long bytes) throws IOException {
    try (Socket socket = open(sink)) {
      byte[] block = new byte[WRITE];
      OutputStream out = socket.getOutputStream();
      long start = System.nanoTime();
      out.write(longBytes(bytes));
      for (long sent = 0; sent < bytes; sent += WRITE) {
        out.write(block, 0, (int) Math.min(WRITE, bytes - sent));
      }
      if (socket.getInputStream().read() < 0) {
        throw new IOException("the sink ended before its receipt");
      }
      return bytes / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static Stats toxicCycles(Proxy proxy, int warmUp, int cycles) throws IOException {
    for (int i = 0; i < warmUp; i++) {
      proxy.toxics().latency("bench", ToxicDirection.DOWNSTREAM, 0).remove();
    }
    long[] samples = new long[cycles];
    for (int i = 0; i < cycles; i++) {
      long start = System.nanoTime();
      proxy.toxics().latency("bench", ToxicDirection.DOWNSTREAM, 0).remove();
      samples[i] = System.nanoTime() - start;
    }
    return Stats.of(samples);
  }

  private static Socket open(InetSocketAddress address) throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(address, 5_000);
    socket.setSoTimeout(30_000);
    return socket;
  }

  private static byte[] longBytes(long value) {
    byte[] bytes = new byte[8];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (value >>> (56 - 8 * i));
    }
    return bytes;
  }

  /** The upstream services: a 64-byte echo and a sink that acknowledges a announced size. */
  private static final class Services implements AutoCloseable {
    private final ServerSocket echo = listen();
    private final ServerSocket sink = listen();
    private final List<Socket> accepted = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    Services() {
      serve(echo, Services::echo);
      serve(sink, Services::sink);
    }

    int echoPort() {
      return echo.getLocalPort();
    }

    int sinkPort() {
      return sink.getLocalPort();
    }

    InetSocketAddress echo() {
      return new InetSocketAddress(InetAddress.getLoopbackAddress(), echoPort());
    }

    InetSocketAddress sink() {
      return new InetSocketAddress(InetAddress.getLoopbackAddress(), sinkPort());
    }

    private interface Handler {
      void handle(Socket socket) throws IOException;
    }

    private void serve(ServerSocket server, Handler handler) {
      start(() -> {
        while (true) {
          Socket socket;
          try {
            socket = server.accept();
            socket.setTcpNoDelay(true);
          } catch (IOException closed) {
            return;
          }
          synchronized (accepted) {
            accepted.add(socket);
          }
          start(() -> {
            try (socket) {
              handler.handle(socket);
            } catch (IOException ended) {
              // the benchmark closed it
            }
          });
        }
      });
    }

    private void start(Runnable task) {
      Thread thread = new Thread(task, "bench-service");
      thread.setDaemon(true);
      synchronized (threads) {
        threads.add(thread);
      }
      thread.start();
    }

    private static void echo(Socket socket) throws IOException {
      byte[] buffer = new byte[MESSAGE];
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
      }
    }

    private static void sink(Socket socket) throws IOException {
      InputStream in = socket.getInputStream();
      byte[] header = in.readNBytes(8);
      if (header.length < 8) {
        return;
      }
      long expected = 0;
      for (byte b : header) {
        expected = (expected << 8) | (b & 0xff);
      }
      byte[] buffer = new byte[WRITE];
      for (long got = 0; got < expected; ) {
        int n = in.read(buffer);
        if (n < 0) {
          return;
        }
        got += n;
      }
      socket.getOutputStream().write(1);
    }

    private static ServerSocket listen() {
      try {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        throw new IllegalStateException("no loopback port for the benchmark", e);
      }
    }

    @Override
    public void close() throws IOException {
      echo.close();
      sink.close();
      synchronized (accepted) {
        for (Socket socket : accepted) {
          socket.close();
        }
      }
      List<Thread> all;
      synchronized (threads) {
        all = List.copyOf(threads);
      }
      for (Thread thread : all) {
        try {
          thread.join(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
