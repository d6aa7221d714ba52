package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.DayCalendar;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a demand-response customer baseline (CBL) is estimated: "X of Y" eligible like days before the event, with an
 * optional same-day adjustment and an optional weekend/holiday variant.
 *
 * <p>The rule, as the rater applies it (see {@code billing-rating/RATING.md}):
 * <ol>
 *   <li>Like days: for an event on a weekday, earlier weekdays; for an event on a weekend day or holiday, the
 *       {@link #weekend()} variant's like days when it is set (otherwise weekdays, as for every event). Day types come
 *       from {@link #calendar()}, else from the tariff's first TOU calendar, else Saturday/Sunday weekends.
 *   <li>Eligibility, walking back one day at a time from the day before the event, at most {@link #maxLookbackDays()}
 *       days: a like day is excluded when it is an event day of the program, one of the program's
 *       {@code excludedDays}, or has no complete data for the event's hours; the walk stops when Y eligible days are
 *       found.
 *   <li>Low-usage days: of those, a day whose usage in the event hours is below {@link #lowUsagePercent()} of their
 *       average is excluded (it is not replaced).
 *   <li>Selection: {@link BaselineMethod#AVERAGE} takes the X most recent, {@link BaselineMethod#HIGHEST_X_OF_Y} the
 *       X with the highest usage in the event hours. The baseline of each event interval is the average of the same
 *       intervals (the same local start time, the same number of intervals) on the chosen days. Fewer than X eligible
 *       days are averaged as they are; none gives a zero baseline.
 *   <li>Adjustment ({@link #adjustment()}): over the {@link #adjustmentHours()} hours ending
 *       {@link #adjustmentGapHours()} hours before the event start, the actual load of the event day is compared with
 *       the chosen days' average for the same hours, and the event baseline is scaled (capped ratio) or shifted (capped
 *       offset) by the difference; see {@link BaselineAdjustment}.
 * </ol>
 *
 * <p>Published baselines and how to express them (where a detail could not be confirmed from the published text it is
 * a parameter here, and the default is ours):
 * <ul>
 *   <li>CAISO 10-in-10 (DOMAIN.md's example): the defaults {@code AVERAGE, days 10, window 10, maxLookbackDays 45},
 *       plus a same-day adjustment capped at ±20% ("a 10 of 10 baseline with a 20% same day adjustment", CAISO Baseline
 *       Accuracy Work Group proposal, April 2017); the adjustment form and a ±40% cap that later CAISO proposals
 *       discuss are parameters ({@link #adjustment()}, {@link #adjustmentCapPercent()}).
 *   <li>PJM Manual 11 (Economic Load Response) weekday CBL "High 4 of 5": {@code HIGHEST_X_OF_Y, days 4, window 5,
 *       maxLookbackDays 45, lowUsagePercent 25} with the Symmetric Additive Adjustment {@code ADDITIVE,
 *       adjustmentHours 3, adjustmentGapHours 1}; weekend CBL "High 2 of 3" ({@link WeekendBaseline} defaults with
 *       {@link WeekendMatching#SAME_DAY_OF_WEEK}). The SAA is not capped in our reading of Manual 11: set a cap large
 *       enough never to bind (e.g. 10000). PJM's newer "Same Day (3 + 2)" and "Match Day" CBLs are not modelled.
 *   <li>NYISO (EDRP/SCR Manual 7, DADRP) weekday CBL: {@code HIGHEST_X_OF_Y, days 5, window 10, lowUsagePercent 25}
 *       with the weather-sensitive in-day adjustment {@code MULTIPLICATIVE, adjustmentHours 2, adjustmentGapHours 2,
 *       adjustmentCapPercent 20} (a ratio between 0.8 and 1.2); the look-back limit is a parameter.
 *   <li>PG&amp;E SmartDays: the 5 highest of the 10 previous weekdays, weekend/holiday events the 3 highest of 5
 *       ({@code WeekendBaseline} {@code HIGHEST_X_OF_Y, 3, 5, ANY_WEEKEND_OR_HOLIDAY}); its adjustment also uses
 *       hours after the event, which is not modelled.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe; treat them as value types.
 */
@Value.Immutable
@GridBillStyle
abstract class BaselineRuleDef {

  /**
   * Average of the most recent days, or of the highest-usage days.
   *
   * @return the method, AVERAGE by default
   */
  @Value.Default
  public BaselineMethod method() {
    return BaselineMethod.AVERAGE;
  }

  /**
   * X: how many days are averaged.
   *
   * @return X, 10 by default
   */
  @Value.Default
  public int days() {
    return 10;
  }

  /**
   * Y: how many most recent eligible days are considered.
   *
   * @return Y, 10 by default
   */
  @Value.Default
  public int window() {
    return 10;
  }

  /**
   * How many calendar days back the search for eligible days may go (PJM and CAISO: 45).
   *
   * @return the search limit, 45 by default
   */
  @Value.Default
  public int maxLookbackDays() {
    return 45;
  }

  /**
   * A day whose usage in the event hours is below this percentage of the average of the candidate days is excluded
   * (a low-usage day; PJM and NYISO: 25); zero disables the rule.
   *
   * @return the threshold percentage, 25 by default
   */
  @Value.Default
  public BigDecimal lowUsagePercent() {
    return BigDecimal.valueOf(25);
  }

  /**
   * The same-day adjustment.
   *
   * @return the adjustment, NONE by default
   */
  @Value.Default
  public BaselineAdjustment adjustment() {
    return BaselineAdjustment.NONE;
  }

  /**
   * How many hours the adjustment window lasts (PJM: 3, NYISO: 2).
   *
   * @return the hours, 3 by default
   */
  @Value.Default
  public int adjustmentHours() {
    return 3;
  }

  /**
   * How many hours lie between the end of the adjustment window and the event start (PJM and CAISO skip the hour
   * before the event: 1; NYISO's window starts 4 hours before the event and lasts 2 hours: 2). With the defaults an
   * event at 14:00 is adjusted on 10:00–13:00.
   *
   * @return the gap, 1 by default
   */
  @Value.Default
  public int adjustmentGapHours() {
    return 1;
  }

  /**
   * The cap on the adjustment, as a percentage (20 means a multiplicative factor within 0.8–1.2, or an additive
   * offset of at most 20% of the unadjusted baseline of the adjustment window).
   *
   * @return the cap, 20 by default
   */
  @Value.Default
  public BigDecimal adjustmentCapPercent() {
    return BigDecimal.valueOf(20);
  }

  /**
   * The weekend and holiday variant: when set, an event on a weekend day or holiday is compared with its like days;
   * when empty, every event is compared with weekdays.
   *
   * @return the variant, or empty
   */
  public abstract Optional<WeekendBaseline> weekend();

  /**
   * The calendar that decides weekdays, weekend days and holidays for the baseline (for example NERC holidays);
   * when empty, the calendar of the tariff's first TOU schedule, or Saturday/Sunday weekends without holidays.
   *
   * @return the calendar, or empty
   */
  public abstract Optional<DayCalendar> calendar();

  @Value.Check
  void check() {
    if (days() < 1) {
      throw new ValidationException("baseline.days", days(), "must be at least 1");
    }
    if (window() < days()) {
      throw new ValidationException("baseline.window", window(), "must be at least baseline.days " + days());
    }
    if (maxLookbackDays() < window()) {
      throw new ValidationException("baseline.maxLookbackDays", maxLookbackDays(),
          "must be at least baseline.window " + window());
    }
    if (lowUsagePercent().signum() < 0 || lowUsagePercent().compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new ValidationException("baseline.lowUsagePercent", lowUsagePercent().toPlainString(), "must be 0 to 100");
    }
    if (adjustmentHours() < 1 || adjustmentHours() > 12) {
      throw new ValidationException("baseline.adjustmentHours", adjustmentHours(), "must be 1 to 12");
    }
    if (adjustmentGapHours() < 0 || adjustmentGapHours() > 12) {
      throw new ValidationException("baseline.adjustmentGapHours", adjustmentGapHours(), "must be 0 to 12");
    }
    if (adjustmentCapPercent().signum() < 0) {
      throw new ValidationException("baseline.adjustmentCapPercent", adjustmentCapPercent().toPlainString(),
          "must not be negative");
    }
    if (weekend().isPresent() && weekend().get().window() > maxLookbackDays()) {
      throw new ValidationException("baseline.weekend.window", weekend().get().window(),
          "must be at most baseline.maxLookbackDays " + maxLookbackDays());
    }
  }
}
