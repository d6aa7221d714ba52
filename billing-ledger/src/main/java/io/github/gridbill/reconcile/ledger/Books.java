package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.ledger.JournalEntry;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.LedgerAccount;
import io.github.gridbill.ledger.OpenItem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The figures the receivables reconciliation reads from a ledger, one query each. {@link #of(Ledger)} reads them from
 * the ledger itself; the ledger keeps item states, account balances and kind totals apart but refuses every entry that
 * would make them disagree, so the tests doctor single figures through this seam to see each difference reported.
 */
interface Books {

  /** The ledger read. */
  Ledger ledger();

  default long lastSequence() {
    return ledger().lastSequence();
  }

  default List<String> customers() {
    return ledger().customers();
  }

  default List<OpenItem> openItems(LocalDate asOf) {
    return ledger().openItems(asOf);
  }

  default List<OpenItem> openItems(String accountId, LocalDate asOf) {
    return ledger().openItems(accountId, asOf);
  }

  default List<OpenItem> openCredits(String accountId, LocalDate asOf) {
    return ledger().openCredits(accountId, asOf);
  }

  default List<OpenItem> unidentifiedPayments(LocalDate asOf) {
    return ledger().unidentifiedPayments(asOf);
  }

  default Map<CurrencyUnit, Money> balances(LedgerAccount account, LocalDate asOf) {
    return ledger().balances(account, asOf);
  }

  default Money arControl(CurrencyUnit currency, LocalDate asOf) {
    return ledger().arControl(currency, asOf);
  }

  default List<JournalEntry> entries(LedgerAccount account, LocalDate fromInclusive, LocalDate toExclusive) {
    return ledger().entries(account, fromInclusive, toExclusive);
  }

  default Optional<LocalDate> closedThrough() {
    return ledger().closedThrough();
  }

  /** The ledger's own figures. */
  static Books of(Ledger ledger) {
    return () -> ledger;
  }
}
