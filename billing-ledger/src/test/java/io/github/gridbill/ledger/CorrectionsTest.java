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
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credit notes, adjustments, write-offs, late fees, refunds, reversals and rebills, with hand-computed numbers. */
class CorrectionsTest {
  final Ledger ledger = Fx.ledger();

  @BeforeEach
  void invoiceAndPartPayment() {
    ledger.issueInvoice("i1", simple("INV-1", "ACC-1", "2024-04-01", "2024-05-01", usd("100.00")));
    ledger.recordPayment("p1", payment("PAY-1", "ACC-1", usd("70.00"), PaymentMethod.CARD, "2024-05-02"));
    ledger.applyPayment("a1", PaymentApplication.balanceForward("PAY-1", d("2024-05-02")));
  }

  @Test
  void aCreditNoteCreditsTheInvoiceAndTheRestBecomesACredit() {
    PostingResult r = ledger.issueCreditNote("cn", Fx.invoice("CN-5", "ACC-1", "2024-05-10", "2024-05-10",
        line(LineKind.ENERGY, usd("-40.00"))), "INV-1");
    assertThat(lines(r.entry())).containsExactly("Cr RECEIVABLE:ACC-1 USD 30.00 (INV-1)",
        "Cr UNAPPLIED_CASH:ACC-1 USD 10.00 (CN-5)", "Dr REVENUE:ENERGY USD 40.00");
    assertThat(r.entry().type()).isEqualTo(EntryType.CREDIT_NOTE);
    assertThat(ledger.item("INV-1").orElseThrow().openAmount()).isEqualTo(usd("0.00"));
    assertThat(ledger.customerBalance("ACC-1", USD, d("2024-05-10"))).isEqualTo(usd("-10.00"));
    assertThat(ledger.balance(LedgerAccount.revenue(LineKind.ENERGY), USD, d("2024-05-10"))).isEqualTo(usd("-60.00"));
    assertBooksBalance(ledger, d("2024-05-10"));
  }

  @Test
  void aPositiveAdjustmentOpensItsOwnItem() {
    PostingResult r = ledger.adjust("adj", Adjustment.builder().documentNumber("ADJ-3").accountId("ACC-1")
        .amount(usd("12.50")).date(d("2024-05-10")).dueDate(d("2024-06-10")).reason("reconnection").build());
    assertThat(lines(r.entry())).containsExactly("Dr RECEIVABLE:ACC-1 USD 12.50 (ADJ-3)", "Cr ADJUSTMENTS USD 12.50");
    assertThat(ledger.item("ADJ-3").orElseThrow().dueDate()).isEqualTo(d("2024-06-10"));
    assertThat(ledger.customerBalance("ACC-1", USD, d("2024-05-10"))).isEqualTo(usd("42.50"));
  }

  @Test
  void aNegativeAdjustmentCreditsTheInvoiceOrTheCustomer() {
    PostingResult onInvoice = ledger.adjust("adj1", Adjustment.builder().documentNumber("ADJ-4").accountId("ACC-1")
        .amount(usd("-12.50")).date(d("2024-05-10")).invoiceNumber("INV-1").build());
    assertThat(lines(onInvoice.entry())).containsExactly("Dr ADJUSTMENTS USD 12.50",
        "Cr RECEIVABLE:ACC-1 USD 12.50 (INV-1)");
    assertThat(ledger.item("INV-1").orElseThrow().openAmount()).isEqualTo(usd("17.50"));
    PostingResult onAccount = ledger.adjust("adj2", Adjustment.builder().documentNumber("ADJ-5").accountId("ACC-1")
        .amount(usd("-5.00")).date(d("2024-05-10")).build());
    assertThat(lines(onAccount.entry())).containsExactly("Dr ADJUSTMENTS USD 5.00",
        "Cr UNAPPLIED_CASH:ACC-1 USD 5.00 (ADJ-5)");
    assertThat(ledger.customerBalance("ACC-1", USD, d("2024-05-10"))).isEqualTo(usd("12.50"));
  }

  @Test
  void aWriteOffClearsWhatIsOpenOrPartOfIt() {
    PostingResult part = ledger.writeOff("w1", WriteOff.builder().invoiceNumber("INV-1").date(d("2024-12-31"))
        .amount(usd("10.00")).reason("goodwill").build());
    assertThat(lines(part.entry())).containsExactly("Dr WRITE_OFF_EXPENSE USD 10.00",
        "Cr RECEIVABLE:ACC-1 USD 10.00 (INV-1)");
    PostingResult rest = ledger.writeOff("w2", WriteOff.builder().invoiceNumber("INV-1").date(d("2024-12-31"))
        .build());
    assertThat(lines(rest.entry())).containsExactly("Dr WRITE_OFF_EXPENSE USD 20.00",
        "Cr RECEIVABLE:ACC-1 USD 20.00 (INV-1)");
    assertThat(ledger.balance(LedgerAccount.writeOffExpense(), USD, d("2024-12-31"))).isEqualTo(usd("30.00"));
    assertThat(ledger.arControl(USD, d("2024-12-31"))).isEqualTo(usd("0.00"));
  }

  @Test
  void aLateFeeIsTheRateOnTheOverdueAmountOrTheFlatFee() {
    ledger.issueInvoice("i2", simple("INV-2", "ACC-1", "2024-05-01", "2024-06-01", usd("970.00")));
    LateFeePolicy policy = LateFeePolicy.builder().currency(USD).rate(new BigDecimal("0.015")).flatFee(usd("5.00"))
        .graceDays(5).netDays(14).build();
    // on 2024-06-05 only INV-1 (30.00 open, due 05-01) is more than 5 days past due: 1.5% is 0.45, so the flat 5.00
    PostingResult fee = ledger.assessLateFee("LF-2024-06-05", "ACC-1", d("2024-06-05"), policy).orElseThrow();
    assertThat(lines(fee.entry())).containsExactly("Dr RECEIVABLE:ACC-1 USD 5.00 (LF-2024-06-05)",
        "Cr LATE_FEE_INCOME USD 5.00");
    assertThat(fee.entry().attributes()).containsEntry("base", "USD 30.00").containsEntry("rate", "0.015");
    assertThat(ledger.item("LF-2024-06-05").orElseThrow().dueDate()).isEqualTo(d("2024-06-19"));
    // on 2024-07-01: INV-1 30.00 + INV-2 970.00 overdue (the earlier fee is left out): 1.5% of 1000.00 = 15.00
    PostingResult second = ledger.assessLateFee("LF-2024-07-01", "ACC-1", d("2024-07-01"), policy).orElseThrow();
    assertThat(lines(second.entry())).containsExactly("Dr RECEIVABLE:ACC-1 USD 15.00 (LF-2024-07-01)",
        "Cr LATE_FEE_INCOME USD 15.00");
    assertThat(ledger.balance(LedgerAccount.lateFeeIncome(), USD, d("2024-07-01"))).isEqualTo(usd("-20.00"));
  }

  @Test
  void noLateFeeWhenNothingIsOverdueOrItIsDisputed() {
    LateFeePolicy policy = LateFeePolicy.builder().currency(USD).rate(new BigDecimal("0.015")).build();
    assertThat(ledger.assessLateFee("LF-1", "ACC-1", d("2024-05-01"), policy)).isEmpty();
    ledger.openDispute("d", "INV-1", d("2024-05-03"), "meter misread");
    assertThat(ledger.assessLateFee("LF-2", "ACC-1", d("2024-06-01"), policy)).isEmpty();
    assertThat(ledger.lastSequence()).isEqualTo(4);
  }

  @Test
  void lateFeesForEveryCustomerInOneBatch() {
    ledger.issueInvoice("i9", simple("INV-9", "ACC-9", "2024-04-01", "2024-05-01", usd("200.00")));
    LateFeePolicy policy = LateFeePolicy.builder().currency(USD).rate(new BigDecimal("0.02")).build();
    var fees = ledger.assessLateFees("lf/2024-06/", d("2024-06-01"), policy);
    assertThat(fees).extracting(r -> r.entry().key()).containsExactly("lf/2024-06/ACC-1", "lf/2024-06/ACC-9");
    assertThat(fees).extracting(r -> r.entry().lines().get(0).amount()).containsExactly(usd("0.60"), usd("4.00"));
    assertThat(ledger.assessLateFees("lf/2024-06/", d("2024-06-01"), policy)).allMatch(PostingResult::replayed);
  }

  @Test
  void aRefundMovesCreditsToRefundsPayableUntilPaid() {
    ledger.recordPayment("p2", payment("PAY-2", "ACC-1", usd("50.00"), PaymentMethod.EFT, "2024-05-05"));
    ledger.applyPayment("a2", PaymentApplication.balanceForward("PAY-2", d("2024-05-05")));
    assertThat(ledger.customerBalance("ACC-1", USD, d("2024-05-05"))).isEqualTo(usd("-20.00"));
    PostingResult r = ledger.refund("rf", Refund.builder().refundId("RF-1").accountId("ACC-1").amount(usd("15.00"))
        .date(d("2024-05-20")).build());
    assertThat(lines(r.entry())).containsExactly("Dr UNAPPLIED_CASH:ACC-1 USD 15.00 (PAY-2)",
        "Cr REFUNDS_PAYABLE USD 15.00 (RF-1)");
    PostingResult paid = ledger.payRefund("rfp", "RF-1", PaymentMethod.EFT, d("2024-05-21"), "BANK-77");
    assertThat(lines(paid.entry())).containsExactly("Dr REFUNDS_PAYABLE USD 15.00 (RF-1)", "Cr CASH:EFT USD 15.00");
    assertThat(ledger.customerBalance("ACC-1", USD, d("2024-05-21"))).isEqualTo(usd("-5.00"));
    assertThat(ledger.balance(LedgerAccount.refundsPayable(), USD, d("2024-05-20"))).isEqualTo(usd("-15.00"));
    assertThat(ledger.balance(LedgerAccount.refundsPayable(), USD, d("2024-05-21"))).isEqualTo(usd("0.00"));
    assertThat(ledger.balance(LedgerAccount.cash(PaymentMethod.EFT), USD, d("2024-05-21"))).isEqualTo(usd("35.00"));
  }

  @Test
  void aReversalIsTheMirrorOfItsEntry() {
    // undo the application (#3), then the payment (#2)
    PostingResult unapply = ledger.reverse("r3", 3, d("2024-05-06"), "applied to the wrong account");
    assertThat(lines(unapply.entry())).containsExactly("Cr UNAPPLIED_CASH:ACC-1 USD 70.00 (PAY-1)",
        "Dr RECEIVABLE:ACC-1 USD 70.00 (INV-1)");
    assertThat(unapply.entry().reverses()).contains(3L);
    assertThat(ledger.item("INV-1").orElseThrow().openAmount()).isEqualTo(usd("100.00"));
    PostingResult unpay = ledger.reverse("r2", 2, d("2024-05-06"), "cheque bounced");
    assertThat(lines(unpay.entry())).containsExactly("Cr CASH:CARD USD 70.00",
        "Dr UNAPPLIED_CASH:ACC-1 USD 70.00 (PAY-1)");
    assertThat(ledger.customerBalance("ACC-1", USD, d("2024-05-06"))).isEqualTo(usd("100.00"));
    assertThat(ledger.customerBalance("ACC-1", USD, d("2024-05-05"))).isEqualTo(usd("30.00"));
    assertBooksBalance(ledger, d("2024-05-06"));
  }

  @Test
  void anUntouchedInvoiceCanBeReversedOrRebilled() {
    ledger.issueInvoice("i2", simple("INV-2", "ACC-1", "2024-05-01", "2024-06-01", usd("80.00")));
    PostingResult rebill = ledger.cancelAndRebill("rb", "INV-2", simple("INV-2R", "ACC-1", "2024-05-03",
        "2024-06-03", usd("75.00")), "wrong tariff");
    assertThat(rebill.entry().type()).isEqualTo(EntryType.REBILL);
    assertThat(lines(rebill.entry())).containsExactly("Cr RECEIVABLE:ACC-1 USD 80.00 (INV-2)",
        "Dr REVENUE:ENERGY USD 80.00", "Dr RECEIVABLE:ACC-1 USD 75.00 (INV-2R)", "Cr REVENUE:ENERGY USD 75.00");
    assertThat(rebill.entry().attributes()).containsEntry("replaces", "INV-2").containsEntry("reverses", "4");
    assertThat(ledger.item("INV-2").orElseThrow().openAmount()).isEqualTo(usd("0.00"));
    assertThat(ledger.item("INV-2R").orElseThrow().openAmount()).isEqualTo(usd("75.00"));
    ledger.issueInvoice("i3", simple("INV-3", "ACC-1", "2024-05-01", "2024-06-01", usd("20.00")));
    PostingResult cancel = ledger.reverseInvoice("rv", "INV-3", d("2024-05-04"), "customer moved out");
    assertThat(cancel.entry().type()).isEqualTo(EntryType.REVERSAL);
    assertThat(cancel.entry().reverses()).contains(6L);
    assertThat(lines(cancel.entry())).containsExactly("Cr RECEIVABLE:ACC-1 USD 20.00 (INV-3)",
        "Dr REVENUE:ENERGY USD 20.00");
    assertThat(ledger.arControl(USD, d("2024-05-04"))).isEqualTo(usd("105.00"));
    assertThat(ledger.openItems("ACC-1", d("2024-05-04"))).extracting(OpenItem::number)
        .containsExactly("INV-1", "INV-2R");
  }

  @Test
  void allocationsListWhatEachInvoiceGot() {
    assertThat(ledger.entry("a1").map(e -> PostingResult.of(e, false).allocations()).orElseThrow())
        .isEqualTo(Map.of("INV-1", usd("70.00")));
  }
}
