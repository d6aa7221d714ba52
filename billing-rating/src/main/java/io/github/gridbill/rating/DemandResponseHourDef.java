package io.github.gridbill.rating;

import io.github.gridbill.core.GridBillStyle;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import org.immutables.value.Value;

/**
 * One local clock hour of a demand-response event (or the part of it inside the event): {@code 14:00, 4 intervals,
 * baseline 2.000 kWh, adjusted 2.400 kWh, actual 0.500 kWh, reduction 1.900 kWh, credit 0.95}. Instances are
 * immutable and thread-safe; treat them as value types.
 */
@Value.Immutable
@GridBillStyle
abstract class DemandResponseHourDef {

  /**
   * The start of the hour's first interval in the event.
   *
   * @return the instant
   */
  public abstract Instant startInclusive();

  /**
   * The same start in the tariff's local time.
   *
   * @return the local date-time
   */
  public abstract LocalDateTime localStart();

  /**
   * How many meter intervals of the event fall in the hour.
   *
   * @return the count
   */
  public abstract int intervals();

  /**
   * The unadjusted baseline: the average of the chosen days.
   *
   * @return the kWh
   */
  public abstract BigDecimal unadjustedBaselineKwh();

  /**
   * The baseline after the same-day adjustment (equal to the unadjusted one without adjustment).
   *
   * @return the kWh
   */
  public abstract BigDecimal baselineKwh();

  /**
   * The customer's actual load.
   *
   * @return the kWh
   */
  public abstract BigDecimal actualKwh();

  /**
   * The reduction credited: floored at zero per interval or per hour, by the program's reduction basis.
   *
   * @return the kWh, never negative
   */
  public abstract BigDecimal reductionKwh();

  /**
   * The credit earned: reduction × incentive rate, exact (positive: paid to the customer).
   *
   * @return the amount
   */
  public abstract BigDecimal credit();
}
