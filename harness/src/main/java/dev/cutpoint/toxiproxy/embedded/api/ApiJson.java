package dev.cutpoint.toxiproxy.embedded.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutpoint.toxiproxy.embedded.Proxy;
import dev.cutpoint.toxiproxy.embedded.ProxyConfig;
import dev.cutpoint.toxiproxy.embedded.ProxyState;
import dev.cutpoint.toxiproxy.embedded.ToxiproxyException;
import dev.cutpoint.toxiproxy.embedded.ToxiproxyException.Reason;
import dev.cutpoint.toxiproxy.embedded.toxic.Direction;
import dev.cutpoint.toxiproxy.embedded.toxic.InvalidAttribute;
import dev.cutpoint.toxiproxy.embedded.toxic.Toxic;
import dev.cutpoint.toxiproxy.embedded.toxic.ToxicDefinition;
import dev.cutpoint.toxiproxy.embedded.toxic.ToxicType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Toxiproxy's JSON, both ways: the shapes api.go writes, and requests read as strictly as Go's
 * encoding/json reads them (a wrong type is a 400, an unknown field is ignored, null leaves a
 * field as it was).
 */
final class ApiJson {

  /**
   * Toxiproxy (2.5 on) also marshals its proxy's exported zerolog field, an empty object named
   * "Logger"; it is kept so that the shape is the same byte for byte.
   */
  @JsonPropertyOrder({"name", "listen", "upstream", "enabled", "Logger", "toxics"})
  record ProxyView(
      String name,
      String listen,
      String upstream,
      boolean enabled,
      @JsonProperty("Logger") Map<String, Object> logger,
      List<ToxicView> toxics) {}

  @JsonPropertyOrder({"attributes", "name", "type", "stream", "toxicity"})
  record ToxicView(Toxic attributes, String name, String type, String stream, float toxicity) {}

  @JsonPropertyOrder({"error", "status"})
  record ErrorView(String error, int status) {}

  /** A proxy update: the fields as they will be after it. */
  record ProxyUpdate(String listen, String upstream, boolean enabled) {}

  /**
   * Shared by every server in the JVM: a mapper is safe for concurrent use once built, and each
   * new one learns the record shapes again by reflection (the matrix starts a server per target).
   */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  // ---- out ----

  byte[] proxy(Proxy proxy) throws IOException {
    return MAPPER.writeValueAsBytes(view(proxy));
  }

  /** GET /proxies: an object by proxy name, names in order (Go sorts map keys). */
  byte[] proxies(List<Proxy> proxies) throws IOException {
    Map<String, ProxyView> byName = new LinkedHashMap<>();
    for (Proxy proxy : proxies) {
      byName.put(proxy.name(), view(proxy));
    }
    return MAPPER.writeValueAsBytes(byName);
  }

  byte[] toxic(ToxicDefinition toxic) throws IOException {
    return MAPPER.writeValueAsBytes(view(toxic));
  }

  byte[] toxics(List<ToxicDefinition> toxics) throws IOException {
    return MAPPER.writeValueAsBytes(toxics.stream().map(ApiJson::view).toList());
  }

  /** The error body; Toxiproxy sends it through Go's http.Error, which adds a newline. */
  byte[] error(ToxiproxyException e) throws IOException {
    byte[] json = MAPPER.writeValueAsBytes(new ErrorView(e.getMessage(), e.status()));
    byte[] body = Arrays.copyOf(json, json.length + 1);
    body[json.length] = '\n';
    return body;
  }

  /**
   * POST /populate's answer: the error and its status first when there is one, then the proxies,
   * {@code null} when there are none (Go marshals an empty slice it never made as null).
   */
  byte[] populated(List<Proxy> proxies, Optional<ToxiproxyException> error) throws IOException {
    ObjectNode answer = MAPPER.createObjectNode();
    error.ifPresent(e -> answer.put("error", e.getMessage()).put("status", e.status()));
    if (proxies.isEmpty()) {
      answer.putNull("proxies");
    } else {
      answer.set("proxies", MAPPER.valueToTree(proxies.stream().map(ApiJson::view).toList()));
    }
    return MAPPER.writeValueAsBytes(answer);
  }

  private static ProxyView view(Proxy proxy) {
    ProxyState state = proxy.state();
    return new ProxyView(
        state.name(),
        state.listen(),
        state.upstream(),
        state.enabled(),
        Map.of(),
        proxy.toxics().all().stream().map(ApiJson::view).toList());
  }

  private static ToxicView view(ToxicDefinition toxic) {
    return new ToxicView(
        toxic.toxic(),
        toxic.name(),
        toxic.type().wireName(),
        toxic.stream().wireName(),
        toxic.toxicity());
  }

  // ---- in ----

  /** POST /proxies: enabled unless said otherwise; name and upstream required. */
  ProxyConfig proxyToCreate(byte[] body) throws ToxiproxyException {
    JsonNode root = object(body, "Proxy");
    ProxyConfig config =
        new ProxyConfig(
            text(root, "name").orElse(""),
            text(root, "listen").orElse(""),
            text(root, "upstream").orElse(""),
            bool(root, "enabled").orElse(true));
    requireNameAndUpstream(config, "");
    return config;
  }

  /** POST/PATCH /proxies/{name}: what is not given stays as it is. */
  ProxyUpdate proxyUpdate(byte[] body, ProxyState current) throws ToxiproxyException {
    JsonNode root = object(body, "Proxy");
    return new ProxyUpdate(
        text(root, "listen").orElse(current.listen()),
        text(root, "upstream").orElse(current.upstream()),
        bool(root, "enabled").orElse(current.enabled()));
  }

  /** POST /populate: an array of proxies, all checked before any is created. */
  List<ProxyConfig> populate(byte[] body) throws ToxiproxyException {
    JsonNode root = parse(body);
    if (!root.isArray()) {
      throw cannotUnmarshal(root, "[]Proxy");
    }
    List<ProxyConfig> configs = new ArrayList<>();
    for (JsonNode element : root) {
      if (!element.isObject()) {
        throw cannotUnmarshal(element, "Proxy");
      }
      configs.add(
          new ProxyConfig(
              text(element, "name").orElse(""),
              text(element, "listen").orElse(""),
              text(element, "upstream").orElse(""),
              bool(element, "enabled").orElse(true)));
    }
    for (int i = 0; i < configs.size(); i++) {
      requireNameAndUpstream(configs.get(i), " at proxy " + (i + 1));
    }
    return configs;
  }

  /** The head of a POST .../toxics, read before the toxic's attributes, as Toxiproxy does. */
  record ToxicHead(String name, ToxicType type, Direction stream, float toxicity, JsonNode root) {}

  ToxicHead toxicHead(byte[] body) throws ToxiproxyException {
    JsonNode root = object(body, "ToxicWrapper");
    String streamText = text(root, "stream").orElse("downstream");
    Direction stream =
        Direction.parse(streamText)
            .orElseThrow(() -> ToxiproxyException.of(Reason.INVALID_STREAM));
    String typeText = text(root, "type").orElse("");
    float toxicity = number(root, "toxicity").orElse(1f);
    String name = text(root, "name").filter(n -> !n.isEmpty()).orElse(typeText + "_" + streamText);
    ToxicType type =
        ToxicType.named(typeText)
            .orElseThrow(() -> ToxiproxyException.of(Reason.INVALID_TOXIC_TYPE));
    return new ToxicHead(name, type, stream, toxicity, root);
  }

  ToxicDefinition toxicToCreate(ToxicHead head) throws ToxiproxyException {
    JsonNode attributes = head.root().get("attributes");
    ObjectNode given = attributes == null || attributes.isNull()
        ? MAPPER.createObjectNode()
        : attributesObject(attributes);
    for (String required : head.type().requiredAttributes()) {
      if (!given.hasNonNull(required)) {
        throw ToxiproxyException.of(Reason.MISSING_FIELD, "attributes." + required);
      }
    }
    return new ToxicDefinition(
        head.name(), head.type(), head.stream(), head.toxicity(), toxic(given, head.type()));
  }

  /** POST/PATCH .../toxics/{name}: the given attributes and toxicity over the current ones. */
  ToxicDefinition amend(ToxicDefinition current, byte[] body) throws ToxiproxyException {
    JsonNode root = object(body, "Toxic");
    float toxicity = number(root, "toxicity").orElse(current.toxicity());
    Toxic toxic = current.toxic();
    JsonNode attributes = root.get("attributes");
    if (attributes != null && !attributes.isNull()) {
      ObjectNode merged = MAPPER.valueToTree(current.toxic());
      merged.setAll(attributesObject(attributes));
      toxic = toxic(merged, current.type());
    }
    return current.withToxic(toxic, toxicity);
  }

  private Toxic toxic(ObjectNode attributes, ToxicType type) throws ToxiproxyException {
    try {
      return MAPPER.treeToValue(attributes, type.toxicClass());
    } catch (ValueInstantiationException e) {
      if (e.getCause() instanceof InvalidAttribute invalid) {
        throw ToxiproxyException.of(Reason.BAD_REQUEST_BODY, invalid.getMessage());
      }
      throw ToxiproxyException.of(Reason.BAD_REQUEST_BODY, "json: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw ToxiproxyException.of(Reason.BAD_REQUEST_BODY, "json: " + e.getOriginalMessage());
    }
  }

  private ObjectNode attributesObject(JsonNode attributes) throws ToxiproxyException {
    if (!attributes.isObject()) {
      throw cannotUnmarshal(attributes, "attributes");
    }
    return (ObjectNode) attributes;
  }

  private static void requireNameAndUpstream(ProxyConfig config, String where)
      throws ToxiproxyException {
    if (config.name().isEmpty()) {
      throw ToxiproxyException.of(Reason.MISSING_FIELD, "name" + where);
    }
    if (config.upstream().isEmpty()) {
      throw ToxiproxyException.of(Reason.MISSING_FIELD, "upstream" + where);
    }
  }

  private JsonNode object(byte[] body, String goType) throws ToxiproxyException {
    JsonNode root = parse(body);
    if (!root.isObject()) {
      throw cannotUnmarshal(root, goType);
    }
    return root;
  }

  private JsonNode parse(byte[] body) throws ToxiproxyException {
    try {
      JsonNode root = MAPPER.readTree(body);
      if (root == null || root.isMissingNode()) {
        throw ToxiproxyException.of(Reason.BAD_REQUEST_BODY, "EOF");
      }
      return root;
    } catch (IOException e) {
      String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw ToxiproxyException.of(Reason.BAD_REQUEST_BODY, message);
    }
  }

  private static Optional<String> text(JsonNode object, String field) throws ToxiproxyException {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw cannotUnmarshal(value, field + " of type string");
    }
    return Optional.of(value.textValue());
  }

  private static Optional<Boolean> bool(JsonNode object, String field) throws ToxiproxyException {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw cannotUnmarshal(value, field + " of type bool");
    }
    return Optional.of(value.booleanValue());
  }

  private static Optional<Float> number(JsonNode object, String field) throws ToxiproxyException {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isNumber()) {
      throw cannotUnmarshal(value, field + " of type float32");
    }
    return Optional.of(value.floatValue());
  }

  private static ToxiproxyException cannotUnmarshal(JsonNode value, String target) {
    return ToxiproxyException.of(
        Reason.BAD_REQUEST_BODY,
        "json: cannot unmarshal " + kind(value) + " into Go value " + target);
  }

  private static String kind(JsonNode value) {
    return switch (value.getNodeType()) {
      case ARRAY -> "array";
      case OBJECT -> "object";
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "bool";
      default -> "value";
    };
  }
}
