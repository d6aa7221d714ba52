package io.github.gridbill.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Builds aging reports: one pass over every customer's items, no sorting. Cost O(items + customers).
 *
 * <p>The receivables are summed in one sequential pass over the ledger's list of them (in posting order, which is
 * close to their order in memory), into a row of sums per customer for the currency of its first counted item. A
 * customer whose items or credits turn out to use more than one currency is summed again on its own, currency by
 * currency in the order they first appear, as {@link #customerSums} does. Zero amounts share one {@code Money} per
 * currency.
 */
final class Aging {
  private Aging() {}

  static AgingReport report(LedgerState s, LocalDate asOf, int day, AgingPolicy policy) {
    int[] bounds = policy.bounds().stream().mapToInt(Integer::intValue).toArray();
    int n = bounds.length + 1;
    int width = n + 2;
    boolean byDue = policy.basis() == AgingBasis.DUE_DATE;
    Report r = new Report(n);
    List<Customer> customers = s.customerList;
    int count = customers.size();
    // pass 1: every receivable, in the currency of its customer's first counted item
    @Nullable CurrencyUnit[] first = new CurrencyUnit[count];
    boolean[] mixed = new boolean[count];
    long[] sums = new long[Math.multiplyExact(count, width)];
    List<Item> receivables = s.receivables;
    for (int i = 0; i < receivables.size(); i++) {
      Item it = receivables.get(i);
      if (it.openedDay > day) {
        continue;
      }
      long open = it.openAsOf(day);
      Customer c = it.account.customer;
      if (open == 0 || c == null) {
        continue;
      }
      int ci = c.index;
      CurrencyUnit cur = first[ci];
      if (cur == null) {
        first[ci] = it.currency;
      } else if (!cur.equals(it.currency)) {
        mixed[ci] = true;
        continue;
      }
      sums[ci * width + bucket(it, day, bounds, byDue)] += open;
    }
    // pass 2: credits, and a row per customer
    long[] acc = new long[width];
    for (int ci = 0; ci < count; ci++) {
      Customer c = customers.get(ci);
      CurrencyUnit cur = first[ci];
      long credit = 0;
      for (int k = 0; k < c.credits.size() && !mixed[ci]; k++) {
        Item it = c.credits.get(k);
        if (it.openedDay <= day) {
          long open = it.openAsOf(day);
          if (open != 0) {
            if (cur == null) {
              cur = it.currency;
            } else if (!cur.equals(it.currency)) {
              mixed[ci] = true;
            }
            credit += open;
          }
        }
      }
      if (mixed[ci]) {
        List<CurrencyUnit> currencies = new ArrayList<>(2);
        List<long[]> bySlot = new ArrayList<>(2);
        customerSums(c, day, bounds, byDue, currencies, bySlot);
        for (int i = 0; i < currencies.size(); i++) {
          r.row(c.id, currencies.get(i), bySlot.get(i));
        }
      } else if (cur != null) {
        System.arraycopy(sums, ci * width, acc, 0, width);
        acc[n + 1] = credit;
        r.row(c.id, cur, acc);
      }
    }
    for (Item it : s.unidentified) {
      if (it.openedDay <= day) {
        long open = it.openAsOf(day);
        if (open != 0) {
          r.totals(it.currency)[n + 2] += open;
        }
      }
    }
    Balances ar = s.kindTotal(AccountKind.RECEIVABLE);
    for (int i = 0; i < ar.size(); i++) {
      if (ar.at(i).asOf(day) != 0) {
        r.totals(ar.currency(i));
      }
    }
    List<AgingTotal> out = new ArrayList<>();
    r.totals.forEach((cur, t) -> {
      long total = t[n];
      List<Money> buckets = new ArrayList<>(n);
      for (int b = 0; b < n; b++) {
        buckets.add(Money.ofMinor(cur, t[b]));
        total += t[b];
      }
      out.add(AgingTotal.builder().currency(cur).buckets(buckets).disputed(Money.ofMinor(cur, t[n]))
          .total(Money.ofMinor(cur, total)).credits(Money.ofMinor(cur, t[n + 1]))
          .unidentified(Money.ofMinor(cur, t[n + 2])).arControl(Money.ofMinor(cur, ar.asOf(cur, day)))
          .build());
    });
    return AgingReport.builder().asOf(asOf).policy(policy).rows(r.rows).totals(out).build();
  }

  /** The slot of an open receivable: its bucket by age, or {@code bounds.length + 1} (disputed). */
  private static int bucket(Item it, int day, int[] bounds, boolean byDue) {
    if (it.disputedAsOf(day)) {
      return bounds.length + 1;
    }
    long age = (long) day - (byDue ? it.dueDay : it.openedDay);
    int b = 0;
    while (b < bounds.length && age > bounds[b]) {
      b++;
    }
    return b;
  }

  /**
   * One customer's sums per currency, in the order the currencies first appear among its counted receivables and
   * then its credits: buckets, disputed, credits.
   */
  private static void customerSums(Customer c, int day, int[] bounds, boolean byDue, List<CurrencyUnit> currencies,
      List<long[]> sums) {
    int n = bounds.length + 1;
    for (Item it : c.receivables) {
      if (it.openedDay > day) {
        continue;
      }
      long open = it.openAsOf(day);
      if (open == 0) {
        continue;
      }
      slot(currencies, sums, it.currency, n + 2)[bucket(it, day, bounds, byDue)] += open;
    }
    for (Item it : c.credits) {
      if (it.openedDay <= day) {
        long open = it.openAsOf(day);
        if (open != 0) {
          slot(currencies, sums, it.currency, n + 2)[n + 1] += open;
        }
      }
    }
  }

  /** The rows and the totals per currency of a report being built. */
  private static final class Report {
    final int n;
    final List<AgingRow> rows = new ArrayList<>();
    final Map<CurrencyUnit, long[]> totals = new TreeMap<>();
    private @Nullable CurrencyUnit lastCurrency;
    private long[] lastTotals = new long[0];
    private @Nullable Money zero;

    Report(int n) {
      this.n = n;
    }

    /** The totals of a currency: buckets, disputed, credits, unidentified. */
    long[] totals(CurrencyUnit cur) {
      if (!cur.equals(lastCurrency)) {
        lastTotals = totals.computeIfAbsent(cur, k -> new long[n + 3]);
        lastCurrency = cur;
        zero = null;
      }
      return lastTotals;
    }

    private Money money(CurrencyUnit cur, long minor) {
      if (minor != 0) {
        return Money.ofMinor(cur, minor);
      }
      Money z = zero;
      if (z == null) {
        z = Money.zero(cur);
        zero = z;
      }
      return z;
    }

    /** Adds a customer's row for a currency from its sums (buckets, disputed, credits) and counts it in the totals. */
    void row(String accountId, CurrencyUnit cur, long[] acc) {
      long[] t = totals(cur);
      long total = acc[n];
      List<Money> buckets = new ArrayList<>(n);
      for (int b = 0; b < n; b++) {
        buckets.add(money(cur, acc[b]));
        total += acc[b];
      }
      rows.add(AgingRow.builder().accountId(accountId).currency(cur).buckets(buckets).disputed(money(cur, acc[n]))
          .total(money(cur, total)).credits(money(cur, acc[n + 1])).build());
      for (int b = 0; b < n + 2; b++) {
        t[b] += acc[b];
      }
    }
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
