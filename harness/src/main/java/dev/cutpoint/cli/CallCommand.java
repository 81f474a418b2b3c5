package dev.cutpoint.cli;

import dev.cutpoint.client.BodyStream;
import dev.cutpoint.client.BzrUrl;
import dev.cutpoint.client.CallFailed;
import dev.cutpoint.client.ClientOptions;
import dev.cutpoint.client.Request;
import dev.cutpoint.client.RequestBody;
import dev.cutpoint.client.Response;
import dev.cutpoint.client.SmartClient;
import dev.cutpoint.client.TcpConnector;
import dev.cutpoint.verbs.Verb;
import dev.cutpoint.verbs.Verbs;
import dev.cutpoint.wire.BValue;
import dev.cutpoint.wire.ByteString;
import dev.cutpoint.wire.ProtocolError;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cutpoint call}: one request from the reference client, its response printed (SPEC §2). */
@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    description = {
      "Sends one request to a smart server and prints the response tuple, then the body.",
      "Exit 1 on an error response or a failed connection, 2 on a bad argument."
    })
public final class CallCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "URL", description = "bzr://HOST[:PORT]/")
  String url;

  @Parameters(index = "1", paramLabel = "VERB", description = "a verb of the registry, e.g. get, put, Branch.lock_write")
  String verbName;

  @Parameters(index = "2..*", paramLabel = "ARG", description = "the verb's arguments, as UTF-8")
  List<String> args = new ArrayList<>();

  @Option(
      names = "--body-file",
      paramLabel = "FILE",
      description = "the request body; for a streaming verb, repeat it: one chunk per file")
  List<Path> bodyFiles = new ArrayList<>();

  @Option(names = "--no-retry", description = "never resend (Breezy's -Dnoretry)")
  boolean noRetry;

  @Option(
      names = "--timeout",
      paramLabel = "MS",
      description = "give up after this long without progress (default: ${DEFAULT-VALUE})")
  long timeoutMillis = ClientOptions.DEFAULT_TIMEOUT.toMillis();

  @Override
  public Integer call() {
    BzrUrl server = parameter(() -> BzrUrl.parse(url));
    Verb verb = Verbs.byName(verbName).orElseThrow(() -> bad("unknown verb '" + verbName + "'; known: "
        + Verbs.ALL.stream().map(Verb::name).collect(Collectors.joining(", "))));
    if (!verb.acceptsArgumentCount(args.size())) {
      throw bad(verb.name() + " takes " + describeCount(verb) + " argument(s) " + verb.arguments() + ", got " + args.size());
    }
    if (timeoutMillis <= 0) {
      throw bad("--timeout must be a positive number of milliseconds, got " + timeoutMillis);
    }
    Request request = Request.of(verb, body(verb), args.toArray(String[]::new));
    ClientOptions options =
        ClientOptions.defaults().withNoRetry(noRetry).withTimeout(Duration.ofMillis(timeoutMillis));

    PrintStream out = System.out;
    try (SmartClient client = new SmartClient(new TcpConnector(server.address()), options)) {
      Response response = client.call(request);
      out.println(tuple(response.args().items()));
      out.write(response.body().toByteArray(), 0, response.body().length());
      out.flush();
      return 0;
    } catch (CallFailed | ProtocolError e) {
      spec.commandLine().getErr().println("cutpoint: " + e.getMessage());
      return 1;
    }
  }

  private RequestBody body(Verb verb) {
    List<ByteString> chunks = new ArrayList<>();
    for (Path file : bodyFiles) {
      try {
        chunks.add(ByteString.of(Files.readAllBytes(file)));
      } catch (IOException e) {
        throw bad("cannot read --body-file " + file + ": " + e.getMessage());
      }
    }
    switch (verb.requestBody()) {
      case NONE:
        if (!chunks.isEmpty()) {
          throw bad(verb.name() + " takes no body");
        }
        return RequestBody.NONE;
      case BYTES:
        if (chunks.size() != 1) {
          throw bad(verb.name() + " takes one body: give exactly one --body-file");
        }
        return RequestBody.of(chunks.get(0));
      default:
        return RequestBody.stream(BodyStream.of(chunks));
    }
  }

  private static String describeCount(Verb verb) {
    return verb.requiredArguments() == verb.arguments().size()
        ? Integer.toString(verb.requiredArguments())
        : verb.requiredArguments() + " to " + verb.arguments().size();
  }

  /** The response tuple as Breezy prints one: {@code (b'ok', b'2')}. */
  private static String tuple(List<BValue> items) {
    String joined = items.stream().map(BValue::toString).collect(Collectors.joining(", "));
    return "(" + joined + (items.size() == 1 ? ",)" : ")");
  }

  private <T> T parameter(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
  }

  private CommandLine.ParameterException bad(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
