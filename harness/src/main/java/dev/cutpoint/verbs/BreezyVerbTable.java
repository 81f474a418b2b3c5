package dev.cutpoint.verbs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Breezy's own verb table: every verb in its request registry ({@code
 * breezy.bzr.smart.request.request_handlers}) with its retry class ({@code info=}), as one Breezy
 * has it. Read from a running Breezy by {@code dev.cutpoint.drive.breezy.BreezyRegistry}; built by
 * hand in tests. This is where code that meets verbs the harness does not generate (a real {@code
 * brz push} speaks dozens) learns whether Breezy would resend each one: {@link #classOf}.
 *
 * @param breezyVersion the version of the Breezy it was read from, e.g. {@code 3.3.2}
 * @param classes every verb's wire name and class, sorted by name
 */
public record BreezyVerbTable(String breezyVersion, SortedMap<String, VerbClass> classes) {

  public BreezyVerbTable {
    Objects.requireNonNull(breezyVersion, "breezyVersion");
    classes = Collections.unmodifiableSortedMap(new TreeMap<>(classes));
  }

  /** A table from any map of verbs to classes. */
  public static BreezyVerbTable of(String breezyVersion, Map<String, VerbClass> classes) {
    return new BreezyVerbTable(breezyVersion, new TreeMap<>(classes));
  }

  /**
   * Breezy's class of {@code verb} (its wire name, e.g. {@code Repository.insert_stream_1.19});
   * empty when Breezy's registry does not have it.
   */
  public Optional<VerbClass> classOf(String verb) {
    return Optional.ofNullable(classes.get(verb));
  }

  /**
   * Every verb of Breezy's and of {@code harness}, by name, with the class each gives it: Breezy's
   * verbs the harness does not know, and the harness's verbs Breezy does not have, included.
   */
  public List<VerbComparison> compareWith(List<Verb> harness) {
    Map<String, VerbClass> ours = new TreeMap<>();
    harness.forEach(v -> ours.put(v.name(), v.verbClass()));
    TreeSet<String> names = new TreeSet<>(classes.keySet());
    names.addAll(ours.keySet());
    List<VerbComparison> rows = new ArrayList<>();
    for (String name : names) {
      rows.add(new VerbComparison(name, classOf(name), Optional.ofNullable(ours.get(name))));
    }
    return rows;
  }
}
