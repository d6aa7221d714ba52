package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * How a demand-response customer baseline is estimated: "X of Y" eligible like days, with an optional same-day
 * adjustment.
 *
 * <p>Defaults describe the common 10-of-10 weekday baseline: the average of the same hours on the 10 most recent
 * eligible weekdays (holidays, event days and low-usage days excluded), no adjustment. Instances are immutable.
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
   * How many calendar days back the search for eligible days may go.
   *
   * @return the search limit, 45 by default
   */
  @Value.Default
  public int maxLookbackDays() {
    return 45;
  }

  /**
   * A day whose usage in the event hours is below this percentage of the average of the candidate days is excluded
   * (a low-usage day); zero disables the rule.
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
   * How many hours before the event (ending one hour before its start) the adjustment compares.
   *
   * @return the hours, 3 by default
   */
  @Value.Default
  public int adjustmentHours() {
    return 3;
  }

  /**
   * The cap on the adjustment, as a percentage of the unadjusted baseline (20 means ±20%).
   *
   * @return the cap, 20 by default
   */
  @Value.Default
  public BigDecimal adjustmentCapPercent() {
    return BigDecimal.valueOf(20);
  }

  @Value.Check
  void check() {
    if (days() < 1) {
      throw new ValidationException("baseline.days", days(), "must be at least 1");
    }
    if (window() < days()) {
      throw new ValidationException("baseline.window", window(), "must be at least baseline.days " + days());
    }
    if (maxLookbackDays() < window()) {
      throw new ValidationException("baseline.maxLookbackDays", maxLookbackDays(), "must be at least baseline.window " + window());
    }
    if (adjustmentHours() < 1 || adjustmentHours() > 12) {
      throw new ValidationException("baseline.adjustmentHours", adjustmentHours(), "must be 1 to 12");
    }
  }
}
