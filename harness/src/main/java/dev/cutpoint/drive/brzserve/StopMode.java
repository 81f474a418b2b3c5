package dev.cutpoint.drive.brzserve;

/** How {@link BrzServe} takes the server down (bug 819604's live upgrade is either). */
public enum StopMode {
  /**
   * SIGKILL: the process is gone at once and the kernel closes every connection (FIN on an idle
   * one). Costs milliseconds.
   */
  KILL,
  /**
   * SIGHUP: Breezy's own graceful stop ({@code SmartTCPServer._stop_gracefully},
   * breezy/bzr/smart/server.py:166): it stops accepting, lets a request in progress finish, closes
   * idle connections and exits. Costs about a second, the poll interval of its connection
   * threads.
   */
  GRACEFUL
}
