package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.money.Monies;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * How late fees are charged, for {@link Ledger#assessLateFee}: a rate on the overdue amount, at least a flat fee.
 *
 * <p>The overdue amount of a customer on a day is the sum of the open amounts, in the policy's currency, of its
 * undisputed receivable items more than {@link #graceDays()} past due, leaving out earlier late fees. The fee is
 * {@code max(flatFee, overdue × rate)}, the product rounded once with {@link #roundingMode()}; nothing is charged
 * when the overdue amount is zero or below {@link #minimumOverdue()}. Example: rate 0.015, flat fee USD 5.00, overdue
 * USD 1,000.00 → fee USD 15.00; overdue USD 200.00 → USD 5.00. The fee is due {@link #netDays()} after assessment.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class LateFeePolicyDef {

  /**
   * The currency of the items charged and of the fee.
   *
   * @return the currency
   */
  public abstract CurrencyUnit currency();

  /**
   * The rate on the overdue amount per assessment, a fraction: 0.015 is 1.5%.
   *
   * @return the rate, zero or more
   */
  public abstract BigDecimal rate();

  /**
   * The least fee charged when anything is overdue.
   *
   * @return the flat fee, or empty for none
   */
  public abstract Optional<Money> flatFee();

  /**
   * No fee while the overdue amount is below this.
   *
   * @return the minimum, zero by default
   */
  @Value.Default
  public Money minimumOverdue() {
    return Money.zero(currency());
  }

  /**
   * Days past due before an item counts as overdue.
   *
   * @return the grace days, 0 or more
   */
  @Value.Default
  public int graceDays() {
    return 0;
  }

  /**
   * Days from assessment to the fee's due date.
   *
   * @return the days, 0 or more
   */
  @Value.Default
  public int netDays() {
    return 0;
  }

  /**
   * The rounding of {@code overdue × rate}.
   *
   * @return the rounding mode, HALF_UP by default
   */
  @Value.Default
  public RoundingMode roundingMode() {
    return RoundingMode.HALF_UP;
  }

  /**
   * The fee on an overdue amount: {@code feeOn(USD 1000.00)} is USD 15.00 at 1.5%.
   *
   * @param overdue the overdue amount in the policy's currency, not null
   * @return the fee (zero when nothing is charged), never null
   */
  public Money feeOn(Money overdue) {
    Monies.requireCurrency("overdue", overdue, currency());
    if (!overdue.isPositive() || overdue.isLessThan(minimumOverdue())) {
      return Money.zero(currency());
    }
    Money byRate = overdue.multipliedBy(rate(), roundingMode());
    return flatFee().filter(f -> f.isGreaterThan(byRate)).orElse(byRate);
  }

  @Value.Check
  void check() {
    if (rate().signum() < 0) {
      throw new ValidationException("rate", rate().toPlainString(), "must not be negative");
    }
    flatFee().ifPresent(f -> {
      Monies.requireCurrency("flatFee", f, currency());
      if (f.isNegative()) {
        throw new ValidationException("flatFee", f, "must not be negative");
      }
      Limits.requireAmount(f, "flatFee");
    });
    Monies.requireCurrency("minimumOverdue", minimumOverdue(), currency());
    if (minimumOverdue().isNegative()) {
      throw new ValidationException("minimumOverdue", minimumOverdue(), "must not be negative");
    }
    if (graceDays() < 0) {
      throw new ValidationException("graceDays", graceDays(), "must not be negative");
    }
    if (netDays() < 0) {
      throw new ValidationException("netDays", netDays(), "must not be negative");
    }
  }
}
