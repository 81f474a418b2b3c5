package dev.cutpoint.drive;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One part {@code index}/{@code count} of a run whose cases are split across several machines.
 * Every shard draws the whole run from the seed and keeps the cases whose id falls to it, so the
 * shards of one run together hold exactly the cases one machine would run, each once, whatever
 * order or machine they run on. The id decides, not the position, so a case keeps its shard
 * when other cases are added.
 */
public record Shard(int index, int count) {

  /** The whole run: one shard of one. */
  public static final Shard ALL = new Shard(1, 1);

  /** The most shards a run may be split into: more would leave cells without a case on a shard. */
  public static final int MAX_COUNT = 64;

  private static final Pattern FORM = Pattern.compile("(\\d{1,3})/(\\d{1,3})");

  public Shard {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("a run splits into 1 to " + MAX_COUNT + " shards, not " + count);
    }
    if (index < 1 || index > count) {
      throw new IllegalArgumentException("shard " + index + " of " + count + " does not exist: I is 1 to N");
    }
  }

  /**
   * Reads {@code I/N}, as {@code --shard 2/3}.
   *
   * @throws IllegalArgumentException naming what a shard looks like
   */
  public static Shard parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("a shard is I/N (the I-th of N, from 1), e.g. 2/3, not '" + text + "'");
    }
    return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  public boolean isWhole() {
    return count == 1;
  }

  /** Whether the case {@code caseId} is this shard's: by a hash of the id that every JVM computes alike. */
  public boolean includes(String caseId) {
    return Math.floorMod(caseId.hashCode(), count) == index - 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
