package dev.cutpoint.toxiproxy;

import com.google.gson.JsonObject;
import eu.rekawek.toxiproxy.HttpClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicType;
import java.io.IOException;

/**
 * One of the embedded server's extension toxics ({@code cutpoint_reset_after},
 * {@code cutpoint_blackhole_after}) as a toxiproxy-java {@link Toxic}: created by a POST of
 * Toxiproxy's JSON to the proxy's toxics, then removed, given a toxicity and listed like any
 * other. Its one attribute is {@code bytes}.
 */
public final class ExtensionToxic extends Toxic {

  private final String type;
  private long bytes;

  /** Creates the toxic on the server. */
  ExtensionToxic(
      HttpClient http, String toxicsPath, String name, ToxicDirection stream, String type, long bytes)
      throws IOException {
    super(http, toxicsPath, name, stream);
    this.type = type;
    JsonObject json = new JsonObject();
    json.addProperty("name", name);
    json.addProperty("type", type);
    json.addProperty("stream", stream.name().toLowerCase());
    json.addProperty("toxicity", 1f);
    JsonObject attributes = new JsonObject();
    attributes.addProperty("bytes", bytes);
    json.add("attributes", attributes);
    setAttributes(http.post(toxicsPath, json).getAsJsonObject("attributes"));
  }

  /** A toxic the server lists, at {@code path}. */
  ExtensionToxic(HttpClient http, String path, JsonObject json) {
    super(http, path, json);
    this.type = json.get("type").getAsString();
  }

  /** The type's JSON name, e.g. {@code cutpoint_reset_after}. */
  public String type() {
    return type;
  }

  public long getBytes() {
    return bytes;
  }

  @Override
  protected void setAttributes(JsonObject attributes) {
    bytes = attributes.get("bytes").getAsLong();
  }

  @Override
  protected JsonObject getAttributes() {
    JsonObject attributes = new JsonObject();
    attributes.addProperty("bytes", bytes);
    return attributes;
  }

  /**
   * toxiproxy-java's enum of types has no room for ours; it only serves its own {@code
   * createToxic}, which this class does not use.
   */
  @Override
  protected ToxicType getType() {
    throw new UnsupportedOperationException(type + " is an extension, not one of toxiproxy-java's types");
  }

  @Override
  public String toString() {
    return type + ": name=" + getName() + ", stream=" + getStream() + ", bytes=" + bytes;
  }
}
