package io.github.gridbill.reconcile.cash;

import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import org.joda.money.Money;

/**
 * The bounds that keep cash application's long arithmetic exact: payments, open items and absolute tolerances are at
 * most {@link #MAX_MINOR} minor units, and the sums over all of a payer's items saturate at {@link #SATURATED}
 * instead of wrapping.
 */
final class Amounts {
  /** 2^52 minor units: USD 45,035,996,273,704.96. Sums of up to 1,024 such amounts fit a long exactly. */
  static final long MAX_MINOR = 1L << 52;
  /** Where running sums stop: far above any payment plus tolerance (at most 2 × {@link #MAX_MINOR}). */
  static final long SATURATED = 1L << 62;
  private static final BigDecimal MAX = BigDecimal.valueOf(MAX_MINOR);

  private Amounts() {}

  /** Refuses an amount above {@link #MAX_MINOR} minor units of its currency. */
  static void requireAtMost(Money amount, String field) {
    BigDecimal a = amount.getAmount(); // scale = the currency's decimals: precision counts the minor units' digits
    if (a.precision() > 15 && a.movePointRight(a.scale()).compareTo(MAX) > 0) { // 15 digits < 2^52
      throw new ValidationException(field, amount, "must be at most "
          + Money.ofMinor(amount.getCurrencyUnit(), MAX_MINOR));
    }
  }

  /** {@code a + b} for a running sum {@code a} (at most {@link #SATURATED}) and an amount {@code b}, saturated. */
  static long add(long a, long b) {
    return Math.min(SATURATED, a + b);
  }
}
