package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.money.Monies;
import java.util.List;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;

/**
 * A dunning policy, for {@link Ledger#runDunning}: levels by days past due, grace days, and a currency.
 *
 * <p>Reminder at 1 day, second notice at 30, final notice at 60, collection at 90, 5 grace days:
 * {@code DunningPolicy.builder().currency(USD).graceDays(5).addLevel(DunningLevel.of(1, "Reminder", 1, USD 5.00))
 * ...build()}. An undisputed open item in the policy's currency reaches the highest level whose
 * {@code daysPastDue + graceDays} it has passed; it goes on a notice at that level unless it was already dunned at
 * that level or higher. Levels are numbered 1, 2, 3, … with strictly increasing days. Instances are immutable and
 * thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class DunningPolicyDef {

  /**
   * The currency of the items dunned and of the minimum amounts.
   *
   * @return the currency
   */
  public abstract CurrencyUnit currency();

  /**
   * Days added to every level's trigger.
   *
   * @return the grace days, 0 or more
   */
  @Value.Default
  public int graceDays() {
    return 0;
  }

  /**
   * The levels, in order.
   *
   * @return the levels, at least one
   */
  public abstract List<DunningLevel> levels();

  @Value.Check
  void check() {
    if (graceDays() < 0) {
      throw new ValidationException("graceDays", graceDays(), "must not be negative");
    }
    if (levels().isEmpty()) {
      throw new ValidationException("levels", levels(), "must not be empty");
    }
    for (int i = 0; i < levels().size(); i++) {
      DunningLevel l = levels().get(i);
      if (l.level() != i + 1) {
        throw new ValidationException("levels[" + i + "].level", l.level(), "must be " + (i + 1));
      }
      if (i > 0 && l.daysPastDue() <= levels().get(i - 1).daysPastDue()) {
        throw new ValidationException("levels[" + i + "].daysPastDue", l.daysPastDue(),
            "must be more than the previous level's " + levels().get(i - 1).daysPastDue());
      }
      Monies.requireCurrency("levels[" + i + "].minimumAmount", l.minimumAmount(), currency());
    }
  }
}
