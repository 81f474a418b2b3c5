package dev.cutpoint.report;

import java.util.List;

/**
 * One request of a case's sequence, as the client sent it.
 *
 * @param index its position in the sequence, from 0
 * @param verb the verb as on the wire ({@code put}, {@code Branch.lock_write})
 * @param verbClass its retry class (Breezy's name: {@code read}, {@code idem}, …)
 * @param args the arguments, rendered as text by the harness
 * @param bodyBytes the size of its body (the sum of the chunks for a body stream), 0 for none
 */
public record RequestRecord(int index, String verb, String verbClass, List<String> args, long bodyBytes) {
  public RequestRecord {
    Checks.notNegative("index", index);
    Checks.text("verb", verb);
    Checks.text("verbClass", verbClass);
    args = Checks.list("args", args);
    Checks.notNegative("bodyBytes", bodyBytes);
  }
}
