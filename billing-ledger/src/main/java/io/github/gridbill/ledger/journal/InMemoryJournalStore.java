package io.github.gridbill.ledger.journal;

import io.github.gridbill.core.NotFoundException;
import io.github.gridbill.core.ValidationException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A journal held in memory: for tests, for embedding where the caller persists elsewhere, and for benchmarks.
 *
 * <p>{@code new InMemoryJournalStore()} starts empty; it chains and verifies exactly like the file store, and
 * {@link #sync(long)} returns at once (there is nothing to make durable). Thread-safe.
 */
public final class InMemoryJournalStore implements JournalStore {
  private final List<byte[]> payloads = new ArrayList<>();
  private final List<byte[]> hashes = new ArrayList<>();
  private final MessageDigest sha = Frames.sha256();
  private byte[] lastHash = Frames.GENESIS;
  private boolean closed;

  /** Creates an empty store. */
  public InMemoryJournalStore() {}

  @Override
  public synchronized long lastSequence() {
    return payloads.size();
  }

  @Override
  public synchronized void append(long sequence, byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    requireOpen();
    if (sequence != payloads.size() + 1L) {
      throw new ValidationException("sequence", sequence, "must be the next sequence " + (payloads.size() + 1L));
    }
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new ValidationException("payload", payload.length + " bytes", "must be at most " + MAX_PAYLOAD_BYTES
          + " bytes");
    }
    byte[] hash = Frames.chain(sha, lastHash, sequence, payload);
    payloads.add(payload);
    hashes.add(hash);
    lastHash = hash;
  }

  @Override
  public synchronized void sync(long sequence) {
    requireOpen();
    if (sequence < 0 || sequence > payloads.size()) {
      throw new ValidationException("sequence", sequence, "must be 0 to the last appended sequence "
          + payloads.size());
    }
  }

  @Override
  public synchronized JournalRecord read(long sequence) {
    requireOpen();
    if (sequence < 1 || sequence > payloads.size()) {
      throw new NotFoundException("sequence", sequence, "must name a record 1 to " + payloads.size());
    }
    int i = (int) (sequence - 1);
    return new JournalRecord(sequence, payloads.get(i), hashes.get(i));
  }

  @Override
  public void forEach(long fromSequence, Consumer<? super JournalRecord> action) {
    Objects.requireNonNull(action, "action");
    if (fromSequence < 1) {
      throw new ValidationException("fromSequence", fromSequence, "must be at least 1");
    }
    List<JournalRecord> records = new ArrayList<>();
    synchronized (this) {
      requireOpen();
      for (long s = fromSequence; s <= payloads.size(); s++) {
        int i = (int) (s - 1);
        records.add(new JournalRecord(s, payloads.get(i), hashes.get(i)));
      }
    }
    records.forEach(action);
  }

  @Override
  public synchronized Checkpoint checkpoint() {
    requireOpen();
    return payloads.isEmpty() ? Checkpoint.genesis()
        : Checkpoint.of(payloads.size(), HexFormat.of().formatHex(lastHash));
  }

  @Override
  public synchronized VerificationReport verify() {
    requireOpen();
    MessageDigest walk = Frames.sha256();
    byte[] previous = Frames.GENESIS;
    long offset = Frames.FILE_HEADER_BYTES;
    for (int i = 0; i < payloads.size(); i++) {
      byte[] computed = Frames.chain(walk, previous, i + 1L, payloads.get(i));
      if (!MessageDigest.isEqual(computed, hashes.get(i))) {
        return VerificationReport.builder().recordsChecked(i).tip(tip(i, previous))
            .firstBroken(BrokenLink.of(i + 1L, offset,
                "record must carry the chain hash SHA-256(previous hash, sequence, payload)"))
            .build();
      }
      previous = computed;
      offset += Frames.frameSize(payloads.get(i).length);
    }
    return VerificationReport.builder().recordsChecked(payloads.size()).tip(checkpoint()).build();
  }

  private static Checkpoint tip(long sequence, byte[] hash) {
    return sequence == 0 ? Checkpoint.genesis() : Checkpoint.of(sequence, HexFormat.of().formatHex(hash));
  }

  @Override
  public synchronized CheckpointStatus compare(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    requireOpen();
    if (checkpoint.sequence() > payloads.size()) {
      return CheckpointStatus.NOT_REACHED;
    }
    MessageDigest walk = Frames.sha256();
    byte[] previous = Frames.GENESIS;
    for (int i = 0; i < checkpoint.sequence(); i++) {
      previous = Frames.chain(walk, previous, i + 1L, payloads.get(i));
    }
    return HexFormat.of().formatHex(previous).equals(checkpoint.hash()) ? CheckpointStatus.MATCHES
        : CheckpointStatus.DIFFERS;
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  /** Replaces a stored payload without rehashing: for tests of tamper detection only. */
  synchronized void tamper(long sequence, byte[] payload) {
    payloads.set((int) (sequence - 1), payload);
  }

  private void requireOpen() {
    if (closed) {
      throw new JournalException("journal", name(), "must be open", null);
    }
  }
}
