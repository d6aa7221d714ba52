package io.github.gridbill.rating.live;

import io.github.gridbill.core.GridBillStyle;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/**
 * What became of a batch of readings: how many were accepted or duplicates, and which intervals conflicted or came
 * too late (none of those changed the account).
 *
 * <p>{@code accepted=94, duplicates=2, conflicts=[2024-07-03T10:15:00Z], tooLate=[]}. Instances are immutable and
 * thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class IngestSummaryDef {

  /**
   * Readings folded into the bill-to-date.
   *
   * @return the count
   */
  public abstract int accepted();

  /**
   * Readings that repeated a received interval with the same value.
   *
   * @return the count
   */
  public abstract int duplicates();

  /**
   * The starts of intervals whose reading conflicted with the one received, in batch order.
   *
   * @return the interval starts
   */
  public abstract List<Instant> conflicts();

  /**
   * The starts of intervals whose reading came after the lateness window, in batch order.
   *
   * @return the interval starts
   */
  public abstract List<Instant> tooLate();

  /**
   * Every reading of the batch.
   *
   * @return accepted + duplicates + conflicts + too late
   */
  public int total() {
    return accepted() + duplicates() + conflicts().size() + tooLate().size();
  }
}
