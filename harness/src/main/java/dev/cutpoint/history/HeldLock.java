package dev.cutpoint.history;

import java.util.Objects;

/** A branch lock held at the end of a case ({@code Branch.lock_write}'s token). */
public record HeldLock(String branchPath, String token) {

  public HeldLock {
    Objects.requireNonNull(branchPath, "branchPath");
    Objects.requireNonNull(token, "token");
  }
}
