package dev.cutpoint.check;

import java.util.List;

/**
 * What the attempts of one call can have delivered to the server, counted in executions: those
 * that certainly happened (a reply came back, or a READ cut hit a response the server was
 * sending), those a correct server may have done (every attempt whose whole request may have
 * arrived), and those any server could have done (every attempt that sent a byte). The attempts
 * that did not deliver the whole request are described for evidence.
 */
record CallDelivery(int certain, int legitimate, int possible, List<String> undelivered) {

  CallDelivery {
    undelivered = List.copyOf(undelivered);
  }
}
