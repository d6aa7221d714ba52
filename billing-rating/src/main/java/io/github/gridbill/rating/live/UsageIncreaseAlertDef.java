package io.github.gridbill.rating.live;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.quantity.Energy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.immutables.value.Value;

/**
 * Usage this cycle is more than {@link LiveOptions#usageIncreasePercent()} over the same point last cycle (the
 * like-day history over the same span of local time, {@code lookback} earlier); raised once per cycle.
 *
 * <p>{@link #describe}: {@code M-1 at 2024-07-11 00:00 -04:00: 412.5 kWh so far, 300 kWh at the same point last
 * cycle: 37.50% over (threshold 20%)}. Immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class UsageIncreaseAlertDef implements LiveAlert {

  @Override
  public abstract String accountId();

  @Override
  public abstract Instant asOf();

  /**
   * Import received this cycle so far.
   *
   * @return the energy
   */
  public abstract Energy usage();

  /**
   * Import over the same span last cycle.
   *
   * @return the energy
   */
  public abstract Energy lastCycleUsage();

  /**
   * How far over, in percent, rounded half up to two decimals.
   *
   * @return the percentage
   */
  public abstract BigDecimal percentOver();

  /**
   * The threshold percentage.
   *
   * @return the percentage
   */
  public abstract BigDecimal thresholdPercent();

  @Override
  public AlertKind kind() {
    return AlertKind.USAGE_ABOVE_LAST_CYCLE;
  }

  /**
   * {@inheritDoc}
   *
   * @param zone the account's zone, not null
   * @return the text, never null
   */
  @Override
  public String describe(ZoneId zone) {
    return AlertText.of(this, zone, usage() + " so far, " + lastCycleUsage() + " at the same point last cycle: "
        + percentOver().toPlainString() + "% over (threshold " + AlertText.plain(thresholdPercent()) + "%)");
  }
}
