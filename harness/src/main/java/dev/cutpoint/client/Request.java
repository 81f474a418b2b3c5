package dev.cutpoint.client;

import dev.cutpoint.verbs.Verb;
import dev.cutpoint.verbs.VerbClass;
import dev.cutpoint.wire.BList;
import dev.cutpoint.wire.BValue;
import dev.cutpoint.wire.ByteString;
import java.util.ArrayList;
import java.util.List;

/**
 * One call to make: the verb, its retry class (which decides whether it may be resent), its
 * arguments and its body.
 */
public record Request(String verb, VerbClass verbClass, List<BValue> args, RequestBody body) {

  public Request {
    if (verb == null || verb.isEmpty()) {
      throw new IllegalArgumentException("a request needs a verb");
    }
    if (verbClass == null || body == null) {
      throw new IllegalArgumentException("a request needs a verb class and a body (RequestBody.NONE)");
    }
    args = List.copyOf(args);
  }

  /** A request for a verb of the registry, whose arguments are UTF-8 strings. */
  public static Request of(Verb verb, RequestBody body, String... args) {
    return of(verb.name(), verb.verbClass(), body, args);
  }

  /** A request whose arguments are UTF-8 strings. */
  public static Request of(String verb, VerbClass verbClass, RequestBody body, String... args) {
    List<BValue> values = new ArrayList<>(args.length);
    for (String arg : args) {
      values.add(ByteString.of(arg));
    }
    return new Request(verb, verbClass, values, body);
  }

  /** What the {@code s} part carries: the verb, then the arguments. */
  public BList wireArgs() {
    List<BValue> all = new ArrayList<>(args.size() + 1);
    all.add(ByteString.of(verb));
    all.addAll(args);
    return new BList(all);
  }
}
