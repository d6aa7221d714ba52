package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.core.ConflictException;
import io.github.gridbill.core.CurrencyMismatchException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.ledger.JournalEntry;
import io.github.gridbill.ledger.JournalLine;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.LedgerAccount;
import io.github.gridbill.reconcile.cash.OpenItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Sub-ledger to control: the sum of open items per customer against that customer's AR balance, the sum of all
 * against the AR control account, per currency and as of a day, every difference reported with the entries involved.
 *
 * <pre>{@code
 * ReceivablesReconciliationReport r = ReceivablesReconciler.of(ledger)
 *     .withExternalControl(Map.of(CurrencyUnit.USD, glArControlBalance))   // optional: the general ledger's figure
 *     .reconcile(LocalDate.parse("2024-04-30"));
 * r.isReconciled(); r.differences(); r.toCsv();
 * }</pre>
 *
 * <p><b>What is compared</b>, per currency at the end of the day:
 *
 * <ul>
 *   <li>per customer, the open receivable items (the ledger's own, or a sub-ledger given with
 *       {@link #withOpenItems}) against the balance of {@code RECEIVABLE:<customer>}
 *       ({@link DifferenceKind#CUSTOMER_RECEIVABLE}); and the customer's open credits against its
 *       {@code UNAPPLIED_CASH} balance ({@link DifferenceKind#CUSTOMER_CREDITS});
 *   <li>the open unidentified payments against {@code UNIDENTIFIED_CASH} ({@link DifferenceKind#UNIDENTIFIED_CASH});
 *   <li>all open items against the AR control ({@code Ledger.arControl}, {@link DifferenceKind#AR_CONTROL}), and the
 *       AR control another book keeps (the general ledger), when given with {@link #withExternalControl}, against the
 *       ledger's ({@link DifferenceKind#EXTERNAL_CONTROL}).
 * </ul>
 *
 * <p>The ledger refuses any line on a receivable, unapplied-cash or unidentified-cash account that does not name an
 * item, so its own items and balances tie by construction: with the ledger's own items, this reconciliation is a
 * check of the ledger's bookkeeping (item states against per-day account balances and kind totals, which it keeps
 * apart). Differences come from outside: a sub-ledger kept elsewhere (a billing system's open invoices, an export)
 * that no longer agrees, or a general ledger whose AR control account received a manual journal without an item.
 *
 * <p><b>Entries involved.</b> Each difference lists the ledger's entries on the accounts compared
 * ({@code Ledger.entries(account, from, to)}) effective in the window from {@link #withEntriesFrom} (by default the
 * day after the closed period, else the first day) to the day reconciled; a customer difference found against a
 * sub-ledger lists only the entries that moved the items that differ, and names those items. The control
 * differences list the entries of the customers that differ, or, when none does, every receivable entry of the
 * window (on a large ledger, narrow the window). Instances are immutable and thread-safe; each {@code reconcile}
 * reads the ledger's current state.
 */
public final class ReceivablesReconciler {
  private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

  /** How many readings of the ledger a reconciliation makes at most when entries are posted during each. */
  static final int ATTEMPTS = 3;

  private final Books books;
  private final Optional<LocalDate> entriesFrom;
  private final Map<CurrencyUnit, Money> externalControl;
  private final Optional<List<OpenItem>> openItems;

  private ReceivablesReconciler(Books books, Optional<LocalDate> entriesFrom,
      Map<CurrencyUnit, Money> externalControl, Optional<List<OpenItem>> openItems) {
    this.books = books;
    this.entriesFrom = entriesFrom;
    this.externalControl = externalControl;
    this.openItems = openItems;
  }

  /**
   * A reconciler of a ledger's own open items against its accounts, with no other book.
   *
   * <p>{@code ReceivablesReconciler.of(ledger).reconcile(LocalDate.parse("2024-04-30")).isReconciled()} is
   * {@code true} for any ledger: its items and balances tie. Add {@link #withOpenItems} or
   * {@link #withExternalControl} to compare it with books kept elsewhere.
   *
   * @param ledger the ledger, not null
   * @return the reconciler, never null
   */
  public static ReceivablesReconciler of(Ledger ledger) {
    return over(Books.of(Objects.requireNonNull(ledger, "ledger")));
  }

  /** A reconciler of the figures given (the tests doctor them). */
  static ReceivablesReconciler over(Books books) {
    return new ReceivablesReconciler(books, Optional.empty(), Map.of(), Optional.empty());
  }

  /**
   * A copy whose differences list the entries effective from a day on (up to the day reconciled). This instance is
   * immutable and unaffected by this method.
   *
   * <p>{@code withEntriesFrom(2024-04-01)} after the March reconciliation tied.
   *
   * @param fromInclusive the first day, not null
   * @return the copy, never null
   */
  public ReceivablesReconciler withEntriesFrom(LocalDate fromInclusive) {
    return new ReceivablesReconciler(books, Optional.of(Objects.requireNonNull(fromInclusive, "fromInclusive")),
        externalControl, openItems);
  }

  /**
   * A copy that also compares the AR control balance of another book (the general ledger's AR control account, as of
   * the same day) with the ledger's, per currency. This instance is immutable and unaffected by this method.
   *
   * <p>{@code withExternalControl(Map.of(USD, Money.parse("USD 295.00")))}.
   *
   * @param balances currency to the other book's debit balance, not null, each in its key's currency
   * @return the copy, never null
   * @throws CurrencyMismatchException if a balance is in another currency than its key
   */
  public ReceivablesReconciler withExternalControl(Map<CurrencyUnit, Money> balances) {
    Objects.requireNonNull(balances, "balances");
    Map<CurrencyUnit, Money> copy = new TreeMap<>();
    balances.forEach((c, m) -> {
      Objects.requireNonNull(c, "balances key");
      Objects.requireNonNull(m, "balances[" + c + "]");
      if (!m.getCurrencyUnit().equals(c)) {
        throw new CurrencyMismatchException("balances[" + c + "]", c, m.getCurrencyUnit(), m);
      }
      copy.put(c, m);
    });
    return new ReceivablesReconciler(books, entriesFrom, Map.copyOf(copy), openItems);
  }

  /**
   * A copy that takes the customers' open items from a sub-ledger kept elsewhere instead of the ledger's own. This
   * instance is immutable and unaffected by this method.
   *
   * <p>{@code withOpenItems(billingSystem.openInvoices())}: each item's account, invoice number and open amount are
   * compared; dates and dispute flags are not.
   *
   * @param items the open items, not null, invoice numbers unique
   * @return the copy, never null
   * @throws ValidationException if an account id cannot name a ledger account (blank, over 200 characters, control
   *     characters) or an invoice number repeats
   */
  public ReceivablesReconciler withOpenItems(List<OpenItem> items) {
    Objects.requireNonNull(items, "items");
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      OpenItem it = Objects.requireNonNull(items.get(i), "items[" + i + "]");
      try {
        LedgerAccount.receivable(it.accountId());
      } catch (ValidationException e) {
        throw new ValidationException("items[" + i + "].accountId", it.accountId(), e.reason(), e);
      }
      Integer before = seen.putIfAbsent(it.invoiceNumber(), i);
      if (before != null) {
        throw new ValidationException("items[" + i + "].invoiceNumber", it.invoiceNumber(),
            "must be unique (items[" + before + "] has it too)");
      }
    }
    return new ReceivablesReconciler(books, entriesFrom, externalControl, Optional.of(List.copyOf(items)));
  }

  /** Open items of one customer in one currency: count, sum, and each item's open amount. */
  private static final class Tally {
    int count;
    long minor;
    final Map<String, Long> items = new LinkedHashMap<>();

    void add(String number, long open) {
      count++;
      minor += open;
      items.put(number, open);
    }
  }

  /**
   * Reconciles as of a day: balances and items at the end of {@code asOf}.
   *
   * <p>{@code reconcile(LocalDate.parse("2024-04-30"))} on a ledger whose customers ACC-1 (INV-1 USD 100.00 open)
   * and ACC-2 (a USD 20.00 unapplied payment) tie: two customer rows, one USD control row ({@code openItems 100.00,
   * arControl 100.00}), {@code isReconciled() true}.
   *
   * <p>The ledger is read with several queries; if entries are posted meanwhile, it is read again (up to three
   * times), so the report is of one state of the ledger. Nothing is posted.
   *
   * @param asOf the day, not null
   * @return the report, never null
   * @throws ValidationException if the window's first day ({@link #withEntriesFrom}) is after {@code asOf}
   * @throws ConflictException if entries were posted while each of three readings of the ledger ran
   */
  public ReceivablesReconciliationReport reconcile(LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    LocalDate from = entriesFrom.orElseGet(() -> books.closedThrough().map(d -> d.plusDays(1))
        .filter(d -> !d.isAfter(asOf)).orElse(FIRST_DAY));
    if (from.isAfter(asOf)) {
      throw new ValidationException("entriesFrom", from, "must not be after asOf " + asOf);
    }
    for (int attempt = 1; ; attempt++) {
      long before = books.lastSequence();
      ReceivablesReconciliationReport r = read(asOf, from);
      long after = books.lastSequence();
      if (after == before) {
        return r;
      }
      if (attempt == ATTEMPTS) {
        throw new ConflictException("ledger.lastSequence", after, "must not change while the ledger is reconciled "
            + "(entries were posted during each of " + ATTEMPTS + " readings)");
      }
    }
  }

  private ReceivablesReconciliationReport read(LocalDate asOf, LocalDate from) {
    LocalDate to = asOf.plusDays(1);
    Map<String, Map<CurrencyUnit, Tally>> sub = new LinkedHashMap<>();
    if (openItems.isPresent()) {
      for (OpenItem it : openItems.get()) {
        tally(sub, it.accountId(), it.openAmount()).add(it.invoiceNumber(), it.openAmount().getAmountMinorLong());
      }
    } else {
      for (io.github.gridbill.ledger.OpenItem it : books.openItems(asOf)) {
        tally(sub, it.accountId().orElseThrow(), it.openAmount()).add(it.number(),
            it.openAmount().getAmountMinorLong());
      }
    }
    Set<String> customers = new LinkedHashSet<>(books.customers());
    customers.addAll(sub.keySet());
    List<ReceivablesRow> rows = new ArrayList<>();
    List<LedgerDifference> differences = new ArrayList<>();
    Map<CurrencyUnit, long[]> receivableTotals = new TreeMap<>();
    Map<CurrencyUnit, Set<JournalEntry>> differingEntries = new HashMap<>();
    for (String c : customers) {
      Map<CurrencyUnit, Tally> mine = sub.getOrDefault(c, Map.of());
      Map<CurrencyUnit, Money> receivable = books.balances(LedgerAccount.receivable(c), asOf);
      Map<CurrencyUnit, Money> unapplied = books.balances(LedgerAccount.unappliedCash(c), asOf);
      Map<CurrencyUnit, Long> credits = new HashMap<>();
      for (io.github.gridbill.ledger.OpenItem cr : books.openCredits(c, asOf)) {
        credits.merge(cr.currency(), cr.openAmount().getAmountMinorLong(), Long::sum);
      }
      Set<CurrencyUnit> currencies = new TreeSet<>(Comparator.comparing(CurrencyUnit::getCode));
      currencies.addAll(mine.keySet());
      currencies.addAll(receivable.keySet());
      currencies.addAll(unapplied.keySet());
      currencies.addAll(credits.keySet());
      for (CurrencyUnit cur : currencies) {
        Tally t = mine.getOrDefault(cur, new Tally());
        Money recv = receivable.getOrDefault(cur, Money.zero(cur));
        ReceivablesRow row = ReceivablesRow.builder().accountId(c).openItemCount(t.count)
            .openItems(Money.ofMinor(cur, t.minor)).receivable(recv)
            .openCredits(Money.ofMinor(cur, credits.getOrDefault(cur, 0L)))
            .unappliedCash(unapplied.getOrDefault(cur, Money.zero(cur)).negated()).build();
        receivableTotals.computeIfAbsent(cur, k -> new long[1])[0] += recv.getAmountMinorLong();
        if (row.openItemCount() == 0 && row.openItems().isZero() && row.receivable().isZero()
            && row.openCredits().isZero() && row.unappliedCash().isZero()) {
          continue;
        }
        rows.add(row);
        if (!row.receivableDifference().isZero()) {
          LedgerDifference d = customerDifference(c, cur, t, row, asOf, from, to);
          differences.add(d);
          differingEntries.computeIfAbsent(cur, k -> new LinkedHashSet<>()).addAll(d.entries());
        }
        if (!row.creditDifference().isZero()) {
          LedgerAccount un = LedgerAccount.unappliedCash(c);
          differences.add(LedgerDifference.builder().kind(DifferenceKind.CUSTOMER_CREDITS).subject(c).account(un)
              .expected(row.openCredits()).ledger(row.unappliedCash())
              .entries(inCurrency(books.entries(un, from, to), un, cur))
              .detail("open credits " + row.openCredits() + " against the credit balance " + row.unappliedCash()
                  + " of " + un).build());
        }
      }
    }
    // unidentified cash
    Map<CurrencyUnit, Long> unidentified = new TreeMap<>(Comparator.comparing(CurrencyUnit::getCode));
    for (io.github.gridbill.ledger.OpenItem u : books.unidentifiedPayments(asOf)) {
      unidentified.merge(u.currency(), u.openAmount().getAmountMinorLong(), Long::sum);
    }
    LedgerAccount uc = LedgerAccount.unidentifiedCash();
    Map<CurrencyUnit, Money> ucBalances = books.balances(uc, asOf);
    // control, per currency
    Set<CurrencyUnit> currencies = new TreeSet<>(Comparator.comparing(CurrencyUnit::getCode));
    sub.values().forEach(m -> currencies.addAll(m.keySet()));
    currencies.addAll(receivableTotals.keySet());
    currencies.addAll(externalControl.keySet());
    currencies.addAll(unidentified.keySet());
    currencies.addAll(ucBalances.keySet());
    List<ControlRow> control = new ArrayList<>();
    List<JournalEntry> allReceivable = null;
    for (CurrencyUnit cur : currencies) {
      int count = 0;
      long items = 0;
      for (Map<CurrencyUnit, Tally> m : sub.values()) {
        Tally t = m.get(cur);
        if (t != null) {
          count += t.count;
          items += t.minor;
        }
      }
      long[] recvTotal = receivableTotals.get(cur);
      ControlRow row = ControlRow.builder().openItemCount(count).openItems(Money.ofMinor(cur, items))
          .customerReceivables(Money.ofMinor(cur, recvTotal == null ? 0 : recvTotal[0]))
          .arControl(books.arControl(cur, asOf)).externalControl(Optional.ofNullable(externalControl.get(cur)))
          .unidentifiedPayments(Money.ofMinor(cur, unidentified.getOrDefault(cur, 0L)))
          .unidentifiedCash(ucBalances.getOrDefault(cur, Money.zero(cur)).negated()).build();
      if (row.openItemCount() == 0 && row.openItems().isZero() && row.customerReceivables().isZero()
          && row.arControl().isZero() && row.externalControl().isEmpty() && row.unidentifiedPayments().isZero()
          && row.unidentifiedCash().isZero()) {
        continue; // a currency the accounts moved in before, and nothing of it is left as of the day
      }
      control.add(row);
      if (!row.unidentifiedPayments().isEqual(row.unidentifiedCash())) {
        differences.add(LedgerDifference.builder().kind(DifferenceKind.UNIDENTIFIED_CASH).subject(cur.getCode())
            .account(uc).expected(row.unidentifiedPayments()).ledger(row.unidentifiedCash())
            .entries(inCurrency(books.entries(uc, from, to), uc, cur))
            .detail("open unidentified payments " + row.unidentifiedPayments() + " against the credit balance "
                + row.unidentifiedCash() + " of " + uc).build());
      }
      if (!row.difference().isZero()) {
        Set<JournalEntry> involved = differingEntries.getOrDefault(cur, Set.of());
        List<JournalEntry> entries;
        if (involved.isEmpty()) {
          allReceivable = allReceivable != null ? allReceivable : receivableEntries(customers, from, to);
          entries = receivableInCurrency(allReceivable, cur);
        } else {
          entries = sorted(involved);
        }
        differences.add(LedgerDifference.builder().kind(DifferenceKind.AR_CONTROL).subject(cur.getCode())
            .expected(row.openItems()).ledger(row.arControl()).entries(entries)
            .detail(row.openItemCount() + " open items " + row.openItems() + " against the AR control "
                + row.arControl() + (involved.isEmpty() ? "" : "; the customers that differ explain "
                + Money.ofMinor(cur, differenceOf(differences, cur))))
            .build());
      }
      if (row.externalDifference().isPresent() && !row.externalDifference().get().isZero()) {
        allReceivable = allReceivable != null ? allReceivable : receivableEntries(customers, from, to);
        differences.add(LedgerDifference.builder().kind(DifferenceKind.EXTERNAL_CONTROL).subject(cur.getCode())
            .expected(row.externalControl().orElseThrow()).ledger(row.arControl())
            .entries(receivableInCurrency(allReceivable, cur))
            .detail("the other book's AR control " + row.externalControl().orElseThrow() + " against the ledger's "
                + row.arControl() + "; the ledger's receivable entries from " + from + " to " + asOf + " are listed")
            .build());
      }
    }
    return ReceivablesReconciliationReport.builder().asOf(asOf).entriesFrom(from).customers(rows).control(control)
        .differences(differences).build();
  }

  private static Tally tally(Map<String, Map<CurrencyUnit, Tally>> sub, String accountId, Money amount) {
    return sub.computeIfAbsent(accountId, k -> new HashMap<>()).computeIfAbsent(amount.getCurrencyUnit(),
        k -> new Tally());
  }

  private LedgerDifference customerDifference(String c, CurrencyUnit cur, Tally t, ReceivablesRow row,
      LocalDate asOf, LocalDate from, LocalDate to) {
    LedgerAccount ar = LedgerAccount.receivable(c);
    List<JournalEntry> window = inCurrency(books.entries(ar, from, to), ar, cur);
    StringBuilder detail = new StringBuilder().append(row.openItemCount()).append(" open items ")
        .append(row.openItems()).append(" against the balance ").append(row.receivable()).append(" of ").append(ar);
    if (openItems.isPresent()) {
      Map<String, Long> ledgerItems = new LinkedHashMap<>();
      for (io.github.gridbill.ledger.OpenItem it : books.openItems(c, asOf)) {
        if (it.currency().equals(cur)) {
          ledgerItems.put(it.number(), it.openAmount().getAmountMinorLong());
        }
      }
      Set<String> differing = new LinkedHashSet<>();
      List<String> words = new ArrayList<>();
      for (Map.Entry<String, Long> e : t.items.entrySet()) {
        Long l = ledgerItems.get(e.getKey());
        if (l == null || l.longValue() != e.getValue().longValue()) {
          differing.add(e.getKey());
          words.add(e.getKey() + " (sub-ledger " + Money.ofMinor(cur, e.getValue()) + ", ledger "
              + (l == null ? "not open" : Money.ofMinor(cur, l).toString()) + ")");
        }
      }
      for (Map.Entry<String, Long> e : ledgerItems.entrySet()) {
        if (!t.items.containsKey(e.getKey())) {
          differing.add(e.getKey());
          words.add(e.getKey() + " (sub-ledger not open, ledger " + Money.ofMinor(cur, e.getValue()) + ")");
        }
      }
      if (!differing.isEmpty()) {
        detail.append("; items that differ: ").append(String.join(", ", words));
        List<JournalEntry> moved = new ArrayList<>();
        for (JournalEntry e : window) {
          for (JournalLine l : e.lines()) {
            if (l.account().equals(ar) && l.itemRef().isPresent() && differing.contains(l.itemRef().get())) {
              moved.add(e);
              break;
            }
          }
        }
        window = moved;
      }
    }
    return LedgerDifference.builder().kind(DifferenceKind.CUSTOMER_RECEIVABLE).subject(c).account(ar)
        .expected(row.openItems()).ledger(row.receivable()).entries(window).detail(detail.toString()).build();
  }

  private static long differenceOf(List<LedgerDifference> differences, CurrencyUnit cur) {
    long sum = 0;
    for (LedgerDifference d : differences) {
      if (d.kind() == DifferenceKind.CUSTOMER_RECEIVABLE && d.currency().equals(cur)) {
        sum += d.difference().getAmountMinorLong();
      }
    }
    return sum;
  }

  private List<JournalEntry> receivableEntries(Collection<String> customers, LocalDate from, LocalDate to) {
    Set<JournalEntry> all = new LinkedHashSet<>();
    for (String c : customers) {
      all.addAll(books.entries(LedgerAccount.receivable(c), from, to));
    }
    return sorted(all);
  }

  private static List<JournalEntry> sorted(Collection<JournalEntry> entries) {
    List<JournalEntry> out = new ArrayList<>(entries);
    out.sort(Comparator.comparingLong(JournalEntry::sequence));
    return out;
  }

  /** The entries with a line on an account in a currency. */
  private static List<JournalEntry> inCurrency(List<JournalEntry> entries, LedgerAccount account, CurrencyUnit cur) {
    List<JournalEntry> out = new ArrayList<>();
    for (JournalEntry e : entries) {
      for (JournalLine l : e.lines()) {
        if (l.account().equals(account) && l.amount().getCurrencyUnit().equals(cur)) {
          out.add(e);
          break;
        }
      }
    }
    return out;
  }

  /** The entries with a line on any receivable account in a currency. */
  private static List<JournalEntry> receivableInCurrency(List<JournalEntry> entries, CurrencyUnit cur) {
    List<JournalEntry> out = new ArrayList<>();
    for (JournalEntry e : entries) {
      for (JournalLine l : e.lines()) {
        if (l.account().kind() == io.github.gridbill.ledger.AccountKind.RECEIVABLE
            && l.amount().getCurrencyUnit().equals(cur)) {
          out.add(e);
          break;
        }
      }
    }
    return out;
  }
}
