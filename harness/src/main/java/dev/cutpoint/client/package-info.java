/**
 * The reference client of the bzr smart protocol v3 (SPEC §3.4): Breezy's {@code
 * _SmartClientRequest} rules for resending, with every attempt reported for the history.
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.defaults()          // RetryPolicy.BREEZY, 30 s timeout
 *     .withTimeout(Duration.ofSeconds(2));                   // .withNoRetry(true), .withPolicy(RESEND_ALL)…
 * try (SmartClient client = new SmartClient(connector, options, attempts::add)) {
 *   Response r = client.call(Request.of(Verbs.GET, RequestBody.NONE, "a.txt"));
 *   r.args();   // (b'ok',)
 *   r.body();   // the file
 * } catch (ConnectionLost e) {   // e.mayHaveExecuted(), e.site(), e.reason()
 * } catch (CallTimeout e) {      // e.mayHaveExecuted()
 * } catch (RemoteError e) {      // e.errorName(): NoSuchFile, LockContention…
 * }                              // ProtocolError (unchecked) for malformed bytes
 * }</pre>
 *
 * <p>Checked against Breezy 3.3.2 ({@code breezy/bzr/smart/client.py}, {@code medium.py},
 * {@code protocol.py}) and where this client departs from it on purpose:
 *
 * <ul>
 *   <li>A failed connect is not resent: Breezy raises {@code ConnectionError} there, and its
 *       resend code catches only {@code ConnectionReset}.
 *   <li>Breezy limits resends per phase, not per call: {@code _send} resends once after a write
 *       failure, and {@code _call} resends once more if that resend then fails on read, so Breezy
 *       can send a request three times. This client sends at most twice (SPEC §1, I5).
 *   <li>Breezy's read-phase resend covers only {@code read_response_tuple}, which for every
 *       {@code call}/{@code call_expecting_body} waits for the response arguments only: a cut in
 *       the body or before the terminal {@code e} surfaces from {@code read_body_bytes} or {@code
 *       cancel_read_body}, never resent. This client reads the whole response before it decides.
 *   <li>Breezy's client has no timeout (its {@code ConnectionTimeout} is the server's idle
 *       timeout); this one bounds every wait, drops a stalled connection and judges the stall by
 *       its phase, as a reset.
 *   <li>Breezy flushes before consuming a body stream; this client also looks, without waiting,
 *       whether the server has already closed the connection, so that a connection that died
 *       between calls is noticed while resending is still allowed.
 * </ul>
 */
package dev.cutpoint.client;
