package io.github.gridbill.ledger.journal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One record of a journal: its sequence, its payload and its chain hash.
 *
 * <p>{@code record.sequence()} is 1 for the first record; {@code record.hash()} is
 * {@code SHA-256(previous hash ‖ sequence ‖ payload)} in lowercase hex. Instances are immutable and thread-safe; the
 * payload is exposed as a read-only view or a copy.
 */
public final class JournalRecord {
  private final long sequence;
  private final byte[] payload;
  private final byte[] hash;

  JournalRecord(long sequence, byte[] payload, byte[] hash) {
    this.sequence = sequence;
    this.payload = payload;
    this.hash = hash;
  }

  /**
   * The record's sequence, from 1.
   *
   * @return the sequence
   */
  public long sequence() {
    return sequence;
  }

  /**
   * A read-only view of the payload, positioned at 0.
   *
   * @return the payload view, never null
   */
  public ByteBuffer payload() {
    return ByteBuffer.wrap(payload).asReadOnlyBuffer();
  }

  /**
   * A copy of the payload.
   *
   * @return a new array, never null
   */
  public byte[] payloadBytes() {
    return payload.clone();
  }

  /**
   * The payload's length in bytes.
   *
   * @return the length
   */
  public int payloadSize() {
    return payload.length;
  }

  /**
   * The chain hash in lowercase hex (64 characters).
   *
   * @return the hash, never null
   */
  public String hash() {
    return HexFormat.of().formatHex(hash);
  }

  /**
   * This record's checkpoint: its sequence and chain hash.
   *
   * @return the checkpoint, never null
   */
  public Checkpoint checkpoint() {
    return Checkpoint.of(sequence, hash());
  }

  byte[] rawHash() {
    return hash;
  }

  byte[] rawPayload() {
    return payload;
  }

  /**
   * Equal when sequence, payload and hash are equal.
   *
   * @param other the other object, may be null
   * @return whether equal
   */
  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object other) {
    return other instanceof JournalRecord r && r.sequence == sequence && Arrays.equals(r.payload, payload)
        && Arrays.equals(r.hash, hash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sequence, Arrays.hashCode(payload), Arrays.hashCode(hash));
  }

  /**
   * {@code "#12 (230 bytes) 3f9a…"}.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    return "#" + sequence + " (" + payload.length + " bytes) " + hash();
  }
}
