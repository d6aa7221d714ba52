package io.github.gridbill.rating;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.tariff.BaselineAdjustment;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a demand-response baseline was adjusted on the event day: the adjustment window, the actual and baseline kWh in
 * it, the raw ratio or offset, the cap bounds and the value applied.
 *
 * <p>A multiplicative adjustment over 10:00–13:00 with 6.6 kWh actual against a 5.0 kWh baseline has the raw ratio
 * 1.32, bounds 0.8 and 1.2, and applies 1.2 (capped). An additive one applies an offset in kWh per meter interval.
 * When the adjustment cannot be worked out (no data for the window, a zero baseline in it) it is not applied and
 * {@link #notAppliedBecause()} says why. Instances are immutable and thread-safe; treat them as value types.
 */
@Value.Immutable
@GridBillStyle
abstract class BaselineAdjustmentDetailDef {

  /**
   * The kind of adjustment.
   *
   * @return ADDITIVE or MULTIPLICATIVE
   */
  public abstract BaselineAdjustment kind();

  /**
   * The local start of the adjustment window on the event day.
   *
   * @return the start
   */
  public abstract LocalDateTime windowStart();

  /**
   * The local end of the adjustment window, exclusive.
   *
   * @return the end
   */
  public abstract LocalDateTime windowEnd();

  /**
   * The customer's actual load in the window on the event day.
   *
   * @return the kWh, or empty when not measured
   */
  public abstract Optional<BigDecimal> actualKwh();

  /**
   * The unadjusted baseline in the window: the average of the chosen days' load in the same hours.
   *
   * @return the kWh, or empty when not measured
   */
  public abstract Optional<BigDecimal> baselineKwh();

  /**
   * The adjustment before the cap: the ratio actual ÷ baseline (6 decimals), or the offset (actual − baseline) ÷ the
   * window's interval count, in kWh per interval (9 decimals).
   *
   * @return the raw value, or empty when not applied
   */
  public abstract Optional<BigDecimal> rawValue();

  /**
   * The lowest value the cap allows.
   *
   * @return the bound, or empty when not applied
   */
  public abstract Optional<BigDecimal> lowerBound();

  /**
   * The highest value the cap allows.
   *
   * @return the bound, or empty when not applied
   */
  public abstract Optional<BigDecimal> upperBound();

  /**
   * The value applied: the factor (1 when not applied) or the offset per interval (0 when not applied).
   *
   * @return the value
   */
  public abstract BigDecimal value();

  /**
   * Whether the cap changed the raw value.
   *
   * @return true when capped
   */
  public abstract boolean capped();

  /**
   * Why the adjustment was not applied.
   *
   * @return the reason, or empty when it was applied
   */
  public abstract Optional<String> notAppliedBecause();
}
