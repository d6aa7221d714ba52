package io.github.gridbill.rating;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.time.DayType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One day a demand-response baseline looked at, and what it did with it: {@code 2024-07-12 WEEKDAY CHOSEN 8.000 kWh}
 * in the event hours. Instances are immutable and thread-safe; treat them as value types.
 */
@Value.Immutable
@GridBillStyle
abstract class BaselineDayDef {

  /**
   * The day.
   *
   * @return the date
   */
  @Value.Parameter
  public abstract LocalDate date();

  /**
   * The day's type by the baseline's calendar.
   *
   * @return the day type
   */
  @Value.Parameter
  public abstract DayType dayType();

  /**
   * What the baseline did with the day.
   *
   * @return the status
   */
  @Value.Parameter
  public abstract BaselineDayStatus status();

  /**
   * The day's usage in the event hours (the same local start, the same number of intervals), where it was measured:
   * for CHOSEN, NOT_CHOSEN and LOW_USAGE days.
   *
   * @return the kWh, or empty
   */
  @Value.Parameter
  public abstract Optional<BigDecimal> usageKwh();
}
