package io.github.gridbill.ledger;

import io.github.gridbill.core.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Checks on the lines of an entry. */
final class Lines {
  private Lines() {}

  /** Takes each currency's debit total of an entry found balanced. */
  @FunctionalInterface
  interface Debits {
    void accept(CurrencyUnit currency, long debits);
  }

  private static final Debits IGNORED = (currency, debits) -> { };

  /**
   * Requires two or more lines whose debits equal their credits in each currency.
   *
   * @throws ValidationException naming the first unbalanced currency (in code order)
   */
  static void requireBalanced(List<JournalLine> lines, String field) {
    requireBalanced(lines, field, IGNORED);
  }

  /**
   * Requires two or more lines whose debits equal their credits in each currency, then hands each currency's debit
   * total (in code order) to {@code debits}.
   *
   * @throws ValidationException naming the first unbalanced currency (in code order)
   */
  static void requireBalanced(List<JournalLine> lines, String field, Debits debits) {
    if (lines.size() < 2) {
      throw new ValidationException(field, lines.size(), "must have at least 2 lines");
    }
    int n = lines.size();
    CurrencyUnit first = lines.get(0).amount().getCurrencyUnit();
    boolean oneCurrency = true;
    for (int k = 1; k < n && oneCurrency; k++) {
      oneCurrency = lines.get(k).amount().getCurrencyUnit().equals(first);
    }
    if (oneCurrency) {
      // the common case, without a map: the same sums, failures and messages as below
      long debitTotal = 0;
      long credits = 0;
      for (int k = 0; k < n; k++) {
        JournalLine l = lines.get(k);
        Money amount = l.amount();
        try {
          if (l.side() == EntrySide.DEBIT) {
            debitTotal = Math.addExact(debitTotal, amount.getAmountMinorLong());
          } else {
            credits = Math.addExact(credits, amount.getAmountMinorLong());
          }
        } catch (ArithmeticException e) {
          throw tooLarge(field, amount);
        }
      }
      if (debitTotal != credits) {
        throw unbalanced(field, first, debitTotal, credits);
      }
      debits.accept(first, debitTotal);
      return;
    }
    Map<CurrencyUnit, long[]> sums = new TreeMap<>();
    for (JournalLine l : lines) {
      long[] s = sums.computeIfAbsent(l.amount().getCurrencyUnit(), c -> new long[2]);
      int i = l.side() == EntrySide.DEBIT ? 0 : 1;
      try {
        s[i] = Math.addExact(s[i], l.amount().getAmountMinorLong());
      } catch (ArithmeticException e) {
        throw tooLarge(field, l.amount());
      }
    }
    for (Map.Entry<CurrencyUnit, long[]> e : sums.entrySet()) {
      long[] s = e.getValue();
      if (s[0] != s[1]) {
        throw unbalanced(field, e.getKey(), s[0], s[1]);
      }
    }
    sums.forEach((currency, s) -> debits.accept(currency, s[0]));
  }

  private static ValidationException tooLarge(String field, Money amount) {
    return new ValidationException(field, amount, "must not total more than " + Long.MAX_VALUE + " minor units");
  }

  private static ValidationException unbalanced(String field, CurrencyUnit currency, long debits, long credits) {
    return new ValidationException(field, currency + " debits " + Money.ofMinor(currency, debits).getAmount()
        .toPlainString() + ", credits " + Money.ofMinor(currency, credits).getAmount().toPlainString(),
        "must balance in each currency");
  }
}
