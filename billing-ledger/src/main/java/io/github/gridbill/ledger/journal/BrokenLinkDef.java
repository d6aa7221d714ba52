package io.github.gridbill.ledger.journal;

import io.github.gridbill.core.GridBillStyle;
import org.immutables.value.Value;

/**
 * The first place where a journal's chain breaks: the record expected there, its byte offset and what failed.
 *
 * <p>{@code #17 at byte offset 4112: chain hash must equal SHA-256(previous hash, sequence, payload)}. For an
 * in-memory store the offset is where the record would sit in the file format. Instances are immutable and
 * thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class BrokenLinkDef {

  /**
   * The sequence of the record that failed (the one expected at the offset).
   *
   * @return the sequence, from 1
   */
  @Value.Parameter
  public abstract long sequence();

  /**
   * The byte offset of the record's frame.
   *
   * @return the offset
   */
  @Value.Parameter
  public abstract long offset();

  /**
   * What failed, for example {@code "record must pass its frame checksum"}.
   *
   * @return the reason
   */
  @Value.Parameter
  public abstract String reason();
}
