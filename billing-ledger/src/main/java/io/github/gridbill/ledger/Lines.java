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

  /**
   * Requires two or more lines whose debits equal their credits in each currency.
   *
   * @throws ValidationException naming the first unbalanced currency (in code order)
   */
  static void requireBalanced(List<JournalLine> lines, String field) {
    if (lines.size() < 2) {
      throw new ValidationException(field, lines.size(), "must have at least 2 lines");
    }
    Map<CurrencyUnit, long[]> sums = new TreeMap<>();
    for (JournalLine l : lines) {
      long[] s = sums.computeIfAbsent(l.amount().getCurrencyUnit(), c -> new long[2]);
      int i = l.side() == EntrySide.DEBIT ? 0 : 1;
      try {
        s[i] = Math.addExact(s[i], l.amount().getAmountMinorLong());
      } catch (ArithmeticException e) {
        throw new ValidationException(field, l.amount(), "must not total more than " + Long.MAX_VALUE
            + " minor units");
      }
    }
    for (Map.Entry<CurrencyUnit, long[]> e : sums.entrySet()) {
      long[] s = e.getValue();
      if (s[0] != s[1]) {
        throw new ValidationException(field, e.getKey() + " debits " + Money.ofMinor(e.getKey(), s[0]).getAmount()
            .toPlainString() + ", credits " + Money.ofMinor(e.getKey(), s[1]).getAmount().toPlainString(),
            "must balance in each currency");
      }
    }
  }
}
