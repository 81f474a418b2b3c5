package dev.cutpoint.toxiproxy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import eu.rekawek.toxiproxy.HttpClient;
import eu.rekawek.toxiproxy.HttpClients;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicType;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The embedded server's extension toxics (SPEC §4.2), added through toxiproxy-java's HTTP client
 * and Toxiproxy's API like any toxic: {@code cutpoint_reset_after} (RST after exactly k bytes) and
 * {@code cutpoint_blackhole_after} (a black hole after exactly k bytes). Only a provider whose
 * server has them offers this ({@link ToxiproxyProvider#extensions}).
 */
public final class ToxicExtensions {

  public static final String RESET_AFTER = "cutpoint_reset_after";
  public static final String BLACKHOLE_AFTER = "cutpoint_blackhole_after";
  private static final Set<String> TYPES = Set.of(RESET_AFTER, BLACKHOLE_AFTER);

  private final HttpClient http;

  public ToxicExtensions(URI api) {
    this.http = HttpClients.of(api);
  }

  /** Forwards exactly {@code bytes} bytes in {@code direction}, then resets the link (RST both ways). */
  public ExtensionToxic resetAfter(Proxy proxy, String name, ToxicDirection direction, long bytes)
      throws IOException {
    return new ExtensionToxic(http, toxicsPath(proxy), name, direction, RESET_AFTER, bytes);
  }

  /** Forwards exactly {@code bytes} bytes in {@code direction}, then swallows the rest; nothing closes. */
  public ExtensionToxic blackHoleAfter(Proxy proxy, String name, ToxicDirection direction, long bytes)
      throws IOException {
    return new ExtensionToxic(http, toxicsPath(proxy), name, direction, BLACKHOLE_AFTER, bytes);
  }

  /**
   * Every toxic of {@code proxy}, extensions included: toxiproxy-java's own list refuses a type it
   * does not know.
   */
  public List<Toxic> all(Proxy proxy) throws IOException {
    List<Toxic> toxics = new ArrayList<>();
    for (JsonElement element : http.get(toxicsPath(proxy), JsonArray.class)) {
      JsonObject json = element.getAsJsonObject();
      String path = toxicsPath(proxy) + "/" + json.get("name").getAsString();
      String type = json.get("type").getAsString();
      toxics.add(TYPES.contains(type)
          ? new ExtensionToxic(http, path, json)
          : ToxicType.createToxic(http, path, json));
    }
    return toxics;
  }

  private static String toxicsPath(Proxy proxy) {
    return "/proxies/" + proxy.getName() + "/toxics";
  }
}
