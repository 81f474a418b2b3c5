package dev.cutpoint.server;

import dev.cutpoint.history.HeldLock;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A token lock per branch path: the reference server's {@code Branch.lock_write} and
 * {@code Branch.unlock}, following what {@code brz serve} answers for a standalone branch
 * ({@code breezy/bzr/smart/branch.py}, checked against Breezy 3.3.2):
 * <ul>
 *   <li>lock without a token: a fresh token if free, else {@code LockContention};
 *   <li>lock with the holder's token: the same token again (a re-lock, which is why a resent
 *       {@code lock_write} carrying its token succeeds); with another token, or on a free branch,
 *       {@code TokenMismatch};
 *   <li>unlock with the holder's token: released; otherwise (a free branch included)
 *       {@code TokenMismatch}.
 * </ul>
 * The repository token is always empty, as a standalone branch's is, and is not checked. Unlike
 * Breezy, any path may be locked: there is no branch to open ({@code NotBranchError}).
 */
final class BranchLocks {

  private static final String TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int TOKEN_LENGTH = 20;

  private final SecureRandom random = new SecureRandom();
  private final Map<RelPath, String> held = new TreeMap<>();

  /** Returns the branch token now holding the lock. */
  String lockWrite(RelPath branch, String token) throws VfsError {
    String holder = held.get(branch);
    if (token.isEmpty()) {
      if (holder != null) {
        throw VfsError.lockContention();
      }
      String fresh = newToken();
      held.put(branch, fresh);
      return fresh;
    }
    if (!token.equals(holder)) {
      throw VfsError.tokenMismatch();
    }
    return holder;
  }

  void unlock(RelPath branch, String token) throws VfsError {
    String holder = held.get(branch);
    if (holder == null || !holder.equals(token)) {
      throw VfsError.tokenMismatch();
    }
    held.remove(branch);
  }

  /** Holds exactly {@code locks} from now on (a reset between cases). */
  void replaceWith(List<HeldLock> locks) throws VfsError {
    held.clear();
    for (HeldLock lock : locks) {
      held.put(RelPath.parse(lock.branchPath()), lock.token());
    }
  }

  List<HeldLock> snapshot() {
    List<HeldLock> locks = new ArrayList<>();
    held.forEach((path, token) -> locks.add(new HeldLock(path.toString(), token)));
    return locks;
  }

  private String newToken() {
    StringBuilder token = new StringBuilder(TOKEN_LENGTH);
    for (int i = 0; i < TOKEN_LENGTH; i++) {
      token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
    }
    return token.toString();
  }
}
