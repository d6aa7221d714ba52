package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The price of exported energy: flat, per TOU period, a time series, or the energy tiers' sell rates.
 *
 * <p>{@code ExportRate.flat(new BigDecimal("0.05"))}. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class ExportRateDef {

  /**
   * Which form the rate takes.
   *
   * @return the kind
   */
  public abstract ExportRateKind kind();

  /**
   * For FLAT, the rate per kWh.
   *
   * @return the rate, or empty
   */
  public abstract Optional<BigDecimal> flatRate();

  /**
   * For PER_PERIOD, the schedule.
   *
   * @return the schedule, or empty
   */
  public abstract Optional<TouSchedule> schedule();

  /**
   * For PER_PERIOD, the rate of each period of the schedule, indexed by period.
   *
   * @return the rates
   */
  public abstract List<BigDecimal> periodRates();

  /**
   * For TIME_SERIES, the prices.
   *
   * @return the series, or empty
   */
  public abstract Optional<PriceSeries> series();

  /**
   * A flat export rate.
   *
   * @param ratePerKwh the rate, not null
   * @return the export rate, never null
   */
  public static ExportRate flat(BigDecimal ratePerKwh) {
    return ExportRate.builder().kind(ExportRateKind.FLAT).flatRate(ratePerKwh).build();
  }

  /**
   * An export rate per TOU period.
   *
   * @param schedule the schedule, not null
   * @param rates the rate of each period, not null
   * @return the export rate, never null
   */
  public static ExportRate perPeriod(TouSchedule schedule, List<BigDecimal> rates) {
    return ExportRate.builder().kind(ExportRateKind.PER_PERIOD).schedule(schedule).periodRates(rates).build();
  }

  /**
   * Export prices per interval.
   *
   * @param series the prices, not null
   * @return the export rate, never null
   */
  public static ExportRate timeSeries(PriceSeries series) {
    return ExportRate.builder().kind(ExportRateKind.TIME_SERIES).series(series).build();
  }

  /**
   * Exports credited at the sell rate of the energy charge's tier and period.
   *
   * @return the export rate, never null
   */
  public static ExportRate tierSellRates() {
    return ExportRate.builder().kind(ExportRateKind.TIER_SELL_RATES).build();
  }

  @Value.Check
  void check() {
    switch (kind()) {
      case FLAT:
        if (flatRate().isEmpty()) {
          throw new ValidationException("exportRate.flatRate", null, "must be present for a FLAT export rate");
        }
        break;
      case PER_PERIOD:
        if (schedule().isEmpty()) {
          throw new ValidationException("exportRate.schedule", null, "must be present for a PER_PERIOD export rate");
        }
        if (periodRates().size() != schedule().get().periodNames().size()) {
          throw new ValidationException("exportRate.periodRates", periodRates().size() + " rates",
              "must give one rate per schedule period (" + schedule().get().periodNames().size() + ")");
        }
        break;
      case TIME_SERIES:
        if (series().isEmpty()) {
          throw new ValidationException("exportRate.series", null, "must be present for a TIME_SERIES export rate");
        }
        break;
      default:
        break;
    }
  }
}
