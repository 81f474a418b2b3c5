/**
 * The recorded values of a case — the ground floor: the driver writes them, the oracle reads them,
 * the report renders them, {@code replay} re-runs them from JSON ({@link
 * dev.cutpoint.history.HistoryJson}). Immutable records; absent values are {@code Optional}.
 *
 * <p>One case, built by hand (this is what the driver records for an append cut on read):
 *
 * <pre>{@code
 * Payload body = Payload.generated("s42-r0", 32);                 // unique per request
 * Request append = new Request(0, "append", VerbClass.MUTATE, List.of("f", ""),
 *     RequestBody.of(body), encoded.length, Digest.hashHex(encoded));
 * Scenario scenario = new Scenario(42, "java", "java/default", ServerState.empty(),
 *     List.of(append), Optional.of(FaultPlan.read(0, 3, FaultKind.CLOSE)));
 * ErrorRecord lost = new ErrorRecord("ConnectionLost", e.getMessage(), MayHaveExecuted.YES);
 * Call call = new Call(0, List.of(Attempt.failed(1, "c1", encoded.length, true, false,
 *         new AttemptFailure(FailureSite.READ, lost), new RetryDecision(false, "MAY_HAVE_EXECUTED"))),
 *     CallOutcome.failed(lost), elapsedMillis, timeoutMillis);
 * CaseRecord record = new CaseRecord(scenario, List.of(call),
 *     Optional.of(server.journal()), server.state(),
 *     new Injection(true, "limit_data downstream 3 bytes closed the link"),
 *     new Probe(hello, helloCall));                               // hello has index 1
 * }</pre>
 */
package dev.cutpoint.history;
