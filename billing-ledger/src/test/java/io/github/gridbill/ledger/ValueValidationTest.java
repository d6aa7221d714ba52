package io.github.gridbill.ledger;

import static io.github.gridbill.ledger.Fx.USD;
import static io.github.gridbill.ledger.Fx.d;
import static io.github.gridbill.ledger.Fx.eur;
import static io.github.gridbill.ledger.Fx.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.CurrencyMismatchException;
import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Every rule of the ledger's value types: exact type and message. */
class ValueValidationTest {

  @Test
  void accountKeyOfASingleAccount() {
    Expect.thrown(ValidationException.class, "key must be empty for a WRITE_OFF_EXPENSE account: x",
        () -> LedgerAccount.of(AccountKind.WRITE_OFF_EXPENSE, "x"));
  }

  @Test
  void revenueKeyMustBeALineKind() {
    Expect.thrown(ValidationException.class, "key must be a line kind other than TAX for a REVENUE account: TAX",
        () -> LedgerAccount.of(AccountKind.REVENUE, "TAX"));
  }

  @Test
  void cashKeyMustBeAPaymentMethod() {
    Expect.thrown(ValidationException.class, "key must be a payment method for a CASH account: BITCOIN",
        () -> LedgerAccount.of(AccountKind.CASH, "BITCOIN"));
  }

  @Test
  void accountKeyMustNotBeBlank() {
    Expect.thrown(ValidationException.class, "key must not be blank: \"\"", () -> LedgerAccount.receivable(""));
  }

  @Test
  void parsingAnUnknownKind() {
    Expect.thrown(ValidationException.class, "account must be <kind> or <kind>:<key> with a known kind: FOO:1",
        () -> LedgerAccount.parse("FOO:1"));
  }

  @Test
  void lineAmountMustNotBeNegative() {
    Expect.thrown(ValidationException.class, "amount must not be negative: USD -1.00",
        () -> JournalLine.debit(LedgerAccount.writeOffExpense(), usd("-1.00")));
  }

  /** USD 23,058,430,092,136,939.52 (2^61 minor units) is the most any amount the ledger takes may be. */
  static final Money MAX = Money.ofMinor(USD, 1L << 61);
  static final Money PAST_MAX = MAX.plus(usd("0.01"));
  static final String TOO_LARGE = " must be at most USD 23058430092136939.52 in size: USD 23058430092136939.53";

  @Test
  void amountsUpToTheLimitAreTaken() {
    assertThat(JournalLine.debit(LedgerAccount.writeOffExpense(), MAX).amount()).isEqualTo(MAX);
    assertThat(Adjustment.builder().documentNumber("ADJ-1").accountId("ACC-1").amount(MAX.negated())
        .date(d("2024-06-01")).build().amount()).isEqualTo(MAX.negated());
  }

  @Test
  void lineAmountPastTheLimit() {
    Expect.thrown(ValidationException.class, "amount" + TOO_LARGE,
        () -> JournalLine.debit(LedgerAccount.writeOffExpense(), PAST_MAX));
  }

  @Test
  void paymentAmountPastTheLimit() {
    Expect.thrown(ValidationException.class, "amount" + TOO_LARGE, () -> Payment.builder().paymentId("P")
        .accountId("ACC-1").amount(PAST_MAX).method(PaymentMethod.EFT).receivedOn(d("2024-06-01")).build());
  }

  @Test
  void adjustmentAmountPastTheLimitEitherWay() {
    Expect.thrown(ValidationException.class, "amount must be at most USD 23058430092136939.52 in size: "
        + "USD -23058430092136939.53", () -> Adjustment.builder().documentNumber("ADJ-1").accountId("ACC-1")
        .amount(PAST_MAX.negated()).date(d("2024-06-01")).build());
  }

  @Test
  void writeOffRefundAndAllocationAmountsPastTheLimit() {
    Expect.thrown(ValidationException.class, "amount" + TOO_LARGE,
        () -> WriteOff.builder().invoiceNumber("INV-1").date(d("2024-06-01")).amount(PAST_MAX).build());
    Expect.thrown(ValidationException.class, "amount" + TOO_LARGE,
        () -> Refund.builder().refundId("R-1").accountId("ACC-1").amount(PAST_MAX).date(d("2024-06-01")).build());
    Expect.thrown(ValidationException.class, "amount" + TOO_LARGE, () -> Allocation.of("INV-1", PAST_MAX));
  }

  @Test
  void policyAmountsPastTheLimit() {
    Expect.thrown(ValidationException.class, "minimumAmount" + TOO_LARGE,
        () -> DunningLevel.of(1, "Reminder", 1, PAST_MAX));
    Expect.thrown(ValidationException.class, "flatFee" + TOO_LARGE, () -> LateFeePolicy.builder()
        .currency(USD).rate(BigDecimal.ZERO).flatFee(PAST_MAX).build());
  }

  @Test
  void lineDueDateNeedsAnItem() {
    Expect.thrown(ValidationException.class, "dueDate must come with an itemRef: 2024-06-01",
        () -> JournalLine.debit(LedgerAccount.writeOffExpense(), usd("1.00")).withDueDate(d("2024-06-01")));
  }

  @Test
  void noteLevelMustNotBeNegative() {
    Expect.thrown(ValidationException.class, "level must not be negative: -1",
        () -> ItemNote.of(LedgerAccount.receivable("A"), "INV-1", usd("1.00"), -1));
  }

  @Test
  void allocationAmountMustBePositive() {
    Expect.thrown(ValidationException.class, "amount must be positive: USD 0.00",
        () -> Allocation.of("INV-1", usd("0.00")));
  }

  @Test
  void openItemApplicationNeedsAnInvoice() {
    Expect.thrown(ValidationException.class, "allocations must name at least one invoice for OPEN_ITEM: []",
        () -> PaymentApplication.openItem("PAY-1", d("2024-05-01")));
  }

  @Test
  void openItemApplicationNamesEachInvoiceOnce() {
    Expect.thrown(ValidationException.class, "allocations[1].invoiceNumber must not be named twice: INV-1",
        () -> PaymentApplication.openItem("PAY-1", d("2024-05-01"), Allocation.of("INV-1"), Allocation.of("INV-1")));
  }

  @Test
  void balanceForwardNamesNoInvoice() {
    Expect.thrown(ValidationException.class, "allocations must be empty for BALANCE_FORWARD: [Allocation{"
        + "invoiceNumber=INV-1}]", () -> PaymentApplication.builder().paymentId("PAY-1").date(d("2024-05-01"))
            .mode(ApplicationMode.BALANCE_FORWARD).addAllocation(Allocation.of("INV-1")).build());
  }

  @Test
  void maximumOnlyForBalanceForward() {
    Expect.thrown(ValidationException.class, "maximum must be empty for OPEN_ITEM: USD 1.00",
        () -> PaymentApplication.builder().paymentId("PAY-1").date(d("2024-05-01")).mode(ApplicationMode.OPEN_ITEM)
            .addAllocation(Allocation.of("INV-1")).maximum(usd("1.00")).build());
  }

  @Test
  void maximumMustBePositive() {
    Expect.thrown(ValidationException.class, "maximum must be positive: USD 0.00",
        () -> PaymentApplication.builder().paymentId("PAY-1").date(d("2024-05-01"))
            .mode(ApplicationMode.BALANCE_FORWARD).maximum(usd("0.00")).build());
  }

  @Test
  void adjustmentMustNotBeZero() {
    Expect.thrown(ValidationException.class, "amount must not be zero: USD 0.00",
        () -> Adjustment.builder().documentNumber("A").accountId("ACC").amount(usd("0.00")).date(d("2024-05-01"))
            .build());
  }

  @Test
  void positiveAdjustmentOpensItsOwnItem() {
    Expect.thrown(ValidationException.class,
        "invoiceNumber must be empty for a positive adjustment (it opens its own item): INV-1",
        () -> Adjustment.builder().documentNumber("A").accountId("ACC").amount(usd("1.00")).date(d("2024-05-01"))
            .invoiceNumber("INV-1").build());
  }

  @Test
  void negativeAdjustmentHasNoDueDate() {
    Expect.thrown(ValidationException.class, "dueDate must be empty for a negative adjustment: 2024-06-01",
        () -> Adjustment.builder().documentNumber("A").accountId("ACC").amount(usd("-1.00")).date(d("2024-05-01"))
            .dueDate(d("2024-06-01")).build());
  }

  @Test
  void adjustmentDueDateNotBeforeItsDate() {
    Expect.thrown(ValidationException.class, "dueDate must not be before date 2024-05-01: 2024-04-01",
        () -> Adjustment.builder().documentNumber("A").accountId("ACC").amount(usd("1.00")).date(d("2024-05-01"))
            .dueDate(d("2024-04-01")).build());
  }

  @Test
  void writeOffAmountMustBePositive() {
    Expect.thrown(ValidationException.class, "amount must be positive: USD -1.00",
        () -> WriteOff.builder().invoiceNumber("INV-1").date(d("2024-05-01")).amount(usd("-1.00")).build());
  }

  @Test
  void refundAmountMustBePositive() {
    Expect.thrown(ValidationException.class, "amount must be positive: USD 0.00",
        () -> Refund.builder().refundId("R").accountId("A").amount(usd("0.00")).date(d("2024-05-01")).build());
  }

  @Test
  void lateFeeRateMustNotBeNegative() {
    Expect.thrown(ValidationException.class, "rate must not be negative: -0.01",
        () -> LateFeePolicy.builder().currency(USD).rate(new BigDecimal("-0.01")).build());
  }

  @Test
  void lateFeeFlatFeeInThePolicysCurrency() {
    Expect.thrown(CurrencyMismatchException.class, "flatFee must be in the currency USD: EUR 5.00",
        () -> LateFeePolicy.builder().currency(USD).rate(BigDecimal.ONE).flatFee(eur("5.00")).build());
  }

  @Test
  void lateFeeGraceDaysNotNegative() {
    Expect.thrown(ValidationException.class, "graceDays must not be negative: -1",
        () -> LateFeePolicy.builder().currency(USD).rate(BigDecimal.ONE).graceDays(-1).build());
  }

  @Test
  void dunningLevelsNumberedFromOne() {
    Expect.thrown(ValidationException.class, "levels[0].level must be 1: 2",
        () -> DunningPolicy.builder().currency(USD).addLevel(DunningLevel.of(2, "Second", 30, usd("1.00"))).build());
  }

  @Test
  void dunningLevelsByIncreasingDays() {
    Expect.thrown(ValidationException.class, "levels[1].daysPastDue must be more than the previous level's 30: 30",
        () -> DunningPolicy.builder().currency(USD).addLevel(DunningLevel.of(1, "First", 30, usd("1.00")))
            .addLevel(DunningLevel.of(2, "Second", 30, usd("1.00"))).build());
  }

  @Test
  void dunningMinimumInThePolicysCurrency() {
    Expect.thrown(CurrencyMismatchException.class, "levels[0].minimumAmount must be in the currency USD: EUR 1.00",
        () -> DunningPolicy.builder().currency(USD).addLevel(DunningLevel.of(1, "First", 1, eur("1.00"))).build());
  }

  @Test
  void dunningPolicyNeedsALevel() {
    Expect.thrown(ValidationException.class, "levels must not be empty: []",
        () -> DunningPolicy.builder().currency(USD).build());
  }

  @Test
  void dunningLevelTriggersAfterADay() {
    Expect.thrown(ValidationException.class, "daysPastDue must be at least 1: 0",
        () -> DunningLevel.of(1, "First", 0, usd("1.00")));
  }

  @Test
  void agingBoundsIncrease() {
    Expect.thrown(ValidationException.class, "bounds[1] must be more than 30: 30",
        () -> AgingPolicy.of(AgingBasis.DUE_DATE, List.of(30, 30)));
  }

  @Test
  void agingBoundsNotNegative() {
    Expect.thrown(ValidationException.class, "bounds[0] must not be negative: -1",
        () -> AgingPolicy.of(AgingBasis.DUE_DATE, List.of(-1)));
  }

  @Test
  void agingNeedsABound() {
    Expect.thrown(ValidationException.class, "bounds must not be empty: []",
        () -> AgingPolicy.of(AgingBasis.DUE_DATE, List.of()));
  }

  @Test
  void paymentIdMustNotBeBlank() {
    Expect.thrown(ValidationException.class, "paymentId must not be blank: \" \"",
        () -> Fx.payment(" ", "ACC-1", usd("1.00"), PaymentMethod.CASH, "2024-05-01"));
  }

  @Test
  void contentDigestMustBe64LowercaseHexDigits() {
    String valid = "0123456789abcdef".repeat(4);
    assertThat(EntryCodecTest.full().withContentDigest(valid).contentDigest()).isEqualTo(valid);
    // each character class at the edges of the hex ranges, and one outside ASCII
    for (String bad : new String[] {"A", "F", "g", "/", ":", "`", "\u0660", "\uff41"}) {
      String digest = valid.substring(0, 63) + bad;
      Expect.thrown(ValidationException.class, "contentDigest must be 64 lowercase hex digits: " + digest,
          () -> EntryCodecTest.full().withContentDigest(digest));
    }
    String shortDigest = valid.substring(1);
    Expect.thrown(ValidationException.class, "contentDigest must be 64 lowercase hex digits: " + shortDigest,
        () -> EntryCodecTest.full().withContentDigest(shortDigest));
  }
}
