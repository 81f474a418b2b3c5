package dev.cutpoint.fault;

/**
 * Which toxics the Toxiproxy in use has, which bounds the fault matrix (SPEC §5.1): where RESET
 * and BLACKHOLE can cut.
 */
public enum ProxyToxics {
  /** Shopify's seven: RESET and BLACKHOLE cut only at a request's or a response's start. */
  SHOPIFY,
  /**
   * The embedded server's: Shopify's seven and its two extensions, {@code cutpoint_reset_after}
   * and {@code cutpoint_blackhole_after}, which cut after exactly k bytes (SPEC §4.2).
   */
  EMBEDDED
}
