package dev.cutpoint.history;

/** What a client's error said about whether the server may have run the request (I4). */
public enum MayHaveExecuted {
  /** The request may have run: its terminal byte may have reached the server. */
  YES,
  /** The request cannot have run: the server never had all of it. */
  NO,
  /** The error did not say (a foreign client, or an error that is not about the connection). */
  NOT_SAID
}
