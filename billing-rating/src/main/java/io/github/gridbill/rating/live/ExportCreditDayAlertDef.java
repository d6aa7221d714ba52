package io.github.gridbill.rating.live;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.quantity.Energy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.immutables.value.Value;

/**
 * A day on which exports earned credit: net exports per interval (net billing), all exports (buy all, sell all), or
 * exports above the day's imports (net metering); raised once per day, when the day leaves the lateness window.
 *
 * <p>{@link #describe}: {@code M-1 at 2024-07-05 00:00 -04:00: 2024-07-04 credited 6.12 kWh of exports}. Immutable
 * and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class ExportCreditDayAlertDef implements LiveAlert {

  @Override
  public abstract String accountId();

  @Override
  public abstract Instant asOf();

  /**
   * The day, in the tariff's zone.
   *
   * @return the date
   */
  public abstract LocalDate date();

  /**
   * The exported energy that earned credit that day.
   *
   * @return the energy, positive
   */
  public abstract Energy credited();

  @Override
  public AlertKind kind() {
    return AlertKind.EXPORT_CREDIT_DAY;
  }

  /**
   * {@inheritDoc}
   *
   * @param zone the account's zone, not null
   * @return the text, never null
   */
  @Override
  public String describe(ZoneId zone) {
    return AlertText.of(this, zone, date() + " credited " + credited() + " of exports");
  }
}
