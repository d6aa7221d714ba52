package io.github.gridbill.rating.live;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.rating.IntervalSeries;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * How a {@link LiveRater} treats its accounts: the lateness window and the thresholds of its alerts. Every threshold
 * has a documented default; none is a hidden constant.
 *
 * <p>{@code LiveOptions.builder().lateness(Duration.ofHours(2)).defaultBillThreshold(Money.parse("USD 150.00"))
 * .build()}. Instances are immutable and thread-safe; treat them as value types and do not rely on identity.
 */
@Value.Immutable
@GridBillStyle
abstract class LiveOptionsDef {

  /** The longest lateness window: one week. */
  static final Duration MAX_LATENESS = Duration.ofDays(7);

  /**
   * How far behind the latest interval received a reading may still arrive; older readings are
   * {@link IngestOutcome#TOO_LATE}. A whole number of the plan's intervals, from zero to a week; default 4 hours.
   * Memory per account grows by 16 bytes per interval of the window.
   *
   * @return the window
   */
  @Value.Default
  public Duration lateness() {
    return Duration.ofHours(4);
  }

  /**
   * The projected-bill threshold of accounts that set none ({@link AccountSetup#billThreshold()}); default none (no
   * projected-bill alert).
   *
   * @return the threshold, in the tariff's currency, or empty
   */
  public abstract Optional<Money> defaultBillThreshold();

  /**
   * How far over the same point last cycle usage may go before a {@link UsageIncreaseAlert}, in percent; default 20.
   *
   * @return the percentage, positive
   */
  @Value.Default
  public BigDecimal usageIncreasePercent() {
    return BigDecimal.valueOf(20);
  }

  /**
   * How many hours of one day with import and export both zero make a {@link MeterFault#FLAT_ZERO}; 1 to 24,
   * default 12.
   *
   * @return the hours
   */
  @Value.Default
  public int flatZeroHours() {
    return 12;
  }

  /**
   * The daily import at or above which an account "normally consumes" (its reference daily import: the like-day
   * history's average day, else the average of this cycle's complete days that were not low); flat-zero alerts are
   * raised only for such accounts. Default 1 kWh.
   *
   * @return the energy, not negative
   */
  @Value.Default
  public Energy normalDailyUse() {
    return Energy.ofWattHours(1000);
  }

  /**
   * A complete day importing less than this percentage of the reference daily import is a low day, for
   * {@link MeterFault#SUSTAINED_DROP}; above 0 and below 100, at most two decimals, default 50.
   *
   * @return the percentage
   */
  @Value.Default
  public BigDecimal dropPercent() {
    return BigDecimal.valueOf(50);
  }

  /**
   * How many low days in a row make a {@link MeterFault#SUSTAINED_DROP}; at least 1, default 3.
   *
   * @return the days
   */
  @Value.Default
  public int dropDays() {
    return 3;
  }

  /**
   * The sane maximum demand of one interval; a larger reading is refused as bad input. Default
   * {@link io.github.gridbill.rating.IntervalSeries#DEFAULT_MAX_DEMAND} (100 MW).
   *
   * @return the maximum, positive
   */
  @Value.Default
  public Power maxDemand() {
    return IntervalSeries.DEFAULT_MAX_DEMAND;
  }

  @Value.Check
  void check() {
    Duration l = lateness();
    if (l.isNegative() || l.compareTo(MAX_LATENESS) > 0) {
      throw new ValidationException("lateness", l, "must be from zero to " + MAX_LATENESS);
    }
    defaultBillThreshold().ifPresent(t -> {
      if (t.isNegative()) {
        throw new ValidationException("defaultBillThreshold", t, "must not be negative");
      }
    });
    if (usageIncreasePercent().signum() <= 0) {
      throw new ValidationException("usageIncreasePercent", usageIncreasePercent().toPlainString(),
          "must be positive");
    }
    if (flatZeroHours() < 1 || flatZeroHours() > 24) {
      throw new ValidationException("flatZeroHours", flatZeroHours(), "must be 1 to 24");
    }
    if (normalDailyUse().isNegative()) {
      throw new ValidationException("normalDailyUse", normalDailyUse(), "must not be negative");
    }
    BigDecimal d = dropPercent();
    if (d.signum() <= 0 || d.compareTo(BigDecimal.valueOf(100)) >= 0) {
      throw new ValidationException("dropPercent", d.toPlainString(), "must be above 0 and below 100");
    }
    if (d.stripTrailingZeros().scale() > 2) {
      throw new ValidationException("dropPercent", d.toPlainString(), "must have at most two decimals");
    }
    if (dropDays() < 1) {
      throw new ValidationException("dropDays", dropDays(), "must be at least 1");
    }
    if (maxDemand().milliwatts() <= 0) {
      throw new ValidationException("maxDemand", maxDemand(), "must be positive");
    }
  }

  /**
   * The default options.
   *
   * @return the defaults, never null
   */
  public static LiveOptions defaults() {
    return LiveOptions.builder().build();
  }
}
