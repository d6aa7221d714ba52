package io.github.gridbill.reconcile.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.gridbill.core.CurrencyMismatchException;
import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** One test per validation rule of the cash-application types: exact type and message. */
class CashValidationTest {
  static final LocalDate D = LocalDate.of(2024, 3, 1);
  static final Money TEN = Money.parse("USD 10.00");

  static OpenItem item(String inv) {
    return OpenItem.of("ACC-1", inv, D, D.plusDays(15), TEN, false);
  }

  @Test
  void openItemDueBeforeIssue() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> OpenItem.of("A", "I", D, D.minusDays(1), TEN, false))
        .withMessage("dueDate must not be before issueDate 2024-03-01: 2024-02-29");
  }

  @Test
  void openItemAmountNotPositive() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> OpenItem.of("A", "I", D, D, Money.parse("USD 0.00"), false))
        .withMessage("openAmount must be positive: USD 0.00");
  }

  @Test
  void openItemAmountPastTheMaximum() {
    // 2^52 minor units is the most; a cent more is refused, in any currency's minor unit (JPY has none)
    assertThat(OpenItem.of("A", "I", D, D, Money.ofMinor(CurrencyUnit.USD, 1L << 52), false).openAmount())
        .isEqualTo(Money.parse("USD 45035996273704.96"));
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> OpenItem.of("A", "I", D, D, Money.parse("USD 45035996273704.97"), false))
        .withMessage("openAmount must be at most USD 45035996273704.96: USD 45035996273704.97");
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> OpenItem.of("A", "I", D, D, Money.parse("JPY 4503599627370497"), false))
        .withMessage("openAmount must be at most JPY 4503599627370496: JPY 4503599627370497");
  }

  @Test
  void paymentAmountPastTheMaximum() {
    // USD 1e20 has more minor units than a long holds: a typed error, not an ArithmeticException from the engine
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> Payment.builder().id("p").amount(Money.parse("USD 100000000000000000000.00")).valueDate(D)
            .build())
        .withMessage("amount must be at most USD 45035996273704.96: USD 100000000000000000000.00");
  }

  @Test
  void toleranceAbsolutePastTheMaximum() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> Tolerance.absolute(Money.parse("USD 45035996273704.97")))
        .withMessage("absolute must be at most USD 45035996273704.96: USD 45035996273704.97");
  }

  @Test
  void openItemBlankInvoiceNumber() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> OpenItem.of("A", " ", D, D, TEN, false))
        .withMessage("invoiceNumber must not be blank: \" \"");
  }

  @Test
  void openItemBlankAccount() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> OpenItem.of("", "I", D, D, TEN, false))
        .withMessage("accountId must not be blank: \"\"");
  }

  @Test
  void paymentAmountNotPositive() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> Payment.builder().id("p").amount(Money.parse("USD -1.00")).valueDate(D).build())
        .withMessage("amount must be positive: USD -1.00");
  }

  @Test
  void paymentBlankId() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> Payment.builder().id("").amount(TEN).valueDate(D).build())
        .withMessage("id must not be blank: \"\"");
  }

  @Test
  void paymentBlankPayer() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> Payment.builder().id("p").amount(TEN).valueDate(D).payerAccountId(" ").build())
        .withMessage("payerAccountId must not be blank: \" \"");
  }

  @Test
  void toleranceNegativeAbsolute() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> Tolerance.absolute(Money.parse("USD -0.01")))
        .withMessage("absolute must not be negative: USD -0.01");
  }

  @Test
  void tolerancePercentAbove100() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> Tolerance.percent(new BigDecimal("100.5")))
        .withMessage("percent must be 0 to 100: 100.5");
  }

  @Test
  void toleranceAllowances() {
    Tolerance both = Tolerance.both(Money.parse("USD 1.00"), new BigDecimal("0.5"));
    assertThat(both.allowance(Money.parse("USD 150.00"))).isEqualTo(Money.parse("USD 0.75"));
    assertThat(both.allowance(Money.parse("USD 400.00"))).isEqualTo(Money.parse("USD 1.00"));
    assertThat(both.allowance(Money.parse("EUR 400.00"))).isEqualTo(Money.parse("EUR 2.00"));
    assertThat(Tolerance.absolute(Money.parse("USD 1.00")).allowance(Money.parse("EUR 400.00")))
        .isEqualTo(Money.parse("EUR 0.00"));
    assertThat(Tolerance.percent(new BigDecimal("1")).allowance(Money.parse("USD 0.99")))
        .isEqualTo(Money.parse("USD 0.00"));
    assertThat(Tolerance.none().allowance(TEN)).isEqualTo(Money.parse("USD 0.00"));
  }

  @Test
  void combinationBoundAbove10() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> MatchRule.combination(11))
        .withMessage("maxItems must be 1 to 10: 11");
  }

  @Test
  void configWithoutRules() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> CashApplicationConfig.builder().build())
        .withMessage("rules must not be empty: []");
  }

  @Test
  void configRepeatingARule() {
    assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> CashApplicationConfig.builder()
        .addRule(MatchRule.reference()).addRule(MatchRule.exactAmount()).addRule(MatchRule.reference()).build())
        .withMessage("rules[2] must not repeat a rule kind: REFERENCE");
  }

  @Test
  void configPoolOutOfRange() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> CashApplicationConfig.defaults().withCombinationPool(41))
        .withMessage("combinationPool must be 1 to 40: 41");
  }

  @Test
  void configSearchLimitBelowOne() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> CashApplicationConfig.defaults().withCombinationSearchLimit(0))
        .withMessage("combinationSearchLimit must be at least 1: 0");
  }

  @Test
  void indexWithARepeatedInvoiceNumber() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> OpenItemIndex.of(List.of(item("INV-1"), item("INV-2"), item("inv-1"))))
        .withMessage("items[2].invoiceNumber must be unique ignoring case (items[0] has INV-1): inv-1");
  }

  @Test
  void indexWithADateBefore1900() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> OpenItemIndex.of(List.of(OpenItem.of("A", "I", LocalDate.of(1899, 12, 31),
            LocalDate.of(1900, 1, 10), TEN, false))))
        .withMessage("items[0].issueDate must be from 1900-01-01 to 3335-06-14: 1899-12-31");
  }

  @Test
  void paymentsWithARepeatedIdMatchNothing() {
    Payment p = Payment.builder().id("p1").amount(TEN).valueDate(D).addReference("INV-1").build();
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> CashApplicationEngine.of(CashApplicationConfig.defaults())
            .apply(List.of(item("INV-1")), List.of(p, p.withAmount(Money.parse("USD 5.00")), p)))
        .withMessage("payments[1].id must be unique (payments[0] has it too): p1");
  }

  @Test
  void applicationAboveTheOpenAmount() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> Application.of("I", "A", Money.parse("USD 11.00"), TEN))
        .withMessage("amount must not exceed the open amount USD 10.00: USD 11.00");
  }

  @Test
  void applicationInAnotherCurrency() {
    assertThatExceptionOfType(CurrencyMismatchException.class)
        .isThrownBy(() -> Application.of("I", "A", TEN, Money.parse("EUR 10.00")))
        .withMessage("openBefore must be in the currency USD: EUR 10.00");
  }

  @Test
  void matchApplyingMoreThanThePayment() {
    Payment p = Payment.builder().id("p1").amount(Money.parse("USD 5.00")).valueDate(D).build();
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> PaymentMatch.builder().payment(p).rule(RuleKind.REFERENCE).confidence(100)
            .payerAccountId(Optional.empty()).addApplication(Application.of("I", "A", TEN, TEN)).build())
        .withMessage("applications must not sum to more than the payment USD 5.00: USD 10.00");
  }

  @Test
  void matchWithConfidenceAbove100() {
    Payment p = Payment.builder().id("p1").amount(TEN).valueDate(D).build();
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> PaymentMatch.builder().payment(p).rule(RuleKind.REFERENCE).confidence(101)
            .addApplication(Application.of("I", "A", TEN, TEN)).build())
        .withMessage("confidence must be 0 to 100: 101");
  }

  @Test
  void reportWithAPaymentBothMatchedAndExcepted() {
    Payment p = Payment.builder().id("p1").amount(TEN).valueDate(D).build();
    PaymentMatch m = PaymentMatch.builder().payment(p).rule(RuleKind.REFERENCE).confidence(100)
        .addApplication(Application.of("I", "A", TEN, TEN)).build();
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> CashApplicationReport.builder().addMatch(m).addInstruction(ApplicationInstruction.of(m))
            .addException(PaymentException.builder().payment(p).reason(ExceptionReason.NO_MATCH).detail("x").build())
            .build())
        .withMessage("exceptions[0].payment.id must not also be matched: p1");
  }

  @Test
  void reportWithoutAnInstructionPerMatch() {
    Payment p = Payment.builder().id("p1").amount(TEN).valueDate(D).build();
    PaymentMatch m = PaymentMatch.builder().payment(p).rule(RuleKind.REFERENCE).confidence(100)
        .addApplication(Application.of("I", "A", TEN, TEN)).build();
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> CashApplicationReport.builder().addMatch(m).build())
        .withMessage("instructions must have one per match (1): 0");
  }
}
