package io.github.gridbill.ledger;

import static io.github.gridbill.ledger.Fx.USD;
import static io.github.gridbill.ledger.Fx.assertBooksBalance;
import static io.github.gridbill.ledger.Fx.d;
import static io.github.gridbill.ledger.Fx.line;
import static io.github.gridbill.ledger.Fx.lines;
import static io.github.gridbill.ledger.Fx.payment;
import static io.github.gridbill.ledger.Fx.simple;
import static io.github.gridbill.ledger.Fx.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.invoice.LineKind;
import org.junit.jupiter.api.Test;

/** Invoices, payments and their application, with hand-computed numbers. */
class IssueAndPayTest {
  final Ledger ledger = Fx.ledger();

  @Test
  void anInvoiceDebitsReceivablesAndCreditsRevenueByKindAndTaxBySource() {
    PostingResult r = ledger.issueInvoice("inv-42", Fx.domainInvoice());
    assertThat(r.isNew()).isTrue();
    JournalEntry e = r.entry();
    assertThat(e.sequence()).isEqualTo(1);
    assertThat(e.type()).isEqualTo(EntryType.INVOICE);
    assertThat(e.effectiveDate()).isEqualTo(d("2024-04-05"));
    assertThat(e.recordedAt()).isEqualTo(Fx.CLOCK.instant());
    assertThat(lines(e)).containsExactly(
        "Dr RECEIVABLE:ACC-1 USD 107.33 (INV-2024-000042)",
        "Cr REVENUE:FIXED USD 7.57",
        "Cr REVENUE:ENERGY USD 90.00",
        "Cr TAX_PAYABLE:CGST USD 7.81",
        "Cr TAX_PAYABLE:SGST USD 1.95");
    assertThat(e.lines().get(0).dueDate()).contains(d("2024-05-05"));
    assertThat(e.attributes()).containsEntry("accountId", "ACC-1").containsEntry("document", "INV-2024-000042");
    assertThat(ledger.arControl(USD, d("2024-04-05"))).isEqualTo(usd("107.33"));
    assertThat(ledger.arControl(USD, d("2024-04-04"))).isEqualTo(usd("0.00"));
    assertThat(ledger.balance(LedgerAccount.revenue(LineKind.ENERGY), USD, d("2024-12-31"))).isEqualTo(usd("-90.00"));
    assertThat(ledger.balance(LedgerAccount.taxPayable("SGST"), USD, d("2024-12-31"))).isEqualTo(usd("-1.95"));
    assertThat(ledger.customerBalance("ACC-1", USD, d("2024-12-31"))).isEqualTo(usd("107.33"));
    OpenItem item = ledger.openItems(d("2024-04-05")).get(0);
    assertThat(item.number()).isEqualTo("INV-2024-000042");
    assertThat(item.accountId()).contains("ACC-1");
    assertThat(item.issueDate()).isEqualTo(d("2024-04-05"));
    assertThat(item.dueDate()).isEqualTo(d("2024-05-05"));
    assertThat(item.originalAmount()).isEqualTo(usd("107.33"));
    assertThat(item.openAmount()).isEqualTo(usd("107.33"));
    assertThat(item.disputed()).isFalse();
    assertThat(item.origin()).isEqualTo(EntryType.INVOICE);
    assertThat(ledger.customers()).containsExactly("ACC-1");
    assertBooksBalance(ledger, d("2024-12-31"));
  }

  @Test
  void linesOfOneKindAreNettedAndANegativeNetIsADebit() {
    ledger.issueInvoice("k", Fx.invoice("INV-1", "ACC-1", "2024-04-01", "2024-04-30",
        line(LineKind.ENERGY, usd("50.00")), line(LineKind.ENERGY, usd("10.00")),
        line(LineKind.EXPORT_CREDIT, usd("-20.00"))));
    assertThat(lines(ledger.entry(1))).containsExactly(
        "Dr RECEIVABLE:ACC-1 USD 40.00 (INV-1)",
        "Cr REVENUE:ENERGY USD 60.00",
        "Dr REVENUE:EXPORT_CREDIT USD 20.00");
  }

  @Test
  void aNegativeInvoiceIsACreditOnUnappliedCash() {
    ledger.issueInvoice("k", Fx.invoice("CB-1", "ACC-1", "2024-04-01", "2024-04-30",
        line(LineKind.ENERGY, usd("5.00")), line(LineKind.EXPORT_CREDIT, usd("-25.00"))));
    assertThat(lines(ledger.entry(1))).containsExactly(
        "Cr UNAPPLIED_CASH:ACC-1 USD 20.00 (CB-1)",
        "Cr REVENUE:ENERGY USD 5.00",
        "Dr REVENUE:EXPORT_CREDIT USD 25.00");
    assertThat(ledger.customerBalance("ACC-1", USD, d("2024-04-01"))).isEqualTo(usd("-20.00"));
    assertThat(ledger.openCredits("ACC-1", d("2024-04-01"))).singleElement()
        .satisfies(c -> assertThat(c.openAmount()).isEqualTo(usd("20.00")));
    assertThat(ledger.openItems(d("2024-04-01"))).isEmpty();
  }

  @Test
  void aZeroInvoiceOpensAZeroItem() {
    ledger.issueInvoice("k", simple("INV-0", "ACC-1", "2024-04-01", "2024-04-30", usd("0.00")));
    assertThat(lines(ledger.entry(1))).containsExactly("Dr RECEIVABLE:ACC-1 USD 0.00 (INV-0)",
        "Cr REVENUE:ENERGY USD 0.00");
    assertThat(ledger.item("INV-0").orElseThrow().openAmount()).isEqualTo(usd("0.00"));
    assertThat(ledger.openItems(d("2024-04-01"))).isEmpty();
  }

  @Test
  void aPaymentDebitsCashByMethodAndCreditsTheCustomersUnappliedCash() {
    ledger.issueInvoice("i1", simple("INV-1", "ACC-1", "2024-04-01", "2024-05-01", usd("30.00")));
    PostingResult r = ledger.recordPayment("p7", payment("PAY-7", "ACC-1", usd("50.00"), PaymentMethod.CHEQUE,
        "2024-05-03"));
    assertThat(lines(r.entry())).containsExactly("Dr CASH:CHEQUE USD 50.00",
        "Cr UNAPPLIED_CASH:ACC-1 USD 50.00 (PAY-7)");
    assertThat(r.entry().attributes()).containsEntry("method", "CHEQUE").containsEntry("externalReference",
        "ref-PAY-7").containsEntry("paymentId", "PAY-7");
    assertThat(ledger.cashBalances(USD, d("2024-05-03"))).containsEntry(PaymentMethod.CHEQUE, usd("50.00"))
        .containsEntry(PaymentMethod.CARD, usd("0.00"));
    assertThat(ledger.customerBalance("ACC-1", USD, d("2024-05-03"))).isEqualTo(usd("-20.00"));
    assertThat(ledger.arControl(USD, d("2024-05-03"))).isEqualTo(usd("30.00"));
    assertThat(ledger.payment("PAY-7").orElseThrow().openAmount()).isEqualTo(usd("50.00"));
  }

  @Test
  void balanceForwardPaysOldestDueFirstAndLeavesTheRestOpen() {
    ledger.issueInvoice("i2", simple("INV-2", "ACC-1", "2024-03-05", "2024-04-01", usd("40.00")));
    ledger.issueInvoice("i1", simple("INV-1", "ACC-1", "2024-02-05", "2024-03-01", usd("30.00")));
    ledger.recordPayment("p", payment("PAY-7", "ACC-1", usd("50.00"), PaymentMethod.CARD, "2024-05-03"));
    PostingResult r = ledger.applyPayment("a", PaymentApplication.balanceForward("PAY-7", d("2024-05-03")));
    assertThat(lines(r.entry())).containsExactly("Dr UNAPPLIED_CASH:ACC-1 USD 50.00 (PAY-7)",
        "Cr RECEIVABLE:ACC-1 USD 30.00 (INV-1)", "Cr RECEIVABLE:ACC-1 USD 20.00 (INV-2)");
    assertThat(r.allocations()).containsExactly(java.util.Map.entry("INV-1", usd("30.00")),
        java.util.Map.entry("INV-2", usd("20.00")));
    assertThat(ledger.openItems("ACC-1", d("2024-05-03"))).singleElement().satisfies(i -> {
      assertThat(i.number()).isEqualTo("INV-2");
      assertThat(i.openAmount()).isEqualTo(usd("20.00"));
    });
    assertThat(ledger.openItems("ACC-1", d("2024-05-02"))).hasSize(2);
    assertThat(ledger.arControl(USD, d("2024-05-03"))).isEqualTo(usd("20.00"));
    assertThat(ledger.customerBalance("ACC-1", USD, d("2024-05-03"))).isEqualTo(usd("20.00"));
    assertThat(ledger.payment("PAY-7").orElseThrow().openAmount()).isEqualTo(usd("0.00"));
    assertBooksBalance(ledger, d("2024-05-03"));
  }

  @Test
  void anOverpaymentStaysAsACreditBalance() {
    ledger.issueInvoice("i1", simple("INV-1", "ACC-1", "2024-04-01", "2024-05-01", usd("70.00")));
    ledger.recordPayment("p", payment("PAY-1", "ACC-1", usd("100.00"), PaymentMethod.EFT, "2024-05-02"));
    PostingResult r = ledger.applyPayment("a", PaymentApplication.balanceForward("PAY-1", d("2024-05-02")));
    assertThat(r.allocations()).containsExactly(java.util.Map.entry("INV-1", usd("70.00")));
    assertThat(ledger.customerBalance("ACC-1", USD, d("2024-05-02"))).isEqualTo(usd("-30.00"));
    assertThat(ledger.openCredits("ACC-1", d("2024-05-02"))).singleElement()
        .satisfies(c -> assertThat(c.openAmount()).isEqualTo(usd("30.00")));
    assertThat(ledger.balance(LedgerAccount.unappliedCash("ACC-1"), USD, d("2024-05-02"))).isEqualTo(usd("-30.00"));
  }

  @Test
  void balanceForwardStopsAtTheMaximum() {
    ledger.issueInvoice("i1", simple("INV-1", "ACC-1", "2024-04-01", "2024-05-01", usd("70.00")));
    ledger.recordPayment("p", payment("PAY-1", "ACC-1", usd("100.00"), PaymentMethod.EFT, "2024-05-02"));
    PostingResult r = ledger.applyPayment("a", PaymentApplication.builder().paymentId("PAY-1").date(d("2024-05-02"))
        .mode(ApplicationMode.BALANCE_FORWARD).maximum(usd("25.00")).build());
    assertThat(r.allocations()).containsExactly(java.util.Map.entry("INV-1", usd("25.00")));
    assertThat(ledger.payment("PAY-1").orElseThrow().openAmount()).isEqualTo(usd("75.00"));
  }

  @Test
  void openItemAppliesToTheNamedInvoicesInOrder() {
    ledger.issueInvoice("i1", simple("INV-1", "ACC-1", "2024-02-01", "2024-03-01", usd("30.00")));
    ledger.issueInvoice("i2", simple("INV-2", "ACC-1", "2024-03-01", "2024-04-01", usd("40.00")));
    ledger.issueInvoice("i3", simple("INV-3", "ACC-1", "2024-04-01", "2024-05-01", usd("25.00")));
    ledger.recordPayment("p", payment("PAY-1", "ACC-1", usd("60.00"), PaymentMethod.ONLINE, "2024-05-02"));
    PostingResult r = ledger.applyPayment("a", PaymentApplication.openItem("PAY-1", d("2024-05-02"),
        Allocation.of("INV-3"), Allocation.of("INV-2", usd("10.00")), Allocation.of("INV-1")));
    assertThat(r.allocations()).containsExactly(java.util.Map.entry("INV-3", usd("25.00")),
        java.util.Map.entry("INV-2", usd("10.00")), java.util.Map.entry("INV-1", usd("25.00")));
    assertThat(r.entry().attribute("mode")).contains("OPEN_ITEM");
    assertThat(ledger.item("INV-1").orElseThrow().openAmount()).isEqualTo(usd("5.00"));
    assertThat(ledger.item("INV-2").orElseThrow().openAmount()).isEqualTo(usd("30.00"));
    assertThat(ledger.item("INV-3").orElseThrow().openAmount()).isEqualTo(usd("0.00"));
  }

  @Test
  void anUnidentifiedPaymentWaitsUntilItIsIdentified() {
    ledger.issueInvoice("i1", simple("INV-1", "ACC-1", "2024-04-01", "2024-05-01", usd("30.00")));
    PostingResult r = ledger.recordPayment("p", Payment.builder().paymentId("PAY-9").amount(usd("30.00"))
        .method(PaymentMethod.ACH).receivedOn(d("2024-05-01")).build());
    assertThat(lines(r.entry())).containsExactly("Dr CASH:ACH USD 30.00", "Cr UNIDENTIFIED_CASH USD 30.00 (PAY-9)");
    assertThat(ledger.unidentifiedPayments(d("2024-05-01"))).singleElement()
        .satisfies(p -> assertThat(p.accountId()).isEmpty());
    assertThat(ledger.aging(d("2024-05-01")).totals().get(0).unidentified()).isEqualTo(usd("30.00"));
    PostingResult id = ledger.identifyPayment("id", "PAY-9", "ACC-1", d("2024-05-04"));
    assertThat(lines(id.entry())).containsExactly("Dr UNIDENTIFIED_CASH USD 30.00 (PAY-9)",
        "Cr UNAPPLIED_CASH:ACC-1 USD 30.00 (PAY-9)");
    ledger.applyPayment("a", PaymentApplication.balanceForward("PAY-9", d("2024-05-04")));
    assertThat(ledger.unidentifiedPayments(d("2024-05-04"))).isEmpty();
    assertThat(ledger.unidentifiedPayments(d("2024-05-03"))).hasSize(1);
    assertThat(ledger.customerBalance("ACC-1", USD, d("2024-05-04"))).isEqualTo(usd("0.00"));
  }

  @Test
  void theSameKeyAndRequestReplaysTheOriginal() {
    PostingResult first = ledger.issueInvoice("inv-1", simple("INV-1", "ACC-1", "2024-04-01", "2024-05-01",
        usd("30.00")));
    PostingResult again = ledger.issueInvoice("inv-1", simple("INV-1", "ACC-1", "2024-04-01", "2024-05-01",
        usd("30.00")));
    assertThat(again.replayed()).isTrue();
    assertThat(again.entry()).isEqualTo(first.entry());
    assertThat(ledger.lastSequence()).isEqualTo(1);
    assertThat(ledger.arControl(USD, d("2024-12-31"))).isEqualTo(usd("30.00"));
    assertThat(ledger.entry("inv-1")).contains(first.entry());
    assertThat(ledger.entry("nope")).isEmpty();
  }
}
