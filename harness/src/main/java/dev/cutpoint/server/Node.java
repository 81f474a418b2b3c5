package dev.cutpoint.server;

import dev.cutpoint.history.EntryType;

/** What a store holds at a path: a file or a directory, with its size and permission bits. */
public record Node(EntryType type, long size, int mode) {

  /** Permission bits of a new file or directory when the request names none (umask 022). */
  public static final int DEFAULT_FILE_MODE = 0644;
  public static final int DEFAULT_DIRECTORY_MODE = 0755;

  public boolean isDirectory() {
    return type == EntryType.DIRECTORY;
  }

  /** {@code st_mode} as Python 3's {@code oct()} prints it, the form Breezy's {@code stat} sends: {@code 0o100644}. */
  public String pythonOctalMode() {
    int typeBits = isDirectory() ? 0040000 : 0100000;
    return "0o" + Integer.toOctalString(typeBits | (mode & 07777));
  }
}
