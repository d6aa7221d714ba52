package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * One level of a dunning policy: its number and name, the days past due that trigger it and the least amount worth
 * a notice.
 *
 * <p>{@code DunningLevel.of(2, "Second notice", 30, USD 10.00)}: items 30 or more days past due (plus the policy's
 * grace days) go on a level-2 notice when the notice's total is at least USD 10.00. Instances are immutable and
 * thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class DunningLevelDef {

  /**
   * The level number, from 1.
   *
   * @return the level
   */
  @Value.Parameter
  public abstract int level();

  /**
   * The name printed on the notice, for example {@code "Final notice"}.
   *
   * @return the name
   */
  @Value.Parameter
  public abstract String name();

  /**
   * Days past due (before grace) that trigger the level.
   *
   * @return the days, 1 or more
   */
  @Value.Parameter
  public abstract int daysPastDue();

  /**
   * The least total of a notice at this level.
   *
   * @return the minimum, zero or more
   */
  @Value.Parameter
  public abstract Money minimumAmount();

  @Value.Check
  void check() {
    if (level() < 1) {
      throw new ValidationException("level", level(), "must be at least 1");
    }
    Names.name(name(), "name");
    if (daysPastDue() < 1) {
      throw new ValidationException("daysPastDue", daysPastDue(), "must be at least 1");
    }
    if (minimumAmount().isNegative()) {
      throw new ValidationException("minimumAmount", minimumAmount(), "must not be negative");
    }
    Limits.requireAmount(minimumAmount(), "minimumAmount");
  }
}
