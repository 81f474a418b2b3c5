package dev.cutpoint.history;

/** What a path in the server's tree is. */
public enum EntryType {
  FILE,
  DIRECTORY
}
