package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import java.time.LocalDate;
import java.util.List;
import org.immutables.value.Value;

/**
 * The result of {@link Ledger#runDunning}: the notices issued, recorded in the journal so that no level is repeated
 * for the same items, and whether this call was an idempotent retry.
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class DunningRunDef {

  /**
   * The run's date.
   *
   * @return the date
   */
  public abstract LocalDate asOf();

  /**
   * The notices, by customer in ledger order, then level.
   *
   * @return the notices, possibly empty
   */
  public abstract List<DunningNotice> notices();

  /**
   * The journal entry recording the run.
   *
   * @return the posting result (its {@code replayed()} says whether the run was a retry)
   */
  public abstract PostingResult posting();
}
