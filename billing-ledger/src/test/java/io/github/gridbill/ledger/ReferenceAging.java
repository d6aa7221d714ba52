package io.github.gridbill.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The aging report as first written (customer by customer, a list of currencies each): the reference the faster
 * {@link Aging} must equal.
 */
final class ReferenceAging {
  private ReferenceAging() {}

  static AgingReport report(LedgerState s, LocalDate asOf, int day, AgingPolicy policy) {
    int[] bounds = policy.bounds().stream().mapToInt(Integer::intValue).toArray();
    int n = bounds.length + 1;
    int disputed = n;
    int credits = n + 1;
    int unidentified = n + 2;
    boolean byDue = policy.basis() == AgingBasis.DUE_DATE;
    Map<CurrencyUnit, long[]> totals = new TreeMap<>();
    List<AgingRow> rows = new ArrayList<>();
    List<CurrencyUnit> currencies = new ArrayList<>(2);
    List<long[]> sums = new ArrayList<>(2);
    for (Customer c : s.customerList) {
      currencies.clear();
      sums.clear();
      for (Item it : c.receivables) {
        if (it.openedDay > day) {
          continue;
        }
        long open = it.openAsOf(day);
        if (open == 0) {
          continue;
        }
        long[] acc = slot(currencies, sums, it.currency, n + 2);
        if (it.disputedAsOf(day)) {
          acc[disputed] += open;
        } else {
          long age = (long) day - (byDue ? it.dueDay : it.openedDay);
          int b = 0;
          while (b < bounds.length && age > bounds[b]) {
            b++;
          }
          acc[b] += open;
        }
      }
      for (Item it : c.credits) {
        if (it.openedDay <= day) {
          long open = it.openAsOf(day);
          if (open != 0) {
            slot(currencies, sums, it.currency, n + 2)[credits] += open;
          }
        }
      }
      for (int i = 0; i < currencies.size(); i++) {
        CurrencyUnit cur = currencies.get(i);
        long[] acc = sums.get(i);
        long total = acc[disputed];
        List<Money> buckets = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
          buckets.add(Money.ofMinor(cur, acc[b]));
          total += acc[b];
        }
        rows.add(AgingRow.builder().accountId(c.id).currency(cur).buckets(buckets)
            .disputed(Money.ofMinor(cur, acc[disputed])).total(Money.ofMinor(cur, total))
            .credits(Money.ofMinor(cur, acc[credits])).build());
        long[] t = totals.computeIfAbsent(cur, k -> new long[n + 3]);
        for (int b = 0; b < n + 2; b++) {
          t[b] += acc[b];
        }
      }
    }
    for (Item it : s.unidentified) {
      if (it.openedDay <= day) {
        long open = it.openAsOf(day);
        if (open != 0) {
          totals.computeIfAbsent(it.currency, k -> new long[n + 3])[unidentified] += open;
        }
      }
    }
    Balances ar = s.kindTotal(AccountKind.RECEIVABLE);
    for (int i = 0; i < ar.size(); i++) {
      if (ar.at(i).asOf(day) != 0) {
        totals.computeIfAbsent(ar.currency(i), k -> new long[n + 3]);
      }
    }
    List<AgingTotal> out = new ArrayList<>();
    totals.forEach((cur, t) -> {
      long total = t[disputed];
      List<Money> buckets = new ArrayList<>(n);
      for (int b = 0; b < n; b++) {
        buckets.add(Money.ofMinor(cur, t[b]));
        total += t[b];
      }
      out.add(AgingTotal.builder().currency(cur).buckets(buckets).disputed(Money.ofMinor(cur, t[disputed]))
          .total(Money.ofMinor(cur, total)).credits(Money.ofMinor(cur, t[credits]))
          .unidentified(Money.ofMinor(cur, t[unidentified])).arControl(Money.ofMinor(cur, ar.asOf(cur, day)))
          .build());
    });
    return AgingReport.builder().asOf(asOf).policy(policy).rows(rows).totals(out).build();
  }

  private static long[] slot(List<CurrencyUnit> currencies, List<long[]> sums, CurrencyUnit currency, int size) {
    for (int i = 0; i < currencies.size(); i++) {
      if (currencies.get(i).equals(currency)) {
        return sums.get(i);
      }
    }
    long[] s = new long[size];
    currencies.add(currency);
    sums.add(s);
    return s;
  }
}
