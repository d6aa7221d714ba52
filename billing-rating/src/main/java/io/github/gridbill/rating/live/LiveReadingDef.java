package io.github.gridbill.rating.live;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.ReadingQuality;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * One interval reading for a {@link LiveAccount}: the interval's start, import and export in mWh, and its quality.
 *
 * <p>{@code LiveReading.of(Instant.parse("2024-07-01T14:15:00Z"), 2_500_000, 0)} is 2.5 kWh imported in the quarter
 * hour from 14:15 UTC. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class LiveReadingDef {

  /**
   * The start of the interval; it must be on the plan's grid.
   *
   * @return the start
   */
  @Value.Parameter
  public abstract Instant intervalStart();

  /**
   * Imported energy in mWh.
   *
   * @return the import, not negative
   */
  @Value.Parameter
  public abstract long importMwh();

  /**
   * Exported energy in mWh.
   *
   * @return the export, not negative
   */
  @Value.Parameter
  public abstract long exportMwh();

  /**
   * The quality of the value; default ACTUAL. MISSING is not a reading and is refused.
   *
   * @return the quality
   */
  @Value.Default
  public ReadingQuality quality() {
    return ReadingQuality.ACTUAL;
  }

  /**
   * How a non-actual value was produced; default NONE.
   *
   * @return the method
   */
  @Value.Default
  public EstimationMethod method() {
    return EstimationMethod.NONE;
  }

  @Value.Check
  void check() {
    if (importMwh() < 0) {
      throw new ValidationException("importMwh", importMwh(), "must not be negative");
    }
    if (exportMwh() < 0) {
      throw new ValidationException("exportMwh", exportMwh(), "must not be negative");
    }
    if (quality() == ReadingQuality.MISSING) {
      throw new ValidationException("quality", quality(), "must not be MISSING (a missing interval is not a reading)");
    }
  }
}
