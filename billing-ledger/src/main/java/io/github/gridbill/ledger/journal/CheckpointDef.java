package io.github.gridbill.ledger.journal;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A checkpoint digest of a journal: a sequence and the chain hash of the record with that sequence.
 *
 * <p>Because each hash covers every record before it, a checkpoint pins the whole history up to its sequence: keep
 * {@code Checkpoint.parse("1042:9f86d0…")} somewhere the journal's owner cannot edit, and later
 * {@link JournalStore#compare(Checkpoint)} tells whether that history is unchanged. The text form is
 * {@code "<sequence>:<64 lowercase hex digits>"}. Sequence 0 with 64 zeros is the empty journal
 * ({@link #genesis()}). Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class CheckpointDef {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
  private static final String ZEROS = "0".repeat(64);

  /**
   * The sequence of the record, 0 for the empty journal.
   *
   * @return the sequence
   */
  @Value.Parameter
  public abstract long sequence();

  /**
   * The record's chain hash, 64 lowercase hex digits.
   *
   * @return the hash
   */
  @Value.Parameter
  public abstract String hash();

  /**
   * The checkpoint of the empty journal: sequence 0 and 32 zero bytes.
   *
   * @return the genesis checkpoint, never null
   */
  public static Checkpoint genesis() {
    return Checkpoint.of(0, ZEROS);
  }

  /**
   * Parses the text form {@code "<sequence>:<hash>"}, for example {@code "2:5d41402abc4b2a76b9719d911017c592…"}.
   *
   * @param text the text, not null
   * @return the checkpoint, never null
   * @throws ValidationException if the text is not a sequence, a colon and 64 lowercase hex digits
   */
  public static Checkpoint parse(CharSequence text) {
    Objects.requireNonNull(text, "text");
    String s = text.toString();
    int colon = s.indexOf(':');
    long sequence;
    try {
      sequence = colon < 1 ? -1 : Long.parseLong(s.substring(0, colon));
    } catch (NumberFormatException e) {
      sequence = -1;
    }
    if (sequence < 0) {
      throw new ValidationException("checkpoint", s, "must be <sequence>:<64 hex digits>");
    }
    return Checkpoint.of(sequence, s.substring(colon + 1));
  }

  @Value.Check
  void check() {
    if (sequence() < 0) {
      throw new ValidationException("sequence", sequence(), "must not be negative");
    }
    if (!HEX.matcher(hash()).matches()) {
      throw new ValidationException("hash", hash(), "must be 64 lowercase hex digits");
    }
    if (sequence() == 0 && !hash().equals(ZEROS)) {
      throw new ValidationException("hash", hash(), "must be 64 zeros at sequence 0");
    }
  }

  /**
   * The text form, {@code "<sequence>:<hash>"}; {@link #parse(CharSequence)} reads it back.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    return sequence() + ":" + hash();
  }
}
