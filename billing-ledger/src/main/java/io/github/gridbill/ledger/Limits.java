package io.github.gridbill.ledger;

import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import org.joda.money.Money;

/**
 * The ledger's bound on amounts: a ledger debits at most {@link #MAX_MINOR} minor units in a currency over its life,
 * so no single amount it takes may be larger. Keeping every amount, and every currency's debits, within 2^61 keeps
 * every balance, total and sum of them within a long.
 */
final class Limits {
  /** 2^61 minor units: USD 23,058,430,092,136,939.52. */
  static final long MAX_MINOR = 1L << 61;
  private static final BigDecimal MAX = BigDecimal.valueOf(MAX_MINOR);

  private Limits() {}

  /**
   * Refuses an amount whose size is past {@link #MAX_MINOR} minor units of its currency.
   *
   * @throws ValidationException naming the field and the amount
   */
  static void requireAmount(Money amount, String field) {
    BigDecimal a = amount.getAmount(); // scale = the currency's decimals: precision counts the minor units' digits
    if (a.precision() > 18 && a.movePointRight(a.scale()).abs().compareTo(MAX) > 0) { // 18 digits < 2^61
      throw new ValidationException(field, amount, "must be at most "
          + Money.ofMinor(amount.getCurrencyUnit(), MAX_MINOR) + " in size");
    }
  }
}
