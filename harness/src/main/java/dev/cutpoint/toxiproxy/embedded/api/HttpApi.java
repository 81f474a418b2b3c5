package dev.cutpoint.toxiproxy.embedded.api;

import dev.cutpoint.toxiproxy.embedded.Proxy;
import dev.cutpoint.toxiproxy.embedded.ProxyConfig;
import dev.cutpoint.toxiproxy.embedded.ProxyRegistry;
import dev.cutpoint.toxiproxy.embedded.ToxiproxyException;
import dev.cutpoint.toxiproxy.embedded.ToxiproxyException.Reason;
import dev.cutpoint.toxiproxy.embedded.api.ApiJson.ToxicHead;
import dev.cutpoint.toxiproxy.embedded.toxic.ToxicDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Toxiproxy's HTTP API (api.go's routes) over {@link ApiServer}. It only translates: requests to
 * calls on the {@link ProxyRegistry}, results and {@link ToxiproxyException}s to Toxiproxy's JSON
 * and status codes. Sockets are the registry's business.
 */
public final class HttpApi implements AutoCloseable {

  private static final int MAX_BODY_BYTES = 1 << 20;
  private static final Set<String> UPDATE = Set.of("POST", "PATCH");

  private final ProxyRegistry registry;
  private final String version;
  private final ApiJson json = new ApiJson();
  private final ApiServer server;

  private HttpApi(InetSocketAddress address, ProxyRegistry registry, String version) throws IOException {
    this.registry = registry;
    this.version = version;
    // last: the server may call the handler as soon as it starts
    this.server = ApiServer.start(address, this::handle);
  }

  /** Listens on {@code address} (port 0: any free port, see {@link #address()}). */
  public static HttpApi start(InetSocketAddress address, ProxyRegistry registry, String version)
      throws IOException {
    return new HttpApi(address, registry, version);
  }

  public InetSocketAddress address() {
    return server.address();
  }

  @Override
  public void close() {
    server.close();
  }

  private Reply handle(String method, String rawPath, Optional<String> agent, InputStream body)
      throws IOException {
    try {
      return answer(method, rawPath, agent, body);
    } catch (ToxiproxyException e) {
      return Reply.error(e.status(), json.error(e));
    }
  }

  private Reply answer(String method, String rawPath, Optional<String> agent, InputStream body)
      throws ToxiproxyException, IOException {
    if (agent.filter(a -> a.startsWith("Mozilla/")).isPresent()) {
      return Reply.text(403, "User agent not allowed\n");
    }
    List<String> path = segments(rawPath).orElse(List.of());
    Request request = new Request(method, body);
    if (path.equals(List.of("version"))) {
      return request.only("GET", this::version);
    }
    if (path.equals(List.of("reset"))) {
      return request.only("POST", this::reset);
    }
    if (path.equals(List.of("populate"))) {
      return request.only("POST", () -> populate(request.body()));
    }
    if (path.isEmpty() || !path.get(0).equals("proxies")) {
      return notFound();
    }
    switch (path.size()) {
      case 1:
        return switch (method) {
          case "GET" -> Reply.json(200, json.proxies(registry.all()));
          case "POST" -> createProxy(request.body());
          default -> methodNotAllowed();
        };
      case 2:
        String proxy = path.get(1);
        return switch (method) {
          case "GET" -> Reply.json(200, json.proxy(registry.get(proxy)));
          case "POST", "PATCH" -> updateProxy(proxy, request.body());
          case "DELETE" -> deleteProxy(proxy);
          default -> methodNotAllowed();
        };
      case 3:
        if (!path.get(2).equals("toxics")) {
          return notFound();
        }
        return switch (method) {
          case "GET" -> Reply.json(200, json.toxics(registry.get(path.get(1)).toxics().all()));
          case "POST" -> createToxic(path.get(1), request.body());
          default -> methodNotAllowed();
        };
      case 4:
        if (!path.get(2).equals("toxics")) {
          return notFound();
        }
        String owner = path.get(1);
        String toxic = path.get(3);
        if (UPDATE.contains(method)) {
          return updateToxic(owner, toxic, request.body());
        }
        return switch (method) {
          case "GET" -> showToxic(owner, toxic);
          case "DELETE" -> deleteToxic(owner, toxic);
          default -> methodNotAllowed();
        };
      default:
        return notFound();
    }
  }

  private Reply version() {
    String body = "{\"version\": \"" + version + "\"}\n";
    return new Reply(200, "application/json;charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  private Reply reset() throws ToxiproxyException {
    registry.reset();
    return Reply.noContent();
  }

  private Reply populate(byte[] body) throws IOException {
    List<ProxyConfig> configs;
    try {
      configs = json.populate(body);
    } catch (ToxiproxyException e) {
      return Reply.json(e.status(), json.populated(List.of(), Optional.of(e)));
    }
    ProxyRegistry.Populated done = registry.populate(configs);
    int status = done.error().map(ToxiproxyException::status).orElse(201);
    return Reply.json(status, json.populated(done.proxies(), done.error()));
  }

  private Reply createProxy(byte[] body) throws ToxiproxyException, IOException {
    Proxy proxy = registry.create(json.proxyToCreate(body));
    return Reply.json(201, json.proxy(proxy));
  }

  private Reply updateProxy(String name, byte[] body) throws ToxiproxyException, IOException {
    Proxy proxy = registry.get(name);
    ApiJson.ProxyUpdate update = json.proxyUpdate(body, proxy.state());
    proxy.update(update.listen(), update.upstream(), update.enabled());
    return Reply.json(200, json.proxy(proxy));
  }

  private Reply deleteProxy(String name) throws ToxiproxyException {
    registry.remove(name);
    return Reply.noContent();
  }

  /** Toxiproxy answers a created toxic with 200, not 201. */
  private Reply createToxic(String proxyName, byte[] body) throws ToxiproxyException, IOException {
    Proxy proxy = registry.get(proxyName);
    ToxicHead head = json.toxicHead(body);
    // a taken name is a 409 even when the attributes are bad, as in Toxiproxy
    if (proxy.toxics().find(head.name()).isPresent()) {
      throw ToxiproxyException.of(Reason.TOXIC_ALREADY_EXISTS);
    }
    ToxicDefinition toxic = proxy.toxics().add(json.toxicToCreate(head));
    return Reply.json(200, json.toxic(toxic));
  }

  private Reply showToxic(String proxyName, String toxicName)
      throws ToxiproxyException, IOException {
    ToxicDefinition toxic =
        registry
            .get(proxyName)
            .toxics()
            .find(toxicName)
            .orElseThrow(() -> ToxiproxyException.of(Reason.TOXIC_NOT_FOUND));
    return Reply.json(200, json.toxic(toxic));
  }

  private Reply updateToxic(String proxyName, String toxicName, byte[] body)
      throws ToxiproxyException, IOException {
    ToxicDefinition toxic =
        registry.get(proxyName).toxics().update(toxicName, current -> json.amend(current, body));
    return Reply.json(200, json.toxic(toxic));
  }

  private Reply deleteToxic(String proxyName, String toxicName) throws ToxiproxyException {
    registry.get(proxyName).toxics().remove(toxicName);
    return Reply.noContent();
  }

  /** Gorilla mux's answers when no route matches the path, or none takes the method. */
  private static Reply notFound() {
    return Reply.text(404, "404 page not found\n");
  }

  private static Reply methodNotAllowed() {
    return new Reply(405, Reply.JSON, new byte[0]);
  }

  /**
   * "/proxies/a/toxics" → [proxies, a, toxics]; a path with an empty segment (a trailing slash,
   * "//") matches no route, as in Toxiproxy.
   */
  private static Optional<List<String>> segments(String path) {
    if (path == null || !path.startsWith("/")) {
      return Optional.empty();
    }
    List<String> segments = Arrays.asList(path.substring(1).split("/", -1));
    return segments.contains("") ? Optional.empty() : Optional.of(segments);
  }

  /** What a handler may read of the exchange. */
  private record Request(String method, InputStream stream) {
    /** The body, bounded: the API never holds more than a MiB of one request. */
    byte[] body() throws ToxiproxyException, IOException {
      byte[] body = stream.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw ToxiproxyException.of(Reason.BAD_REQUEST_BODY, "larger than 1 MiB");
      }
      return body;
    }

    Reply only(String allowed, Action action) throws ToxiproxyException, IOException {
      return method.equals(allowed) ? action.run() : methodNotAllowed();
    }
  }

  @FunctionalInterface
  private interface Action {
    Reply run() throws ToxiproxyException, IOException;
  }
}
