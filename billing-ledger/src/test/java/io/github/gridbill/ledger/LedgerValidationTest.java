package io.github.gridbill.ledger;

import static io.github.gridbill.ledger.Fx.EUR;
import static io.github.gridbill.ledger.Fx.USD;
import static io.github.gridbill.ledger.Fx.d;
import static io.github.gridbill.ledger.Fx.eur;
import static io.github.gridbill.ledger.Fx.line;
import static io.github.gridbill.ledger.Fx.payment;
import static io.github.gridbill.ledger.Fx.simple;
import static io.github.gridbill.ledger.Fx.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.BusinessRuleException;
import io.github.gridbill.core.ConflictException;
import io.github.gridbill.core.CurrencyMismatchException;
import io.github.gridbill.core.NotFoundException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.invoice.LineKind;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every rule a ledger operation checks against its state: exact type and message, and nothing changed.
 *
 * <p>The ledger holds INV-1 (ACC-1, USD 100.00, issued 04-01, due 05-01), INV-2 (ACC-2, USD 10.00) and PAY-1 (ACC-1,
 * USD 70.00 by card on 05-02) applied to INV-1, so INV-1 has USD 30.00 open.
 */
class LedgerValidationTest {
  static final LocalDate END = d("2024-12-31");
  final Ledger ledger = Fx.ledger();

  @BeforeEach
  void setUp() {
    ledger.issueInvoice("i1", simple("INV-1", "ACC-1", "2024-04-01", "2024-05-01", usd("100.00")));
    ledger.issueInvoice("i2", simple("INV-2", "ACC-2", "2024-04-01", "2024-05-01", usd("10.00")));
    ledger.recordPayment("p1", payment("PAY-1", "ACC-1", usd("70.00"), PaymentMethod.CARD, "2024-05-02"));
    ledger.applyPayment("a1", PaymentApplication.balanceForward("PAY-1", d("2024-05-02")));
  }

  /** The call fails with exactly this type and message, and the ledger is unchanged. */
  private <T extends Throwable> void refused(Class<T> type, String message, ThrowingCallable call) {
    List<Object> before = Fx.snapshot(ledger, d("2024-05-02"), END);
    Expect.thrown(type, message, call);
    assertThat(Fx.snapshot(ledger, d("2024-05-02"), END)).isEqualTo(before);
  }

  private static ManualEntry.Builder manual() {
    return ManualEntry.builder().effectiveDate(d("2024-06-01")).description("manual");
  }

  // the issue's list ---------------------------------------------------------------------------------------------

  @Test
  void unbalancedEntry() {
    Expect.thrown(ValidationException.class, "lines must balance in each currency: USD debits 10.00, credits 9.00",
        () -> manual().addLine(JournalLine.debit(LedgerAccount.cash(PaymentMethod.EFT), usd("10.00")))
            .addLine(JournalLine.credit(LedgerAccount.cash(PaymentMethod.CARD), usd("9.00"))).build());
  }

  @Test
  void entryBalancedInSumButNotPerCurrency() {
    Expect.thrown(ValidationException.class, "lines must balance in each currency: EUR debits 0.00, credits 10.00",
        () -> manual().addLine(JournalLine.debit(LedgerAccount.cash(PaymentMethod.EFT), usd("10.00")))
            .addLine(JournalLine.credit(LedgerAccount.cash(PaymentMethod.CARD), eur("10.00"))).build());
  }

  @Test
  void entryOfOneLine() {
    Expect.thrown(ValidationException.class, "lines must have at least 2 lines: 1",
        () -> manual().addLine(JournalLine.debit(LedgerAccount.cash(PaymentMethod.EFT), usd("0.00"))).build());
  }

  @Test
  void currencyMismatchOnApplication() {
    ledger.recordPayment("pe", payment("PAY-E", "ACC-1", eur("5.00"), PaymentMethod.WIRE, "2024-05-03"));
    refused(CurrencyMismatchException.class, "allocations[0].invoiceNumber must be in the currency EUR: INV-1",
        () -> ledger.applyPayment("k", PaymentApplication.openItem("PAY-E", d("2024-05-03"), Allocation.of("INV-1"))));
  }

  @Test
  void currencyMismatchOnAManualLine() {
    refused(CurrencyMismatchException.class, "lines[1].amount must be in the currency USD: EUR 5.00",
        () -> ledger.post("k", manual().addLine(JournalLine.debit(LedgerAccount.writeOffExpense(), eur("5.00")))
            .addLine(JournalLine.credit(LedgerAccount.receivable("ACC-1"), eur("5.00")).withItemRef("INV-1"))
            .build()));
  }

  @Test
  void unknownCustomerAccountOnPayment() {
    refused(NotFoundException.class, "accountId must name a customer account of this ledger: ACC-9",
        () -> ledger.recordPayment("k", payment("PAY-9", "ACC-9", usd("5.00"), PaymentMethod.CASH, "2024-05-03")));
  }

  @Test
  void unknownCustomerAccountOnAManualLine() {
    refused(NotFoundException.class, "lines[0].account must belong to a known customer account: RECEIVABLE:ACC-9",
        () -> ledger.post("k", manual().addLine(JournalLine.debit(LedgerAccount.receivable("ACC-9"), usd("5.00"))
            .withItemRef("X-1")).addLine(JournalLine.credit(LedgerAccount.adjustments(), usd("5.00"))).build()));
  }

  @Test
  void zeroPayment() {
    Expect.thrown(ValidationException.class, "amount must be positive: USD 0.00",
        () -> payment("PAY-9", "ACC-1", usd("0.00"), PaymentMethod.CASH, "2024-05-03"));
  }

  @Test
  void negativePayment() {
    Expect.thrown(ValidationException.class, "amount must be positive: USD -5.00",
        () -> payment("PAY-9", "ACC-1", usd("-5.00"), PaymentMethod.CASH, "2024-05-03"));
  }

  @Test
  void applyMoreThanTheOpenAmount() {
    ledger.recordPayment("p2", payment("PAY-2", "ACC-1", usd("50.00"), PaymentMethod.CARD, "2024-05-03"));
    refused(BusinessRuleException.class,
        "allocations[0].amount must not exceed the open amount USD 30.00 of INV-1: USD 40.00",
        () -> ledger.applyPayment("k", PaymentApplication.openItem("PAY-2", d("2024-05-03"),
            Allocation.of("INV-1", usd("40.00")))));
  }

  @Test
  void applyMoreThanIsUnapplied() {
    ledger.issueInvoice("i3", simple("INV-3", "ACC-1", "2024-04-01", "2024-05-01", usd("100.00")));
    ledger.recordPayment("p2", payment("PAY-2", "ACC-1", usd("50.00"), PaymentMethod.CARD, "2024-05-03"));
    refused(BusinessRuleException.class, "allocations must not exceed the unapplied amount USD 50.00 of PAY-2: "
        + "USD 60.00", () -> ledger.applyPayment("k", PaymentApplication.openItem("PAY-2", d("2024-05-03"),
            Allocation.of("INV-1", usd("30.00")), Allocation.of("INV-3", usd("30.00")))));
  }

  @Test
  void duplicateKeyWithDifferentContent() {
    refused(ConflictException.class, "key must not be reused with different content (it posted entry #1): i1",
        () -> ledger.issueInvoice("i1", simple("INV-1", "ACC-1", "2024-04-01", "2024-05-01", usd("100.01"))));
  }

  @Test
  void duplicateKeyOfAnotherOperation() {
    refused(ConflictException.class, "key must not be reused with different content (it posted entry #3): p1",
        () -> ledger.openDispute("p1", "INV-1", d("2024-05-03"), "x"));
  }

  @Test
  void postingDatedInAClosedPeriod() {
    ledger.closePeriod("close-q1", d("2024-03-31"));
    refused(BusinessRuleException.class, "effectiveDate must be after the closed period ending 2024-03-31: "
        + "2024-03-15", () -> ledger.issueInvoice("k", simple("INV-9", "ACC-1", "2024-03-15", "2024-04-15",
            usd("1.00"))));
    refused(BusinessRuleException.class, "effectiveDate must be after the closed period ending 2024-03-31: "
        + "2024-03-31", () -> ledger.recordPayment("k", payment("PAY-9", "ACC-1", usd("1.00"), PaymentMethod.CASH,
            "2024-03-31")));
  }

  @Test
  void reversingAnAlreadyReversedEntry() {
    ledger.issueInvoice("i3", simple("INV-3", "ACC-1", "2024-05-01", "2024-06-01", usd("5.00")));
    ledger.reverse("r", 5, d("2024-05-05"), "typo");
    refused(BusinessRuleException.class, "sequence must not be reversed already (it was by #6): 5",
        () -> ledger.reverse("r2", 5, d("2024-05-06"), "again"));
  }

  // further rules of the operations -------------------------------------------------------------------------------

  @Test
  void reversingAReversal() {
    ledger.issueInvoice("i3", simple("INV-3", "ACC-1", "2024-05-01", "2024-06-01", usd("5.00")));
    ledger.reverse("r", 5, d("2024-05-05"), "typo");
    refused(BusinessRuleException.class, "sequence must not name a reversal: 6",
        () -> ledger.reverse("r2", 6, d("2024-05-06"), "undo"));
  }

  @Test
  void reversingAMemoEntry() {
    ledger.openDispute("d", "INV-1", d("2024-05-03"), "x");
    refused(BusinessRuleException.class, "sequence must name a financial entry (it is DISPUTE_OPENED): 5",
        () -> ledger.reverse("r", 5, d("2024-05-06"), "undo"));
  }

  @Test
  void reversingAnUnknownEntry() {
    refused(NotFoundException.class, "sequence must name a posted entry 1 to 4: 9",
        () -> ledger.reverse("r", 9, d("2024-05-06"), "undo"));
  }

  @Test
  void reversingBeforeTheEntrysDate() {
    refused(BusinessRuleException.class, "effectiveDate must not be before the reversed entry's date 2024-05-02: "
        + "2024-05-01", () -> ledger.reverse("r", 3, d("2024-05-01"), "undo"));
  }

  @Test
  void reversingAnAppliedPaymentSettlesMoreThanIsOpen() {
    refused(BusinessRuleException.class, "lines[1].amount must not exceed the open amount USD 0.00 of PAY-1: "
        + "USD 70.00", () -> ledger.reverse("r", 3, d("2024-05-05"), "bounced"));
  }

  @Test
  void reversingAPartlyPaidInvoice() {
    refused(BusinessRuleException.class, "invoiceNumber must have nothing applied, credited or written off (open "
        + "USD 30.00 of USD 100.00): INV-1", () -> ledger.reverseInvoice("r", "INV-1", d("2024-05-05"), "x"));
  }

  @Test
  void reversingAnInvoiceTwice() {
    ledger.reverseInvoice("r", "INV-2", d("2024-05-05"), "x");
    refused(BusinessRuleException.class, "invoiceNumber must not be cancelled already (by #5): INV-2",
        () -> ledger.reverseInvoice("r2", "INV-2", d("2024-05-05"), "x"));
  }

  @Test
  void rebillingToAnotherAccount() {
    refused(BusinessRuleException.class, "replacement.accountId must be the cancelled invoice's account ACC-2: ACC-1",
        () -> ledger.cancelAndRebill("rb", "INV-2", simple("INV-2R", "ACC-1", "2024-05-03", "2024-06-03",
            usd("9.00")), "x"));
  }

  @Test
  void anInvoiceNumberPostedTwice() {
    refused(ConflictException.class, "invoice.number must not have been posted before (entry #1): INV-1",
        () -> ledger.issueInvoice("other-key", simple("INV-1", "ACC-1", "2024-04-01", "2024-05-01",
            usd("100.00"))));
  }

  @Test
  void aPaymentIdRecordedTwice() {
    refused(ConflictException.class, "paymentId must not have been recorded before (entry #3): PAY-1",
        () -> ledger.recordPayment("other-key", payment("PAY-1", "ACC-1", usd("1.00"), PaymentMethod.CASH,
            "2024-05-03")));
  }

  @Test
  void applyingAnUnknownPayment() {
    refused(NotFoundException.class, "paymentId must name a payment or credit of a customer: PAY-9",
        () -> ledger.applyPayment("k", PaymentApplication.balanceForward("PAY-9", d("2024-05-03"))));
  }

  @Test
  void applyingAFullyAppliedPayment() {
    refused(BusinessRuleException.class, "paymentId must have an unapplied amount left: PAY-1",
        () -> ledger.applyPayment("k", PaymentApplication.balanceForward("PAY-1", d("2024-05-03"))));
  }

  @Test
  void balanceForwardWithNothingToApplyTo() {
    ledger.recordPayment("p2", payment("PAY-2", "ACC-2", usd("5.00"), PaymentMethod.CARD, "2024-05-03"));
    ledger.openDispute("d", "INV-2", d("2024-05-03"), "x");
    refused(BusinessRuleException.class, "paymentId must find an open undisputed item of ACC-2 in USD to apply to on "
        + "2024-05-03: PAY-2", () -> ledger.applyPayment("k", PaymentApplication.balanceForward("PAY-2",
            d("2024-05-03"))));
  }

  @Test
  void openItemOnAnotherCustomersInvoice() {
    ledger.recordPayment("p2", payment("PAY-2", "ACC-1", usd("5.00"), PaymentMethod.CARD, "2024-05-03"));
    refused(BusinessRuleException.class, "allocations[0].invoiceNumber must belong to account ACC-1 (it belongs to "
        + "ACC-2): INV-2", () -> ledger.applyPayment("k", PaymentApplication.openItem("PAY-2", d("2024-05-03"),
            Allocation.of("INV-2"))));
  }

  @Test
  void openItemOnAnUnknownInvoice() {
    ledger.recordPayment("p2", payment("PAY-2", "ACC-1", usd("5.00"), PaymentMethod.CARD, "2024-05-03"));
    refused(NotFoundException.class, "allocations[0].invoiceNumber must name an invoice of this ledger: INV-9",
        () -> ledger.applyPayment("k", PaymentApplication.openItem("PAY-2", d("2024-05-03"),
            Allocation.of("INV-9"))));
  }

  @Test
  void openItemOnAPaidInvoice() {
    ledger.recordPayment("p2", payment("PAY-2", "ACC-2", usd("50.00"), PaymentMethod.CARD, "2024-05-03"));
    ledger.applyPayment("a2", PaymentApplication.balanceForward("PAY-2", d("2024-05-03")));
    refused(BusinessRuleException.class, "allocations[0].invoiceNumber must have an open amount: INV-2",
        () -> ledger.applyPayment("k", PaymentApplication.openItem("PAY-2", d("2024-05-03"),
            Allocation.of("INV-2"))));
  }

  @Test
  void applicationDatedBeforeTheInvoicesLastMovement() {
    ledger.issueInvoice("i3", simple("INV-3", "ACC-1", "2024-05-10", "2024-06-10", usd("5.00")));
    ledger.recordPayment("p2", payment("PAY-2", "ACC-1", usd("5.00"), PaymentMethod.CARD, "2024-05-03"));
    refused(BusinessRuleException.class, "effectiveDate must not be before the last movement of INV-3 on "
        + "2024-05-10: 2024-05-04", () -> ledger.applyPayment("k", PaymentApplication.openItem("PAY-2",
            d("2024-05-04"), Allocation.of("INV-3"))));
  }

  @Test
  void manualLineOnAReceivableWithoutItem() {
    refused(ValidationException.class, "lines[0].itemRef must be present on an item-managed account: "
        + "RECEIVABLE:ACC-1", () -> ledger.post("k", manual().addLine(JournalLine.debit(
            LedgerAccount.receivable("ACC-1"), usd("5.00"))).addLine(JournalLine.credit(LedgerAccount.adjustments(),
                usd("5.00"))).build()));
  }

  @Test
  void manualLineWithAnItemOnAPlainAccount() {
    refused(ValidationException.class, "lines[1].itemRef must be absent on a ADJUSTMENTS account: X",
        () -> ledger.post("k", manual().addLine(JournalLine.debit(LedgerAccount.receivable("ACC-1"), usd("5.00"))
            .withItemRef("ADJ-1")).addLine(JournalLine.credit(LedgerAccount.adjustments(), usd("5.00"))
                .withItemRef("X")).build()));
  }

  @Test
  void manualLineSettlingAnUnknownItem() {
    refused(NotFoundException.class, "lines[1].itemRef must name an item of RECEIVABLE:ACC-1: INV-9",
        () -> ledger.post("k", manual().addLine(JournalLine.debit(LedgerAccount.writeOffExpense(), usd("5.00")))
            .addLine(JournalLine.credit(LedgerAccount.receivable("ACC-1"), usd("5.00")).withItemRef("INV-9"))
            .build()));
  }

  @Test
  void manualLineOnAnotherAccountsItem() {
    refused(BusinessRuleException.class, "lines[1].itemRef must belong to RECEIVABLE:ACC-1 (it is on "
        + "RECEIVABLE:ACC-2): INV-2", () -> ledger.post("k", manual()
            .addLine(JournalLine.debit(LedgerAccount.writeOffExpense(), usd("5.00")))
            .addLine(JournalLine.credit(LedgerAccount.receivable("ACC-1"), usd("5.00")).withItemRef("INV-2"))
            .build()));
  }

  @Test
  void manualLineSettlingMoreThanIsOpen() {
    refused(BusinessRuleException.class, "lines[1].amount must not exceed the open amount USD 30.00 of INV-1: "
        + "USD 40.00", () -> ledger.post("k", manual()
            .addLine(JournalLine.debit(LedgerAccount.writeOffExpense(), usd("40.00")))
            .addLine(JournalLine.credit(LedgerAccount.receivable("ACC-1"), usd("40.00")).withItemRef("INV-1"))
            .build()));
  }

  @Test
  void manualLineWithADueDateOnAnExistingItem() {
    refused(ValidationException.class, "lines[0].dueDate must only be given on a line that opens an item: 2024-07-01",
        () -> ledger.post("k", manual().addLine(JournalLine.debit(LedgerAccount.receivable("ACC-1"), usd("5.00"))
            .withItemRef("INV-1").withDueDate(d("2024-07-01")))
            .addLine(JournalLine.credit(LedgerAccount.adjustments(), usd("5.00"))).build()));
  }

  @Test
  void manualEntryClaimingToReverse() {
    refused(ValidationException.class, "attributes[reverses] must only be given on a REVERSAL or REBILL: 1",
        () -> ledger.post("k", manual().addLine(JournalLine.debit(LedgerAccount.cash(PaymentMethod.EFT),
            usd("1.00"))).addLine(JournalLine.credit(LedgerAccount.cash(PaymentMethod.CARD), usd("1.00")))
            .putAttribute("reverses", "1").build()));
  }

  @Test
  void creditNoteThatIsNotACredit() {
    refused(ValidationException.class, "creditNote.total must be negative for a credit note: USD 10.00",
        () -> ledger.issueCreditNote("k", simple("CN-1", "ACC-1", "2024-05-05", "2024-05-05", usd("10.00")),
            "INV-1"));
  }

  @Test
  void creditNoteForAnotherAccount() {
    refused(BusinessRuleException.class, "invoiceNumber must belong to account ACC-2 (it belongs to ACC-1): INV-1",
        () -> ledger.issueCreditNote("k", simple("CN-1", "ACC-2", "2024-05-05", "2024-05-05", usd("-10.00")),
            "INV-1"));
  }

  @Test
  void creditNoteInAnotherCurrency() {
    refused(CurrencyMismatchException.class, "creditNote.currency must be in the currency USD: EUR",
        () -> ledger.issueCreditNote("k", Fx.invoice("CN-1", "ACC-1", "2024-05-05", "2024-05-05",
            line(LineKind.ENERGY, eur("-10.00"))), "INV-1"));
  }

  @Test
  void disputingTwice() {
    ledger.openDispute("d", "INV-1", d("2024-05-03"), "x");
    refused(BusinessRuleException.class, "invoiceNumber must not be in dispute already: INV-1",
        () -> ledger.openDispute("d2", "INV-1", d("2024-05-04"), "y"));
  }

  @Test
  void resolvingWithoutADispute() {
    refused(BusinessRuleException.class, "invoiceNumber must be in dispute: INV-1",
        () -> ledger.resolveDispute("d", "INV-1", d("2024-05-04"), "y"));
  }

  @Test
  void disputingAPaidInvoice() {
    ledger.writeOff("w", WriteOff.builder().invoiceNumber("INV-1").date(d("2024-05-05")).build());
    refused(BusinessRuleException.class, "invoiceNumber must have an open amount to dispute: INV-1",
        () -> ledger.openDispute("d", "INV-1", d("2024-05-06"), "x"));
  }

  @Test
  void closingAnEarlierPeriod() {
    ledger.closePeriod("c1", d("2024-03-31"));
    refused(BusinessRuleException.class, "closedThrough must be after the period already closed through 2024-03-31: "
        + "2024-02-29", () -> ledger.closePeriod("c2", d("2024-02-29")));
  }

  @Test
  void openingAnOpenCustomer() {
    refused(ConflictException.class, "accountId must not be open already: ACC-1",
        () -> ledger.openCustomer("k", "ACC-1", d("2024-05-05")));
  }

  @Test
  void writingOffMoreThanIsOpen() {
    refused(BusinessRuleException.class, "amount must not exceed the open amount USD 30.00 of INV-1: USD 40.00",
        () -> ledger.writeOff("k", WriteOff.builder().invoiceNumber("INV-1").date(d("2024-05-05"))
            .amount(usd("40.00")).build()));
  }

  @Test
  void writingOffAPaidInvoice() {
    ledger.writeOff("w", WriteOff.builder().invoiceNumber("INV-1").date(d("2024-05-05")).build());
    refused(BusinessRuleException.class, "invoiceNumber must have an open amount to write off: INV-1",
        () -> ledger.writeOff("k", WriteOff.builder().invoiceNumber("INV-1").date(d("2024-05-05")).build()));
  }

  @Test
  void refundingMoreThanTheCreditBalance() {
    ledger.recordPayment("p2", payment("PAY-2", "ACC-1", usd("20.00"), PaymentMethod.CARD, "2024-05-03"));
    refused(BusinessRuleException.class, "amount must not exceed the credit balance USD 20.00 of ACC-1: USD 25.00",
        () -> ledger.refund("k", Refund.builder().refundId("RF-1").accountId("ACC-1").amount(usd("25.00"))
            .date(d("2024-05-04")).build()));
  }

  @Test
  void payingAnUnknownRefund() {
    refused(NotFoundException.class, "refundId must name an approved refund: RF-9",
        () -> ledger.payRefund("k", "RF-9", PaymentMethod.EFT, d("2024-05-04"), "B-1"));
  }

  @Test
  void identifyingAnIdentifiedPayment() {
    refused(NotFoundException.class, "paymentId must name an unidentified payment: PAY-1",
        () -> ledger.identifyPayment("k", "PAY-1", "ACC-1", d("2024-05-04")));
  }

  @Test
  void adjustingAnUnknownCustomer() {
    refused(NotFoundException.class, "accountId must name a customer account of this ledger: ACC-9",
        () -> ledger.adjust("k", Adjustment.builder().documentNumber("ADJ-1").accountId("ACC-9")
            .amount(usd("1.00")).date(d("2024-05-04")).build()));
  }

  @Test
  void aBlankKey() {
    refused(ValidationException.class, "key must not be blank: \" \"",
        () -> ledger.openCustomer(" ", "ACC-5", d("2024-05-05")));
  }

  @Test
  void aKeyTooLong() {
    String key = "k".repeat(201);
    refused(ValidationException.class, "key must be at most 200 characters: " + key,
        () -> ledger.openCustomer(key, "ACC-5", d("2024-05-05")));
  }

  @Test
  void aKeyWithAControlCharacter() {
    refused(ValidationException.class, "key must not contain control characters: a\nb",
        () -> ledger.openCustomer("a\nb", "ACC-5", d("2024-05-05")));
  }

  @Test
  void aDateOutOfRange() {
    refused(ValidationException.class, "effectiveDate must be in the years 1 to 9999: +10000-01-01",
        () -> ledger.openCustomer("k", "ACC-5", LocalDate.of(10000, 1, 1)));
  }

  @Test
  void queryDatesFarOutsideTheLedgersYearsAreClampedNotWrapped() {
    // after setUp ACC-1 owes 30.00 of INV-1 (100.00 less the 70.00 applied), ACC-2 10.00: as of any later day all of
    // it counts, as of any earlier day none. Year 6,000,000's epoch day (about 2.19e9) does not fit an int: cast, it
    // wrapped to a negative day (a balance of 0.00 as of the far future).
    LedgerAccount ar = LedgerAccount.receivable("ACC-1");
    for (LocalDate later : List.of(LocalDate.of(10000, 1, 1), LocalDate.of(6_000_000, 1, 1), LocalDate.MAX)) {
      assertThat(ledger.balance(ar, USD, later)).as("as of %s", later).isEqualTo(usd("30.00"));
      assertThat(ledger.arControl(USD, later)).as("as of %s", later).isEqualTo(usd("40.00"));
      assertThat(ledger.aging(later).rows()).extracting(AgingRow::total).containsExactly(usd("30.00"), usd("10.00"));
    }
    for (LocalDate earlier : List.of(LocalDate.of(0, 12, 31), LocalDate.of(-6_000_000, 1, 1), LocalDate.MIN)) {
      assertThat(ledger.balance(ar, USD, earlier)).as("as of %s", earlier).isEqualTo(usd("0.00"));
      assertThat(ledger.aging(earlier).rows()).isEmpty();
    }
    assertThat(ledger.statement("ACC-1", USD, LocalDate.MIN, LocalDate.MAX).lines())
        .extracting(StatementLine::reference).containsExactly("INV-1", "PAY-1");
  }

  @Test
  void debitsPastTheLedgersLimitInACurrencyAreRefusedSoNoBalanceOverflows() {
    // setUp debited USD 250.00 (invoices 100.00 and 10.00, the payment 70.00 and its application 70.00); a payment up
    // to the limit of 2^61 minor units is taken, a cent more is not (it used to be, and wrapped the balances' longs)
    long room = LedgerState.MAX_DEBITS - 25_000;
    ledger.recordPayment("big", payment("BIG", "ACC-1", Money.ofMinor(USD, room), PaymentMethod.WIRE, "2024-05-03"));
    assertThat(ledger.cashBalances(USD, END).get(PaymentMethod.WIRE)).isEqualTo(Money.ofMinor(USD, room));
    assertThat(ledger.customerBalance("ACC-1", USD, END)).isEqualTo(usd("30.00").minus(Money.ofMinor(USD, room)));
    refused(BusinessRuleException.class, "lines must keep the ledger's USD debits at most 23058430092136939.52 (it"
        + " has debited 23058430092136939.52): USD 0.01",
        () -> ledger.recordPayment("cent", payment("CENT", "ACC-1", usd("0.01"), PaymentMethod.CARD, "2024-05-03")));
    // another currency has its own room
    ledger.recordPayment("eur", payment("EUR-1", "ACC-1", eur("5.00"), PaymentMethod.CARD, "2024-05-03"));
    assertThat(ledger.cashBalances(EUR, END).get(PaymentMethod.CARD)).isEqualTo(eur("5.00"));
  }

  @Test
  void anInvoiceWhoseLinesTogetherArePastTheLimit() {
    // two lines of USD 20,000,000,000,000,000.00 each: each fits, together they are past 2^61 minor units
    Money half = usd("20000000000000000.00");
    refused(ValidationException.class, "invoice.lines[1].amount must keep the lines within USD 23058430092136939.52 in"
        + " all: USD 20000000000000000.00", () -> ledger.issueInvoice("big", Fx.invoice("INV-9", "ACC-1", "2024-05-03",
        "2024-06-03", line(LineKind.ENERGY, half), line(LineKind.FIXED, half))));
  }

  @Test
  void anEmptyStatementRange() {
    Expect.thrown(ValidationException.class, "toExclusive must be after fromInclusive 2024-05-01: 2024-05-01",
        () -> ledger.statement("ACC-1", USD, d("2024-05-01"), d("2024-05-01")));
  }

  @Test
  void aStatementOfAnUnknownCustomer() {
    Expect.thrown(NotFoundException.class, "accountId must name a customer account of this ledger: ACC-9",
        () -> ledger.statement("ACC-9", EUR, d("2024-05-01"), d("2024-06-01")));
  }
}
