package dev.cutpoint.history;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A response as recorded by the client or the server's journal: status, arguments as strings, and
 * the body reduced to a digest. An error response's first argument names the error
 * ({@code NoSuchFile}, {@code FileExists}, {@code LockContention}…).
 */
public record Reply(ReplyStatus status, List<String> args, Optional<Digest> body) {

  public Reply {
    Objects.requireNonNull(status, "status");
    args = List.copyOf(Objects.requireNonNull(args, "args"));
    Objects.requireNonNull(body, "body");
    if (status == ReplyStatus.ERROR && args.isEmpty()) {
      throw new IllegalArgumentException("an error response names its error in its first argument");
    }
  }

  public static Reply success(String... args) {
    return new Reply(ReplyStatus.SUCCESS, List.of(args), Optional.empty());
  }

  public static Reply success(List<String> args, Digest body) {
    return new Reply(ReplyStatus.SUCCESS, args, Optional.of(body));
  }

  public static Reply error(String name, String... details) {
    List<String> args = new ArrayList<>();
    args.add(name);
    args.addAll(List.of(details));
    return new Reply(ReplyStatus.ERROR, args, Optional.empty());
  }

  @JsonIgnore
  public boolean isSuccess() {
    return status == ReplyStatus.SUCCESS;
  }

  /** The error's name for an error response. */
  public Optional<String> errorName() {
    return status == ReplyStatus.ERROR ? Optional.of(args.get(0)) : Optional.empty();
  }
}
