package io.github.gridbill.rating.vee;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.IntervalRange;
import io.github.gridbill.rating.ReadingQuality;
import org.immutables.value.Value;

/**
 * A run of consecutive intervals that one estimation step filled the same way: the intervals, their quality, the
 * method, and the basis in words.
 *
 * <p>{@code [2024-06-03T09:00Z, 2024-06-03T09:45Z) #36+3 ESTIMATED LINEAR_INTERPOLATION "linear between 0.400 kWh at
 * 2024-06-03T08:45:00Z and 0.800 kWh at 2024-06-03T09:45:00Z"}. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class EstimationRecordDef {

  /**
   * The intervals.
   *
   * @return the range
   */
  @Value.Parameter
  public abstract IntervalRange range();

  /**
   * Their quality: ESTIMATED or SUBSTITUTED.
   *
   * @return the quality
   */
  @Value.Parameter
  public abstract ReadingQuality quality();

  /**
   * The method that made them.
   *
   * @return the method
   */
  @Value.Parameter
  public abstract EstimationMethod method();

  /**
   * What the values were made from, for example {@code "like day 2024-05-27 (monday)"}.
   *
   * @return the basis
   */
  @Value.Parameter
  public abstract String basis();
}
