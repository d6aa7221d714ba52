package io.github.gridbill.reconcile.ledger;

import static io.github.gridbill.reconcile.ledger.Rx.EUR;
import static io.github.gridbill.reconcile.ledger.Rx.USD;
import static io.github.gridbill.reconcile.ledger.Rx.d;
import static io.github.gridbill.reconcile.ledger.Rx.eur;
import static io.github.gridbill.reconcile.ledger.Rx.issue;
import static io.github.gridbill.reconcile.ledger.Rx.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.ConflictException;
import io.github.gridbill.ledger.Allocation;
import io.github.gridbill.ledger.JournalEntry;
import io.github.gridbill.ledger.JournalLine;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.LedgerAccount;
import io.github.gridbill.ledger.ManualEntry;
import io.github.gridbill.ledger.Payment;
import io.github.gridbill.ledger.PaymentApplication;
import io.github.gridbill.ledger.PaymentMethod;
import io.github.gridbill.reconcile.cash.OpenItem;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sub-ledger to control, hand-made: a ledger whose own items tie, a billing system's sub-ledger that does not, another
 * book's control, and figures doctored one at a time to see every kind of difference reported with its entries.
 */
class ReceivablesReconcilerTest {
  static final LocalDate AS_OF = d("2024-04-30");

  Ledger ledger;

  /**
   * #1 INV-1 ACC-1 EUR 100.00, #2 INV-2 ACC-1 EUR 50.00, #3 INV-3 ACC-2 EUR 80.00, #4 INV-4 ACC-3 USD 60.00, #5 P-1
   * ACC-1 EUR 30.00 received 04-05, #6 P-1 applies 20.00 to INV-1, #7 P-2 EUR 40.00 from an unknown payer.
   */
  @BeforeEach
  void books() {
    ledger = Rx.ledger();
    issue(ledger, "INV-1", "ACC-1", "2024-03-01", "2024-03-31", eur("100.00"));
    issue(ledger, "INV-2", "ACC-1", "2024-03-05", "2024-04-04", eur("50.00"));
    issue(ledger, "INV-3", "ACC-2", "2024-03-10", "2024-04-09", eur("80.00"));
    issue(ledger, "INV-4", "ACC-3", "2024-03-10", "2024-04-09", usd("60.00"));
    ledger.recordPayment("pay/P-1", Payment.builder().paymentId("P-1").accountId("ACC-1").amount(eur("30.00"))
        .method(PaymentMethod.CARD).receivedOn(d("2024-04-05")).build());
    ledger.applyPayment("apply/P-1", PaymentApplication.openItem("P-1", d("2024-04-05"), Allocation.of("INV-1",
        eur("20.00"))));
    ledger.recordPayment("pay/P-2", Payment.builder().paymentId("P-2").amount(eur("40.00"))
        .method(PaymentMethod.EFT).receivedOn(d("2024-04-06")).externalReference("BNK-77").build());
  }

  /** The billing system's open invoices: the ledger's own, as the cash-application engine's items. */
  List<OpenItem> billingSystem() {
    return new ArrayList<>(LedgerOpenItems.of(ledger, AS_OF));
  }

  static List<Long> sequences(List<JournalEntry> entries) {
    return entries.stream().map(JournalEntry::sequence).toList();
  }

  @Test
  void theLedgersOwnItemsTieToEveryCustomerAndToTheControl() {
    ReceivablesReconciliationReport r = ReceivablesReconciler.of(ledger).reconcile(AS_OF);

    assertThat(r.isReconciled()).isTrue();
    assertThat(r.differenceCount()).isZero();
    assertThat(r.differencesByKind()).isEmpty();
    assertThat(r.differenceTotal(DifferenceKind.AR_CONTROL)).isEmpty();
    assertThat(r.asOf()).isEqualTo(AS_OF);
    assertThat(r.entriesFrom()).isEqualTo(LocalDate.of(1, 1, 1));
    assertThat(r.customerCount()).isEqualTo(3);
    assertThat(r.customers()).containsExactly(
        ReceivablesRow.builder().accountId("ACC-1").openItemCount(2).openItems(eur("130.00"))
            .receivable(eur("130.00")).openCredits(eur("10.00")).unappliedCash(eur("10.00")).build(),
        ReceivablesRow.builder().accountId("ACC-2").openItemCount(1).openItems(eur("80.00"))
            .receivable(eur("80.00")).openCredits(eur("0.00")).unappliedCash(eur("0.00")).build(),
        ReceivablesRow.builder().accountId("ACC-3").openItemCount(1).openItems(usd("60.00"))
            .receivable(usd("60.00")).openCredits(usd("0.00")).unappliedCash(usd("0.00")).build());
    assertThat(r.customers().get(0).customerBalance()).isEqualTo(eur("120.00"));
    assertThat(r.customers()).allMatch(ReceivablesRow::ties);
    assertThat(r.control()).containsExactly(
        ControlRow.builder().openItemCount(3).openItems(eur("210.00")).customerReceivables(eur("210.00"))
            .arControl(eur("210.00")).unidentifiedPayments(eur("40.00")).unidentifiedCash(eur("40.00")).build(),
        ControlRow.builder().openItemCount(1).openItems(usd("60.00")).customerReceivables(usd("60.00"))
            .arControl(usd("60.00")).unidentifiedPayments(usd("0.00")).unidentifiedCash(usd("0.00")).build());
    assertThat(r.toCsv()).isEqualTo("kind,subject,account,currency,expected,ledger,difference,entries,entry_keys,"
        + "statement_line,detail\r\n");
  }

  @Test
  void theCustomerAndControlRowsExportAsCsvWithTheirDifferences() throws IOException {
    issue(ledger, "INV-5", "ACC-4, Smith", "2024-04-01", "2024-04-30", eur("25.00"));
    List<OpenItem> billing = billingSystem();
    billing.removeIf(i -> i.invoiceNumber().equals("INV-2")); // paid in the billing system

    ReceivablesReconciliationReport r = ReceivablesReconciler.of(ledger).withOpenItems(billing)
        .withExternalControl(Map.of(EUR, eur("260.00"))).reconcile(AS_OF);

    assertThat(r.customersCsv()).isEqualTo("account_id,currency,open_item_count,open_items,receivable,"
        + "receivable_difference,open_credits,unapplied_cash,credit_difference,customer_balance\r\n"
        + "ACC-1,EUR,1,80.00,130.00,-50.00,10.00,10.00,0.00,120.00\r\n"
        + "ACC-2,EUR,1,80.00,80.00,0.00,0.00,0.00,0.00,80.00\r\n"
        + "ACC-3,USD,1,60.00,60.00,0.00,0.00,0.00,0.00,60.00\r\n"
        + "\"ACC-4, Smith\",EUR,1,25.00,25.00,0.00,0.00,0.00,0.00,25.00\r\n");
    assertThat(r.controlCsv()).isEqualTo("currency,open_item_count,open_items,customer_receivables,ar_control,"
        + "difference,external_control,external_difference,unidentified_payments,unidentified_cash,"
        + "unidentified_difference\r\n"
        + "EUR,3,185.00,235.00,235.00,-50.00,260.00,25.00,40.00,40.00,0.00\r\n"
        + "USD,1,60.00,60.00,60.00,0.00,,,0.00,0.00,0.00\r\n");
    StringBuilder customers = new StringBuilder("before\r\n");
    r.writeCustomersCsv(customers);
    assertThat(customers).hasToString("before\r\n" + r.customersCsv());
    StringBuilder control = new StringBuilder();
    r.writeControlCsv(control);
    assertThat(control).hasToString(r.controlCsv());
    assertThat(r.control().get(0).unidentifiedDifference()).isEqualTo(eur("0.00"));
  }

  @Test
  void withNothingOpenTheCustomerAndControlCsvAreTheirHeaders() {
    ReceivablesReconciliationReport r = ReceivablesReconciler.of(Rx.ledger()).reconcile(AS_OF);

    assertThat(r.customersCsv()).isEqualTo("account_id,currency,open_item_count,open_items,receivable,"
        + "receivable_difference,open_credits,unapplied_cash,credit_difference,customer_balance\r\n");
    assertThat(r.controlCsv()).isEqualTo("currency,open_item_count,open_items,customer_receivables,ar_control,"
        + "difference,external_control,external_difference,unidentified_payments,unidentified_cash,"
        + "unidentified_difference\r\n");
  }

  @Test
  void asOfAnEarlierDayTheItemsAndBalancesOfThatDayTie() {
    ReceivablesReconciliationReport r = ReceivablesReconciler.of(ledger).reconcile(d("2024-03-06"));

    assertThat(r.isReconciled()).isTrue();
    assertThat(r.customers()).extracting(ReceivablesRow::accountId, ReceivablesRow::openItems)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ACC-1", eur("150.00")));
    assertThat(r.control()).extracting(ControlRow::arControl).containsExactly(eur("150.00"));
  }

  @Test
  void aSubLedgerThatRecordedAPaymentTheLedgerHasNotDiffersForTheCustomerAndTheControl() {
    List<OpenItem> billing = billingSystem();
    billing.removeIf(i -> i.invoiceNumber().equals("INV-2")); // paid in the billing system
    billing.replaceAll(i -> i.invoiceNumber().equals("INV-1") ? i.withOpenAmount(eur("70.00")) : i);

    ReceivablesReconciliationReport r = ReceivablesReconciler.of(ledger).withOpenItems(billing).reconcile(AS_OF);

    assertThat(r.differencesByKind()).containsExactly(Map.entry(DifferenceKind.CUSTOMER_RECEIVABLE, 1),
        Map.entry(DifferenceKind.AR_CONTROL, 1));
    LedgerDifference customer = r.differences().get(0);
    assertThat(customer.subject()).isEqualTo("ACC-1");
    assertThat(customer.account()).contains(LedgerAccount.receivable("ACC-1"));
    assertThat(customer.expected()).isEqualTo(eur("70.00"));
    assertThat(customer.ledger()).isEqualTo(eur("130.00"));
    assertThat(customer.difference()).isEqualTo(eur("-60.00"));
    assertThat(customer.detail()).isEqualTo("1 open items EUR 70.00 against the balance EUR 130.00 of "
        + "RECEIVABLE:ACC-1; items that differ: INV-1 (sub-ledger EUR 70.00, ledger EUR 80.00), INV-2 (sub-ledger "
        + "not open, ledger EUR 50.00)");
    assertThat(sequences(customer.entries())).containsExactly(1L, 2L, 6L); // issued INV-1, INV-2; applied to INV-1
    LedgerDifference control = r.differences().get(1);
    assertThat(control.subject()).isEqualTo("EUR");
    assertThat(control.account()).isEmpty();
    assertThat(control.expected()).isEqualTo(eur("150.00"));
    assertThat(control.ledger()).isEqualTo(eur("210.00"));
    assertThat(control.detail()).isEqualTo("2 open items EUR 150.00 against the AR control EUR 210.00; the "
        + "customers that differ explain EUR -60.00");
    assertThat(sequences(control.entries())).containsExactly(1L, 2L, 6L);
    assertThat(r.differenceTotal(DifferenceKind.AR_CONTROL)).containsExactly(Map.entry(EUR, eur("-60.00")));
    assertThat(r.control().get(0).difference()).isEqualTo(eur("-60.00"));
    assertThat(r.control().get(1).difference()).isEqualTo(usd("0.00"));
  }

  @Test
  void anItemPostedByHandThatTheBillingSystemDoesNotKnowIsADifferenceWithItsEntry() {
    List<OpenItem> billing = billingSystem();
    long manual = ledger.post("manual/MAN-1", ManualEntry.builder().effectiveDate(d("2024-04-20"))
        .description("meter fee typed in by hand")
        .addLine(JournalLine.debit(LedgerAccount.receivable("ACC-2"), eur("12.00")).withItemRef("MAN-1"))
        .addLine(JournalLine.credit(LedgerAccount.general("FEES"), eur("12.00"))).build()).sequence();

    ReceivablesReconciliationReport r = ReceivablesReconciler.of(ledger).withOpenItems(billing).reconcile(AS_OF);

    LedgerDifference d = r.differences().get(0);
    assertThat(d.kind()).isEqualTo(DifferenceKind.CUSTOMER_RECEIVABLE);
    assertThat(d.subject()).isEqualTo("ACC-2");
    assertThat(d.difference()).isEqualTo(eur("-12.00"));
    assertThat(d.detail()).endsWith("items that differ: MAN-1 (sub-ledger not open, ledger EUR 12.00)");
    assertThat(sequences(d.entries())).containsExactly(manual);
    assertThat(r.differences()).extracting(LedgerDifference::kind).containsExactly(
        DifferenceKind.CUSTOMER_RECEIVABLE, DifferenceKind.AR_CONTROL);
    assertThat(r.toCsv()).contains("\r\nCUSTOMER_RECEIVABLE,ACC-2,RECEIVABLE:ACC-2,EUR,80.00,92.00,-12.00,"
        + manual + ",manual/MAN-1,,");
  }

  @Test
  void aSubLedgerCustomerTheLedgerDoesNotKnowDiffersWithNoEntries() {
    List<OpenItem> billing = billingSystem();
    billing.add(OpenItem.of("ACC-9", "INV-9", d("2024-04-01"), d("2024-04-30"), eur("15.00"), false));

    ReceivablesReconciliationReport r = ReceivablesReconciler.of(ledger).withOpenItems(billing).reconcile(AS_OF);

    assertThat(r.customers()).extracting(ReceivablesRow::accountId).containsExactly("ACC-1", "ACC-2", "ACC-3",
        "ACC-9");
    LedgerDifference d = r.differences().get(0);
    assertThat(d.subject()).isEqualTo("ACC-9");
    assertThat(d.expected()).isEqualTo(eur("15.00"));
    assertThat(d.ledger()).isEqualTo(eur("0.00"));
    assertThat(d.entries()).isEmpty();
    assertThat(d.detail()).endsWith("items that differ: INV-9 (sub-ledger EUR 15.00, ledger not open)");
    assertThat(r.differenceTotal(DifferenceKind.CUSTOMER_RECEIVABLE)).containsExactly(Map.entry(EUR,
        eur("15.00")));
  }

  @Test
  void anotherBooksControlIsComparedWithTheLedgersAndTheWindowsReceivableEntriesAreListed() {
    ReceivablesReconciliationReport r = ReceivablesReconciler.of(ledger)
        .withExternalControl(Map.of(EUR, eur("235.00"), USD, usd("60.00"))).withEntriesFrom(d("2024-03-06"))
        .reconcile(AS_OF);

    assertThat(r.entriesFrom()).isEqualTo(d("2024-03-06"));
    assertThat(r.differences()).hasSize(1);
    LedgerDifference d = r.differences().get(0);
    assertThat(d.kind()).isEqualTo(DifferenceKind.EXTERNAL_CONTROL);
    assertThat(d.subject()).isEqualTo("EUR");
    assertThat(d.expected()).isEqualTo(eur("235.00"));
    assertThat(d.ledger()).isEqualTo(eur("210.00"));
    assertThat(d.difference()).isEqualTo(eur("25.00"));
    assertThat(sequences(d.entries())).containsExactly(3L, 6L); // INV-3 (03-10) and the application (04-05)
    assertThat(d.detail()).isEqualTo("the other book's AR control EUR 235.00 against the ledger's EUR 210.00; the "
        + "ledger's receivable entries from 2024-03-06 to 2024-04-30 are listed");
    assertThat(r.control().get(0).externalControl()).contains(eur("235.00"));
    assertThat(r.control().get(0).externalDifference()).contains(eur("25.00"));
    assertThat(r.control().get(1).externalDifference()).contains(usd("0.00"));
  }

  @Test
  void theWindowStartsAfterTheClosedPeriodByDefault() {
    ledger.closePeriod("close/march", d("2024-03-31"));
    List<OpenItem> billing = billingSystem();
    billing.removeIf(i -> i.invoiceNumber().equals("INV-1"));

    ReceivablesReconciliationReport r = ReceivablesReconciler.of(ledger).withOpenItems(billing).reconcile(AS_OF);

    assertThat(r.entriesFrom()).isEqualTo(d("2024-04-01"));
    assertThat(sequences(r.differences().get(0).entries())).containsExactly(6L); // INV-1 was issued in March
  }

  // ------------------------------------------------------------------ the ledger's own figures, doctored

  /** The ledger's figures with one account's balance moved by an amount. */
  static Books balanceOff(Ledger ledger, LedgerAccount account, Money by) {
    return new Books() {
      @Override
      public Ledger ledger() {
        return ledger;
      }

      @Override
      public Map<CurrencyUnit, Money> balances(LedgerAccount a, LocalDate asOf) {
        Map<CurrencyUnit, Money> m = new HashMap<>(ledger.balances(a, asOf));
        if (a.equals(account)) {
          m.merge(by.getCurrencyUnit(), by, Money::plus);
        }
        return m;
      }
    };
  }

  @Test
  void aCustomerBalanceThatDisagreesWithItsOwnItemsIsReportedWithTheAccountsEntries() {
    ReceivablesReconciliationReport r = ReceivablesReconciler.over(balanceOff(ledger,
        LedgerAccount.receivable("ACC-1"), eur("-5.00"))).reconcile(AS_OF);

    assertThat(r.differences()).hasSize(1);
    LedgerDifference d = r.differences().get(0);
    assertThat(d.kind()).isEqualTo(DifferenceKind.CUSTOMER_RECEIVABLE);
    assertThat(d.expected()).isEqualTo(eur("130.00"));
    assertThat(d.ledger()).isEqualTo(eur("125.00"));
    assertThat(d.detail()).isEqualTo("2 open items EUR 130.00 against the balance EUR 125.00 of RECEIVABLE:ACC-1");
    assertThat(sequences(d.entries())).containsExactly(1L, 2L, 6L);
    assertThat(r.customers().get(0).receivableDifference()).isEqualTo(eur("5.00"));
    // the AR control is kept apart from the customer balances, and still ties to the items
    assertThat(r.control().get(0).customerReceivables()).isEqualTo(eur("205.00"));
    assertThat(r.control().get(0).difference()).isEqualTo(eur("0.00"));
  }

  @Test
  void creditsThatDisagreeWithTheUnappliedCashBalanceAreReported() {
    ReceivablesReconciliationReport r = ReceivablesReconciler.over(balanceOff(ledger,
        LedgerAccount.unappliedCash("ACC-1"), eur("-2.00"))).reconcile(AS_OF);

    assertThat(r.differences()).hasSize(1);
    LedgerDifference d = r.differences().get(0);
    assertThat(d.kind()).isEqualTo(DifferenceKind.CUSTOMER_CREDITS);
    assertThat(d.account()).contains(LedgerAccount.unappliedCash("ACC-1"));
    assertThat(d.expected()).isEqualTo(eur("10.00"));
    assertThat(d.ledger()).isEqualTo(eur("12.00")); // a credit balance, shown positive
    assertThat(d.detail()).isEqualTo("open credits EUR 10.00 against the credit balance EUR 12.00 of "
        + "UNAPPLIED_CASH:ACC-1");
    assertThat(sequences(d.entries())).containsExactly(5L, 6L);
  }

  @Test
  void unidentifiedPaymentsThatDisagreeWithTheUnidentifiedCashBalanceAreReported() {
    Books lost = new Books() {
      @Override
      public Ledger ledger() {
        return ledger;
      }

      @Override
      public List<io.github.gridbill.ledger.OpenItem> unidentifiedPayments(LocalDate asOf) {
        return List.of(); // P-2 lost from the item list
      }
    };

    ReceivablesReconciliationReport r = ReceivablesReconciler.over(lost).reconcile(AS_OF);

    assertThat(r.differences()).hasSize(1);
    LedgerDifference d = r.differences().get(0);
    assertThat(d.kind()).isEqualTo(DifferenceKind.UNIDENTIFIED_CASH);
    assertThat(d.subject()).isEqualTo("EUR");
    assertThat(d.account()).contains(LedgerAccount.unidentifiedCash());
    assertThat(d.expected()).isEqualTo(eur("0.00"));
    assertThat(d.ledger()).isEqualTo(eur("40.00"));
    assertThat(sequences(d.entries())).containsExactly(7L);
    assertThat(d.detail()).isEqualTo("open unidentified payments EUR 0.00 against the credit balance EUR 40.00 of "
        + "UNIDENTIFIED_CASH");
  }

  @Test
  void anArControlThatDisagreesWithEveryCustomerListsEveryReceivableEntryOfTheWindow() {
    Books off = new Books() {
      @Override
      public Ledger ledger() {
        return ledger;
      }

      @Override
      public Money arControl(CurrencyUnit currency, LocalDate asOf) {
        return ledger.arControl(currency, asOf).plus(currency.equals(USD) ? usd("1.00") : Money.zero(currency));
      }
    };

    ReceivablesReconciliationReport r = ReceivablesReconciler.over(off).reconcile(AS_OF);

    assertThat(r.differences()).hasSize(1);
    LedgerDifference d = r.differences().get(0);
    assertThat(d.kind()).isEqualTo(DifferenceKind.AR_CONTROL);
    assertThat(d.subject()).isEqualTo("USD");
    assertThat(d.difference()).isEqualTo(usd("-1.00"));
    assertThat(d.detail()).isEqualTo("1 open items USD 60.00 against the AR control USD 61.00");
    assertThat(sequences(d.entries())).containsExactly(4L); // the USD receivable entries only
  }

  @Test
  void theLedgerIsReadAgainWhenEntriesArePostedWhileItIsRead() {
    AtomicLong reads = new AtomicLong();
    Books busyOnce = new Books() {
      @Override
      public Ledger ledger() {
        return ledger;
      }

      @Override
      public long lastSequence() {
        return reads.incrementAndGet() < 2 ? 7 : 8; // a posting between the first two looks
      }
    };

    assertThat(ReceivablesReconciler.over(busyOnce).reconcile(AS_OF).isReconciled()).isTrue();
    assertThat(reads.get()).isEqualTo(4);
  }

  @Test
  void aLedgerThatChangesDuringEveryReadingIsAConflict() {
    AtomicLong seq = new AtomicLong(7);
    Books busy = new Books() {
      @Override
      public Ledger ledger() {
        return ledger;
      }

      @Override
      public long lastSequence() {
        return seq.incrementAndGet();
      }
    };

    Rx.thrown(ConflictException.class, "ledger.lastSequence must not change while the ledger is reconciled "
        + "(entries were posted during each of 3 readings): 13", () -> ReceivablesReconciler.over(busy)
            .reconcile(AS_OF));
  }
}
