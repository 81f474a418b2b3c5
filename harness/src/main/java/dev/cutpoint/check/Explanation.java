package dev.cutpoint.check;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One account of which requests ran, how often and in which order, with the state the model
 * reaches by running them. From a journal there is exactly one; without a journal, every account
 * the attempts allow whose final state is the one observed.
 *
 * @param differences how the observed final state differs from {@code finalState} (empty: it explains it)
 * @param repliesAgree every recorded reply is the one the model expects of that execution
 */
record Explanation(List<Execution> executions, ModelState finalState, List<String> differences, boolean repliesAgree) {

  Explanation {
    executions = List.copyOf(executions);
    differences = List.copyOf(differences);
  }

  int count(int requestIndex) {
    return (int) executions.stream().filter(e -> e.requestIndex() == requestIndex).count();
  }

  Optional<Execution> last(int requestIndex) {
    return executions.stream().filter(e -> e.requestIndex() == requestIndex).reduce((a, b) -> b);
  }

  /**
   * The execution whose answer the caller got: the last one of the request that carries a reply
   * (one that landed after the client had moved on carries none), else its last.
   */
  Optional<Execution> answering(int requestIndex) {
    return executions.stream()
        .filter(e -> e.requestIndex() == requestIndex && e.observed().isPresent())
        .reduce((a, b) -> b)
        .or(() -> last(requestIndex));
  }

  /** Where the executions of a request are known from, in words. */
  String sources(int requestIndex) {
    return executions.stream()
        .filter(e -> e.requestIndex() == requestIndex)
        .map(Execution::source)
        .distinct()
        .collect(Collectors.joining(", "));
  }
}
