package dev.cutpoint.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A path relative to the server's root, normalised the way a transport resolves a relpath: empty
 * and {@code .} components dropped. A path that leaves the root ({@code ..}, absolute) has no
 * {@code ModelPath}: the server refuses it (SPEC §3.3).
 */
record ModelPath(List<String> parts) implements Comparable<ModelPath> {

  static final ModelPath ROOT = new ModelPath(List.of());

  ModelPath {
    parts = List.copyOf(parts);
  }

  static Optional<ModelPath> parse(String relpath) {
    if (relpath.startsWith("/")) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    for (String part : relpath.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        return Optional.empty();
      }
      parts.add(part);
    }
    return Optional.of(new ModelPath(parts));
  }

  boolean isRoot() {
    return parts.isEmpty();
  }

  ModelPath parent() {
    return isRoot() ? this : new ModelPath(parts.subList(0, parts.size() - 1));
  }

  String name() {
    return isRoot() ? "" : parts.get(parts.size() - 1);
  }

  ModelPath child(String name) {
    List<String> longer = new ArrayList<>(parts);
    longer.add(name);
    return new ModelPath(longer);
  }

  /** Whether this path is {@code other} or lies below it. */
  boolean isWithin(ModelPath other) {
    return parts.size() >= other.parts.size() && parts.subList(0, other.parts.size()).equals(other.parts);
  }

  /** This path moved from below {@code from} to below {@code to}. */
  ModelPath rebase(ModelPath from, ModelPath to) {
    List<String> moved = new ArrayList<>(to.parts);
    moved.addAll(parts.subList(from.parts.size(), parts.size()));
    return new ModelPath(moved);
  }

  /** Whether a component is {@code .bzr}: a branch's control files, which the model does not judge. */
  boolean inControlDirectory() {
    return parts.contains(".bzr");
  }

  @Override
  public int compareTo(ModelPath other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public String toString() {
    return String.join("/", parts);
  }
}
