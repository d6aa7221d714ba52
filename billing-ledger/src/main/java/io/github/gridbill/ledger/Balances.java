package io.github.gridbill.ledger;

import java.util.Arrays;
import org.joda.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/** The per-currency {@link DayBalances} of one account (or one kind); most accounts have one currency. */
final class Balances {
  private CurrencyUnit[] currencies = new CurrencyUnit[1];
  private DayBalances[] balances = new DayBalances[1];
  private int size;

  DayBalances of(CurrencyUnit currency) {
    for (int i = 0; i < size; i++) {
      if (currencies[i].equals(currency)) {
        return balances[i];
      }
    }
    if (size == currencies.length) {
      currencies = Arrays.copyOf(currencies, size * 2);
      balances = Arrays.copyOf(balances, size * 2);
    }
    currencies[size] = currency;
    balances[size] = new DayBalances();
    return balances[size++];
  }

  @Nullable DayBalances find(CurrencyUnit currency) {
    for (int i = 0; i < size; i++) {
      if (currencies[i].equals(currency)) {
        return balances[i];
      }
    }
    return null;
  }

  long asOf(CurrencyUnit currency, int day) {
    DayBalances b = find(currency);
    return b == null ? 0 : b.asOf(day);
  }

  int size() {
    return size;
  }

  CurrencyUnit currency(int i) {
    return currencies[i];
  }

  DayBalances at(int i) {
    return balances[i];
  }
}
