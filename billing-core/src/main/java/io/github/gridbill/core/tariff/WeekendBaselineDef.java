package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.DayOfWeek;
import org.immutables.value.Value;

/**
 * The weekend and holiday variant of a demand-response baseline: which like days an event on a weekend day or holiday
 * is compared with, and how many ("X of Y"). Eligibility (event days, excluded days, missing data, low usage), the
 * look-back limit and the same-day adjustment are those of the enclosing {@link BaselineRule}.
 *
 * <p>Defaults are "the highest 2 of the 3 most recent like days", the weekend CBL of PJM Manual 11 and of NYISO;
 * CAISO's weekend/holiday baseline is the average of 4 of 4 ({@code method AVERAGE, days 4, window 4}), PG&amp;E
 * SmartDays the highest 3 of the 5 previous weekend days or holidays ({@code HIGHEST_X_OF_Y, 3, 5}). For example
 * {@code WeekendBaseline.builder().matching(WeekendMatching.SAME_DAY_OF_WEEK).build()} compares a Saturday event with
 * the highest 2 of the 3 previous Saturdays. Instances are immutable and thread-safe; treat them as value types.
 */
@Value.Immutable
@GridBillStyle
abstract class WeekendBaselineDef {

  /**
   * Average of the most recent like days, or of the highest-usage ones.
   *
   * @return the method, HIGHEST_X_OF_Y by default
   */
  @Value.Default
  public BaselineMethod method() {
    return BaselineMethod.HIGHEST_X_OF_Y;
  }

  /**
   * X: how many like days are averaged.
   *
   * @return X, 2 by default
   */
  @Value.Default
  public int days() {
    return 2;
  }

  /**
   * Y: how many most recent eligible like days are considered.
   *
   * @return Y, 3 by default
   */
  @Value.Default
  public int window() {
    return 3;
  }

  /**
   * Which days are like days.
   *
   * @return the matching, ANY_WEEKEND_OR_HOLIDAY by default
   */
  @Value.Default
  public WeekendMatching matching() {
    return WeekendMatching.ANY_WEEKEND_OR_HOLIDAY;
  }

  /**
   * With {@link WeekendMatching#SAME_DAY_OF_WEEK}: the day of the week that holidays are pooled with (PJM pools
   * Sundays and holidays). It should be one of the calendar's weekend days; when it is not, holidays are compared only
   * with holidays.
   *
   * @return the day, SUNDAY by default
   */
  @Value.Default
  public DayOfWeek holidayLikeDay() {
    return DayOfWeek.SUNDAY;
  }

  @Value.Check
  void check() {
    if (days() < 1) {
      throw new ValidationException("baseline.weekend.days", days(), "must be at least 1");
    }
    if (window() < days()) {
      throw new ValidationException("baseline.weekend.window", window(),
          "must be at least baseline.weekend.days " + days());
    }
  }
}
