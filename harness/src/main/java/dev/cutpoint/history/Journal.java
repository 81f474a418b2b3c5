package dev.cutpoint.history;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The server's journal for one case, entries sorted by execution order. */
public record Journal(List<JournalEntry> entries) {

  public Journal {
    entries =
        Objects.requireNonNull(entries, "entries").stream()
            .sorted(Comparator.comparingLong(JournalEntry::order))
            .toList();
  }
}
