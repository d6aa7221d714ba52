package io.github.gridbill.ledger.journal;

import io.github.gridbill.core.DataFormatException;

/**
 * A stored journal record is damaged somewhere other than a torn tail: opening (or reading) refuses it and names the
 * byte offset of the record's frame.
 *
 * <p>Example message:
 * {@code "/data/ledger/journal.gbj at byte offset 4112: record must pass its frame checksum: #17"}. Nothing is
 * truncated or repaired: restore the file from a copy, or keep it for investigation.
 */
public class JournalCorruptedException extends DataFormatException {
  private static final long serialVersionUID = 1L;

  /** The byte offset of the damaged frame. */
  private final long offset;
  /** The sequence expected at the offset. */
  private final long sequence;

  /**
   * Creates the error.
   *
   * @param source the journal's name (file path), not null
   * @param offset the byte offset of the damaged frame
   * @param sequence the sequence expected at that offset
   * @param reason the check that failed, for example {@code "must pass its frame checksum"}, not null
   */
  public JournalCorruptedException(String source, long offset, long sequence, String reason) {
    this(source, offset, sequence, "record", "#" + sequence, reason);
  }

  /**
   * Creates the error naming another field than the record, for example the file's magic number.
   *
   * @param source the journal's name (file path), not null
   * @param offset the byte offset of the damage
   * @param sequence the sequence expected at that offset (0 for the file header)
   * @param field the damaged field, for example {@code "journal"}, not null
   * @param value the offending value, may be null
   * @param reason the check that failed, not null
   */
  public JournalCorruptedException(String source, long offset, long sequence, String field,
      @org.jspecify.annotations.Nullable Object value, String reason) {
    super(source, "byte offset " + offset, field, value, reason);
    this.offset = offset;
    this.sequence = sequence;
  }

  /**
   * The byte offset of the damaged frame.
   *
   * @return the offset
   */
  public long offset() {
    return offset;
  }

  /**
   * The sequence of the record expected at the offset.
   *
   * @return the sequence
   */
  public long sequence() {
    return sequence;
  }
}
