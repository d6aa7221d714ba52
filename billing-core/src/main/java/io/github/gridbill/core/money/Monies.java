package io.github.gridbill.core.money;

import io.github.gridbill.core.CurrencyMismatchException;
import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.joda.money.BigMoney;
import org.joda.money.BigMoneyProvider;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The money operations Joda-Money lacks: totals with a currency check, exact products rounded once, and allocation
 * that assigns every minor unit.
 *
 * <p>All methods are static, stateless and thread-safe. Nothing here ever uses {@code double}.
 */
public final class Monies {
  private Monies() {}

  /**
   * Sums amounts that must all be in the given currency; an empty list sums to zero.
   *
   * <p>{@code total(USD, [USD 1.10, USD 2.20])} is {@code USD 3.30}.
   *
   * @param currency the currency every amount must have, not null
   * @param amounts the amounts, not null, no null elements
   * @return the total, never null
   * @throws CurrencyMismatchException if an amount is in another currency, naming its index
   */
  public static Money total(CurrencyUnit currency, Iterable<Money> amounts) {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(amounts, "amounts");
    long minor = 0;
    int i = 0;
    for (Money m : amounts) {
      Objects.requireNonNull(m, "amounts[" + i + "]");
      if (!m.getCurrencyUnit().equals(currency)) {
        throw new CurrencyMismatchException("amounts[" + i + "]", currency, m.getCurrencyUnit(), m);
      }
      minor = Math.addExact(minor, m.getAmountMinorLong());
      i++;
    }
    return Money.ofMinor(currency, minor);
  }

  /**
   * Sums exact (unrounded) amounts that must all be in the given currency; an empty list sums to zero.
   *
   * @param currency the currency every amount must have, not null
   * @param amounts the amounts, not null
   * @return the exact total, never null
   * @throws CurrencyMismatchException if an amount is in another currency, naming its index
   */
  public static BigMoney totalExact(CurrencyUnit currency, Iterable<? extends BigMoneyProvider> amounts) {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(amounts, "amounts");
    BigDecimal sum = BigDecimal.ZERO;
    int i = 0;
    for (BigMoneyProvider p : amounts) {
      BigMoney m = Objects.requireNonNull(p, "amounts[" + i + "]").toBigMoney();
      if (!m.getCurrencyUnit().equals(currency)) {
        throw new CurrencyMismatchException("amounts[" + i + "]", currency, m.getCurrencyUnit(), m);
      }
      sum = sum.add(m.getAmount());
      i++;
    }
    return BigMoney.of(currency, sum);
  }

  /**
   * Requires an amount to be in the given currency.
   *
   * @param field the field name for the error, not null
   * @param amount the amount, not null
   * @param currency the currency required, not null
   * @return the amount
   * @throws CurrencyMismatchException if the currencies differ
   */
  public static <M extends BigMoneyProvider> M requireCurrency(String field, M amount, CurrencyUnit currency) {
    Objects.requireNonNull(amount, field);
    CurrencyUnit actual = amount.toBigMoney().getCurrencyUnit();
    if (!actual.equals(currency)) {
      throw new CurrencyMismatchException(field, currency, actual, amount);
    }
    return amount;
  }

  /**
   * Rounds an exact amount to its currency's minor unit with a declared rounding mode.
   *
   * <p>{@code round(USD 1.005, HALF_UP)} is {@code USD 1.01}; with {@code HALF_EVEN} it is {@code USD 1.00}.
   *
   * @param amount the exact amount, not null
   * @param roundingMode how to round, not null
   * @return the rounded amount, never null
   */
  public static Money round(BigMoneyProvider amount, RoundingMode roundingMode) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(roundingMode, "roundingMode");
    return amount.toBigMoney().toMoney(roundingMode);
  }

  /**
   * Multiplies a quantity by a rate exactly, then rounds once to the currency's minor unit.
   *
   * <p>{@code extend(USD, 450 kWh, 0.20, HALF_UP)} is {@code USD 90.00}; {@code 3 × 0.3333} is {@code USD 1.00}.
   *
   * @param currency the currency, not null
   * @param quantity the quantity, not null
   * @param rate the price per unit, not null
   * @param roundingMode how to round the product, not null
   * @return the rounded amount, never null
   */
  public static Money extend(CurrencyUnit currency, BigDecimal quantity, BigDecimal rate, RoundingMode roundingMode) {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(roundingMode, "roundingMode");
    return Money.of(currency, quantity.multiply(rate), roundingMode);
  }

  /**
   * Splits an amount into {@code parts} nearly equal parts that sum exactly to it.
   *
   * <p>{@code split(USD 100.00, 3)} is {@code [USD 33.34, USD 33.33, USD 33.33]}: the remainder goes one minor unit at
   * a time to the earliest parts. A negative amount splits the same way with negative parts.
   *
   * @param amount the amount to split, not null
   * @param parts the number of parts, at least 1
   * @return the parts in order, an unmodifiable list, never null
   * @throws ValidationException if {@code parts} is less than 1
   */
  public static List<Money> split(Money amount, int parts) {
    Objects.requireNonNull(amount, "amount");
    if (parts < 1) {
      throw new ValidationException("parts", parts, "must be at least 1");
    }
    List<BigDecimal> ratios = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      ratios.add(BigDecimal.ONE);
    }
    return allocate(amount, ratios);
  }

  /**
   * Allocates an amount to parts in proportion to ratios, assigning every minor unit (largest remainder method).
   *
   * <p>Each part first gets its exact share rounded towards zero, in minor units; the minor units left over go one
   * each to the parts with the largest fractional remainders, ties to the earliest part. So every part is within one
   * minor unit of its exact share and the parts sum to the amount. {@code allocate(USD 10.00, [1, 1, 1])} is
   * {@code [3.34, 3.33, 3.33]}; {@code allocate(USD 0.05, [3, 7])} is {@code [0.02, 0.03]} (exact shares 1.5 and 3.5
   * cents: both get their whole cents, 1 and 3, and the one cent left goes to the earlier of the two equal remainders).
   * A ratio may be zero (that part gets nothing); a negative amount gives negative parts.
   *
   * @param amount the amount to allocate, not null
   * @param ratios the ratios, not null, at least one, none negative, not all zero
   * @return the parts in the order of the ratios, an unmodifiable list, never null
   * @throws ValidationException if the ratios are empty, contain a negative value or sum to zero
   */
  public static List<Money> allocate(Money amount, List<BigDecimal> ratios) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(ratios, "ratios");
    if (ratios.isEmpty()) {
      throw new ValidationException("ratios", ratios, "must not be empty");
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < ratios.size(); i++) {
      BigDecimal r = Objects.requireNonNull(ratios.get(i), "ratios[" + i + "]");
      if (r.signum() < 0) {
        throw new ValidationException("ratios[" + i + "]", r.toPlainString(), "must not be negative");
      }
      sum = sum.add(r);
    }
    if (sum.signum() == 0) {
      throw new ValidationException("ratios", ratios, "must not all be zero");
    }
    BigInteger total = BigInteger.valueOf(Math.abs(amount.getAmountMinorLong()));
    int sign = amount.isNegative() ? -1 : 1;
    int n = ratios.size();
    long[] parts = new long[n];
    // remainders as exact fractions over `sum`: remainder_i = (total * r_i) mod sum, compared exactly
    BigDecimal[] remainders = new BigDecimal[n];
    long assigned = 0;
    BigDecimal totalDec = new BigDecimal(total);
    for (int i = 0; i < n; i++) {
      BigDecimal exact = totalDec.multiply(ratios.get(i));
      BigDecimal[] qr = exact.divideAndRemainder(sum);
      parts[i] = qr[0].longValueExact();
      remainders[i] = qr[1];
      assigned += parts[i];
    }
    long left = total.longValueExact() - assigned;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> {
      int c = remainders[b].compareTo(remainders[a]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    for (int k = 0; k < left; k++) {
      parts[order[k]]++;
    }
    List<Money> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(Money.ofMinor(amount.getCurrencyUnit(), sign * parts[i]));
    }
    return Collections.unmodifiableList(out);
  }
}
