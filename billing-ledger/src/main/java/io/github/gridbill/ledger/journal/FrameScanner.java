package io.github.gridbill.ledger.journal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Walks the frames of a journal file from an offset to a limit, checking each frame's header checksum, length,
 * frame checksum, sequence and chain hash, and stops at the first failure.
 *
 * <p>A failure is <em>torn</em> (the unfinished tail of a write cut short by a crash) when the frame is incomplete
 * (the limit comes before its end), or when the checksum that failed lies wholly in a run of zero bytes reaching the
 * limit (blocks allocated but never written). Any other failure is corruption.
 */
final class FrameScanner {
  private static final int BUFFER_BYTES = 1 << 20;

  /** Receives each good record. */
  interface Visitor {
    void record(long offset, long sequence, byte[] payload, byte[] hash);
  }

  /** Where the walk ended and why. */
  static final class Outcome {
    long end;
    long lastSequence;
    byte[] lastHash = Frames.GENESIS;
    long records;
    long problemOffset = -1;
    @Nullable String problem;
    boolean torn;

    boolean clean() {
      return problem == null;
    }
  }

  private final FileChannel channel;
  private final long limit;
  private ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
  private long bufferStart;
  private int bufferLength;

  private FrameScanner(FileChannel channel, long limit) {
    this.channel = channel;
    this.limit = limit;
  }

  static Outcome scan(FileChannel channel, long start, long limit, long firstSequence, byte[] previousHash,
      @Nullable Visitor visitor) throws IOException {
    return new FrameScanner(channel, limit).walk(start, firstSequence, previousHash, visitor);
  }

  private Outcome walk(long start, long firstSequence, byte[] previousHash, @Nullable Visitor visitor)
      throws IOException {
    MessageDigest sha = Frames.sha256();
    Outcome out = new Outcome();
    out.lastSequence = firstSequence - 1;
    out.lastHash = previousHash;
    long pos = start;
    while (pos < limit) {
      long expected = out.lastSequence + 1;
      out.end = pos;
      if (limit - pos < 8) {
        return fail(out, pos, "frame must be complete", true);
      }
      ByteBuffer header = window(pos, 8);
      int length = header.getInt();
      int lengthCrc = header.getInt();
      if (Frames.lengthCrc(length) != lengthCrc) {
        return fail(out, pos, "header must pass its checksum", zeroFrom(pos + 4));
      }
      if (length < 0 || length > JournalStore.MAX_PAYLOAD_BYTES) {
        return fail(out, pos, "length must be at most " + JournalStore.MAX_PAYLOAD_BYTES + " bytes (found "
            + Integer.toUnsignedString(length) + ")", false);
      }
      long frameEnd = pos + Frames.frameSize(length);
      if (frameEnd > limit) {
        return fail(out, pos, "frame must be complete", true);
      }
      int frameSize = (int) Frames.frameSize(length);
      ByteBuffer frame = window(pos, frameSize);
      byte[] bytes = new byte[frameSize];
      frame.get(bytes);
      int stored = ByteBuffer.wrap(bytes, frameSize - 4, 4).getInt();
      if (Frames.crc(bytes, 0, frameSize - 4) != stored) {
        return fail(out, pos, "must pass its frame checksum", zeroFrom(frameEnd - 4));
      }
      long sequence = ByteBuffer.wrap(bytes, 8, 8).getLong();
      if (sequence != expected) {
        return fail(out, pos, "sequence must follow #" + out.lastSequence + " (found #" + sequence + ")", false);
      }
      byte[] payload = Arrays.copyOfRange(bytes, 16, 16 + length);
      byte[] hash = Arrays.copyOfRange(bytes, 16 + length, 16 + length + Frames.HASH_BYTES);
      byte[] computed = Frames.chain(sha, out.lastHash, sequence, payload);
      if (!MessageDigest.isEqual(computed, hash)) {
        return fail(out, pos, "must carry the chain hash SHA-256(previous hash, sequence, payload)", false);
      }
      if (visitor != null) {
        visitor.record(pos, sequence, payload, hash);
      }
      out.lastSequence = sequence;
      out.lastHash = hash;
      out.records++;
      pos = frameEnd;
    }
    out.end = pos;
    return out;
  }

  private static Outcome fail(Outcome out, long offset, String problem, boolean torn) {
    out.problemOffset = offset;
    out.problem = problem;
    out.torn = torn;
    out.end = offset;
    return out;
  }

  /** Whether every byte from {@code from} to the limit is zero. */
  private boolean zeroFrom(long from) throws IOException {
    long pos = from;
    while (pos < limit) {
      int n = (int) Math.min(BUFFER_BYTES, limit - pos);
      ByteBuffer w = window(pos, n);
      while (w.hasRemaining()) {
        if (w.get() != 0) {
          return false;
        }
      }
      pos += n;
    }
    return true;
  }

  /** A buffer holding bytes {@code [pos, pos + n)}, positioned at its first byte; valid until the next call. */
  private ByteBuffer window(long pos, int n) throws IOException {
    if (pos < bufferStart || pos + n > bufferStart + bufferLength) {
      if (n > buffer.capacity()) {
        buffer = ByteBuffer.allocate(n);
      }
      buffer.clear();
      int want = (int) Math.min(buffer.capacity(), limit - pos);
      buffer.limit(want);
      long at = pos;
      while (buffer.hasRemaining()) {
        int read = channel.read(buffer, at);
        if (read < 0) {
          throw new EOFException("journal ended at byte " + at + " before byte " + (pos + want));
        }
        at += read;
      }
      bufferStart = pos;
      bufferLength = want;
    }
    ByteBuffer view = buffer.duplicate();
    view.limit((int) (pos - bufferStart) + n);
    view.position((int) (pos - bufferStart));
    return view;
  }
}
