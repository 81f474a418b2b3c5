package dev.cutpoint.check;

import dev.cutpoint.history.Digest;
import dev.cutpoint.history.Payload;
import dev.cutpoint.history.PayloadForm;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A file's content in the model: the payloads (and initial bytes) it was made of, in order, so that
 * megabyte bodies are not copied and a content can be described by its payload markers. A chunk
 * known only by its digest (a large file of the initial state) makes the digest of a longer
 * content unknowable.
 */
final class FileContent {

  /** One piece of a file: a payload, bytes known from the initial state, or only a digest. */
  sealed interface Chunk permits PayloadChunk, BytesChunk, OpaqueChunk {
    long length();
  }

  record PayloadChunk(Payload payload) implements Chunk {
    @Override
    public long length() {
      return payload.size();
    }
  }

  record BytesChunk(byte[] bytes) implements Chunk {
    BytesChunk {
      bytes = bytes.clone();
    }

    @Override
    public long length() {
      return bytes.length;
    }
  }

  record OpaqueChunk(Digest digest) implements Chunk {
    @Override
    public long length() {
      return digest.length();
    }
  }

  static final FileContent EMPTY = new FileContent(List.of());

  private final List<Chunk> chunks;
  private Optional<Digest> digest;

  private FileContent(List<Chunk> chunks) {
    this.chunks = List.copyOf(chunks);
  }

  static FileContent of(Payload payload) {
    return new FileContent(List.of(new PayloadChunk(payload)));
  }

  static FileContent ofBytes(byte[] bytes) {
    return new FileContent(List.of(new BytesChunk(bytes)));
  }

  static FileContent opaque(Digest digest) {
    return new FileContent(List.of(new OpaqueChunk(digest)));
  }

  FileContent append(FileContent more) {
    List<Chunk> longer = new ArrayList<>(chunks);
    longer.addAll(more.chunks);
    return new FileContent(longer);
  }

  long length() {
    return chunks.stream().mapToLong(Chunk::length).sum();
  }

  /** The content's digest, unless it mixes a digest-only chunk with anything else. */
  synchronized Optional<Digest> digest() {
    if (digest == null) {
      digest = computeDigest();
    }
    return digest;
  }

  private Optional<Digest> computeDigest() {
    if (chunks.size() == 1 && chunks.get(0) instanceof OpaqueChunk opaque) {
      return Optional.of(opaque.digest());
    }
    Digest.Hasher hasher = new Digest.Hasher();
    for (Chunk chunk : chunks) {
      if (chunk instanceof PayloadChunk p) {
        p.payload().hashInto(hasher);
      } else if (chunk instanceof BytesChunk b) {
        hasher.update(b.bytes(), 0, b.bytes().length);
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(hasher.digest());
  }

  /** The bytes, when every chunk is known and the whole is small enough to hold. */
  Optional<byte[]> bytes(long limit) {
    if (length() > limit) {
      return Optional.empty();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Chunk chunk : chunks) {
      if (chunk instanceof PayloadChunk p) {
        out.writeBytes(p.payload().bytes());
      } else if (chunk instanceof BytesChunk b) {
        out.writeBytes(b.bytes());
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(out.toByteArray());
  }

  /** In words: the payload markers in order, e.g. {@code [r1] [r3]}, or a byte count. */
  String describe() {
    if (chunks.isEmpty()) {
      return "empty";
    }
    return chunks.stream()
        .map(
            c -> c instanceof PayloadChunk p && p.payload().form() == PayloadForm.GENERATED
                ? p.payload().marker()
                : c.length() + " bytes")
        .collect(Collectors.joining(" "));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FileContent that
        && length() == that.length()
        && (chunks.equals(that.chunks) || (digest().isPresent() && digest().equals(that.digest())));
  }

  @Override
  public int hashCode() {
    return Long.hashCode(length());
  }
}
