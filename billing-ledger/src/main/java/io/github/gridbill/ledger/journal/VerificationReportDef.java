package io.github.gridbill.ledger.journal;

import io.github.gridbill.core.GridBillStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The result of {@link JournalStore#verify()}: how many records passed, the checkpoint of the last good one, and the
 * first broken link if any.
 *
 * <p>An intact journal of 3 records reports {@code recordsChecked() == 3}, {@code tip()} = record 3's checkpoint and
 * an empty {@code firstBroken()}. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class VerificationReportDef {

  /**
   * The number of records that passed every check, from the first.
   *
   * @return the count
   */
  public abstract long recordsChecked();

  /**
   * The checkpoint of the last record that passed ({@link Checkpoint#genesis()} if none did).
   *
   * @return the checkpoint
   */
  public abstract Checkpoint tip();

  /**
   * The first broken link, if the walk found one.
   *
   * @return the broken link, or empty when the journal is intact
   */
  public abstract Optional<BrokenLink> firstBroken();

  /**
   * Whether the whole journal passed.
   *
   * @return true if no link is broken
   */
  public boolean isIntact() {
    return firstBroken().isEmpty();
  }
}
