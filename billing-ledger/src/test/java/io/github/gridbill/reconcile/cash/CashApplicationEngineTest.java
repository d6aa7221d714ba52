package io.github.gridbill.reconcile.cash;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Each rule on small hand-made cases. The book: ACC-1 owes INV-1 100.00 (due Jan), INV-2 50.00 (Feb), INV-3 75.00
 * (Mar); ACC-2 owes INV-4 and INV-5, 200.00 each; ACC-3 owes INV-6 60.00 (disputed) and INV-7 40.00; ACC-4 owes INV-8
 * EUR 80.00; ACC-5 owes INV-9..12 of 10, 20, 30 and 40.00; ACC-6 owes GB/2024/0007 25.00.
 */
class CashApplicationEngineTest {
  static final LocalDate D = LocalDate.of(2024, 4, 2);

  static OpenItem item(String acct, String inv, int month, String amount) {
    return item(acct, inv, month, amount, false);
  }

  static OpenItem item(String acct, String inv, int month, String amount, boolean disputed) {
    LocalDate issue = LocalDate.of(2024, month, 1);
    return OpenItem.of(acct, inv, issue, issue.plusDays(14), money(amount), disputed);
  }

  static Money money(String s) {
    return Money.parse(s.contains(" ") ? s : "USD " + s);
  }

  static final List<OpenItem> BOOK = List.of(
      item("ACC-1", "INV-3", 3, "75.00"), item("ACC-1", "INV-1", 1, "100.00"), item("ACC-1", "INV-2", 2, "50.00"),
      item("ACC-2", "INV-4", 1, "200.00"), item("ACC-2", "INV-5", 2, "200.00"),
      item("ACC-3", "INV-6", 1, "60.00", true), item("ACC-3", "INV-7", 2, "40.00"),
      item("ACC-4", "INV-8", 1, "EUR 80.00"),
      item("ACC-5", "INV-9", 1, "10.00"), item("ACC-5", "INV-10", 2, "20.00"), item("ACC-5", "INV-11", 3, "30.00"),
      item("ACC-5", "INV-12", 4, "40.00"),
      item("ACC-6", "GB/2024/0007", 1, "25.00"));
  static final OpenItemIndex INDEX = OpenItemIndex.of(BOOK);

  static Payment.Builder pay(String id, String amount) {
    return Payment.builder().id(id).amount(money(amount)).valueDate(D);
  }

  static CashApplicationReport run(CashApplicationConfig config, Payment... payments) {
    return CashApplicationEngine.of(config).apply(INDEX, List.of(payments));
  }

  static CashApplicationReport run(Payment... payments) {
    return run(CashApplicationConfig.defaults(), payments);
  }

  static PaymentMatch onlyMatch(CashApplicationReport r) {
    assertThat(r.exceptions()).isEmpty();
    assertThat(r.matches()).hasSize(1);
    return r.matches().get(0);
  }

  static PaymentException onlyException(CashApplicationReport r) {
    assertThat(r.matches()).isEmpty();
    assertThat(r.exceptions()).hasSize(1);
    return r.exceptions().get(0);
  }

  static List<String> applied(PaymentMatch m) {
    List<String> out = new ArrayList<>();
    for (Application a : m.applications()) {
      out.add(a.invoiceNumber() + "=" + a.amount().getAmount().toPlainString());
    }
    return out;
  }

  static CashApplicationConfig withTolerance(Tolerance t) {
    return CashApplicationConfig.defaults().withTolerance(t);
  }

  @Test
  void aPayersItemsTotallingMoreThanALongHoldsAreStillMoreThanThePayment() {
    // 2,100 items of the maximum, 2^52 minor units each: 2,100 × 2^52 is past 2^63 and used to wrap to a negative
    // total, which made a USD 10.00 payment an OVERPAYMENT; the total now saturates and the payment is short of the
    // smallest item, an UNDERPAYMENT
    List<OpenItem> many = new ArrayList<>();
    for (int i = 0; i < 2_100; i++) {
      many.add(OpenItem.of("ACC-9", "BIG-" + i, D, D, Money.ofMinor(org.joda.money.CurrencyUnit.USD, 1L << 52),
          false));
    }
    CashApplicationReport r = CashApplicationEngine.of(CashApplicationConfig.defaults())
        .apply(many, List.of(pay("P-9", "10.00").payerAccountId("ACC-9").build()));
    PaymentException e = onlyException(r);
    assertThat(e.reason()).isEqualTo(ExceptionReason.UNDERPAYMENT);
    assertThat(e.detail()).isEqualTo("pays USD 10.00; payer ACC-9's smallest open item is USD 45035996273704.96"
        + " (tolerance USD 0.00)");
  }

  // ---- the index ----

  @Test
  void indexListsEachAccountOldestFirst() {
    assertThat(INDEX.itemsOf("acc-1")).extracting(OpenItem::invoiceNumber).containsExactly("INV-1", "INV-2", "INV-3");
    assertThat(INDEX.item("inv-2")).contains(BOOK.get(2));
    assertThat(INDEX.item("INV-99")).isEmpty();
    assertThat(INDEX.itemsOf("ACC-99")).isEmpty();
    assertThat(INDEX.size()).isEqualTo(13);
    assertThat(INDEX.accountCount()).isEqualTo(6);
  }

  @Test
  void sameDueDateKeepsIssueDateThenInputOrder() {
    LocalDate due = LocalDate.of(2024, 5, 1);
    OpenItemIndex ix = OpenItemIndex.of(List.of(
        OpenItem.of("A", "X3", due.minusDays(5), due, money("1.00"), false),
        OpenItem.of("A", "X1", due.minusDays(9), due, money("1.00"), false),
        OpenItem.of("A", "X2", due.minusDays(5), due, money("1.00"), false)));
    assertThat(ix.itemsOf("A")).extracting(OpenItem::invoiceNumber).containsExactly("X1", "X3", "X2");
  }

  // ---- REFERENCE ----

  @Test
  void referencePaysTheNamedInvoice() {
    PaymentMatch m = onlyMatch(run(pay("p1", "100.00").addReference("INV-1").build()));
    assertThat(m.rule()).isEqualTo(RuleKind.REFERENCE);
    assertThat(m.confidence()).isEqualTo(100);
    assertThat(applied(m)).containsExactly("INV-1=100.00");
    assertThat(m.applications().get(0).openAfter()).isEqualTo(money("0.00"));
    assertThat(m.unapplied()).isEqualTo(money("0.00"));
    assertThat(m.payerAccountId()).contains("ACC-1");
  }

  @Test
  void referenceIsFoundInFreeTextIgnoringCaseAndPunctuation() {
    PaymentMatch m = onlyMatch(run(pay("p1", "50.00").freeText("Payment for inv-2, thanks.").build()));
    assertThat(m.rule()).isEqualTo(RuleKind.REFERENCE);
    assertThat(applied(m)).containsExactly("INV-2=50.00");
  }

  @Test
  void referenceToSeveralInvoicesPaysThemOldestFirst() {
    PaymentMatch m = onlyMatch(run(pay("p1", "150.00").addReference("INV-2 / INV-1").build()));
    assertThat(applied(m)).containsExactly("INV-1=100.00", "INV-2=50.00");
    assertThat(m.confidence()).isEqualTo(100);
  }

  @Test
  void invoiceNumbersWithSlashesAreFoundWholeAndWordsWithSlashesInParts() {
    assertThat(applied(onlyMatch(run(pay("p1", "25.00").freeText("ref GB/2024/0007.").build()))))
        .containsExactly("GB/2024/0007=25.00");
    assertThat(applied(onlyMatch(run(pay("p1", "150.00").freeText("INV-1/INV-2").build()))))
        .containsExactly("INV-1=100.00", "INV-2=50.00");
  }

  @Test
  void referenceUnderpaidWithinToleranceLeavesTheResidualOpen() {
    PaymentMatch m = onlyMatch(run(withTolerance(Tolerance.absolute(money("1.00"))),
        pay("p1", "99.50").addReference("INV-1").build()));
    assertThat(m.confidence()).isEqualTo(95);
    assertThat(applied(m)).containsExactly("INV-1=99.50");
    assertThat(m.applications().get(0).openAfter()).isEqualTo(money("0.50"));
  }

  @Test
  void referenceOverpaidWithinToleranceLeavesTheRestUnapplied() {
    PaymentMatch m = onlyMatch(run(withTolerance(Tolerance.absolute(money("1.00"))),
        pay("p1", "100.40").addReference("INV-1").build()));
    assertThat(applied(m)).containsExactly("INV-1=100.00");
    assertThat(m.unapplied()).isEqualTo(money("0.40"));
  }

  @Test
  void referenceOverpaidBeyondToleranceIsAnOverpayment() {
    PaymentException e = onlyException(run(pay("p1", "120.00").addReference("INV-1").build()));
    assertThat(e.reason()).isEqualTo(ExceptionReason.OVERPAYMENT);
    assertThat(e.detail()).isEqualTo(
        "pays USD 120.00; the invoices named (INV-1) have USD 100.00 open (tolerance USD 0.00)");
    assertThat(e.candidates()).containsExactly("INV-1");
    assertThat(e.payerAccountId()).contains("ACC-1");
  }

  @Test
  void referenceUnderpaidBeyondToleranceIsAnUnderpayment() {
    PaymentException e = onlyException(run(pay("p1", "60.00").addReference("INV-1").build()));
    assertThat(e.reason()).isEqualTo(ExceptionReason.UNDERPAYMENT);
    assertThat(e.detail()).isEqualTo(
        "pays USD 60.00; the invoices named (INV-1) have USD 100.00 open (tolerance USD 0.00)");
  }

  @Test
  void referencePayingExactlySomeOfTheNamedInvoicesMatchesThem() {
    PaymentMatch m = onlyMatch(run(pay("p1", "175.00").freeText("INV-1 INV-2 INV-3").build()));
    assertThat(m.rule()).isEqualTo(RuleKind.REFERENCE);
    assertThat(m.confidence()).isEqualTo(90);
    assertThat(applied(m)).containsExactly("INV-1=100.00", "INV-3=75.00");
  }

  @Test
  void referenceToAnInvoiceAlreadyPaidInTheRunIsAnOverpayment() {
    CashApplicationReport r = run(pay("p1", "50.00").addReference("INV-2").build(),
        pay("p2", "50.00").addReference("INV-2").build());
    assertThat(r.matches()).extracting(m -> m.payment().id()).containsExactly("p1");
    assertThat(r.exceptions().get(0).reason()).isEqualTo(ExceptionReason.OVERPAYMENT);
    assertThat(r.exceptions().get(0).detail()).isEqualTo(
        "pays USD 50.00; the invoices named (INV-2) have nothing open");
  }

  @Test
  void aDisputedItemIsPaidWhenNamed() {
    assertThat(applied(onlyMatch(run(pay("p1", "60.00").addReference("INV-6").build()))))
        .containsExactly("INV-6=60.00");
  }

  @Test
  void referenceToAnInvoiceInAnotherCurrencyIsACurrencyMismatch() {
    PaymentException e = onlyException(run(pay("p1", "80.00").addReference("INV-8").build()));
    assertThat(e.reason()).isEqualTo(ExceptionReason.CURRENCY_MISMATCH);
  }

  // ---- EXACT_AMOUNT ----

  @Test
  void exactAmountOfThePayerNamedByAccountNumberInText() {
    PaymentMatch m = onlyMatch(run(pay("p1", "75.00").freeText("customer ACC-1 march").build()));
    assertThat(m.rule()).isEqualTo(RuleKind.EXACT_AMOUNT);
    assertThat(m.confidence()).isEqualTo(90);
    assertThat(applied(m)).containsExactly("INV-3=75.00");
    assertThat(m.payerAccountId()).contains("ACC-1");
  }

  @Test
  void exactAmountOfAGivenPayer() {
    PaymentMatch m = onlyMatch(run(pay("p1", "50.00").payerAccountId("ACC-1").build()));
    assertThat(applied(m)).containsExactly("INV-2=50.00");
  }

  @Test
  void exactAmountWithinToleranceHasLowerConfidence() {
    PaymentMatch m = onlyMatch(run(withTolerance(Tolerance.percent(new BigDecimal("1"))),
        pay("p1", "74.50").payerAccountId("ACC-1").build()));
    assertThat(m.rule()).isEqualTo(RuleKind.EXACT_AMOUNT);
    assertThat(m.confidence()).isEqualTo(80);
    assertThat(m.applications().get(0).openAfter()).isEqualTo(money("0.50"));
  }

  @Test
  void twoItemsOfTheSameAmountAreAmbiguousForTheExactAmountRule() {
    PaymentException e = onlyException(run(CashApplicationConfig.builder().addRule(MatchRule.exactAmount()).build(),
        pay("p1", "200.00").payerAccountId("ACC-2").build()));
    assertThat(e.reason()).isEqualTo(ExceptionReason.AMBIGUOUS);
    assertThat(e.candidates()).containsExactly("INV-4", "INV-5");
    assertThat(e.detail()).isEqualTo("exact amount: 2 open items of USD 200.00");
  }

  // ---- OLDEST_ITEMS ----

  @Test
  void theOldestItemsResolveAnExactAmountTie() {
    PaymentMatch m = onlyMatch(run(pay("p1", "200.00").payerAccountId("ACC-2").build()));
    assertThat(m.rule()).isEqualTo(RuleKind.OLDEST_ITEMS);
    assertThat(applied(m)).containsExactly("INV-4=200.00");
  }

  @Test
  void oldestItemsPaidTogether() {
    PaymentMatch m = onlyMatch(run(pay("p1", "150.00").payerAccountId("ACC-1").build()));
    assertThat(m.rule()).isEqualTo(RuleKind.OLDEST_ITEMS);
    assertThat(m.confidence()).isEqualTo(80);
    assertThat(applied(m)).containsExactly("INV-1=100.00", "INV-2=50.00");
  }

  // ---- COMBINATION ----

  @Test
  void aCombinationThatIsNotTheOldest() {
    PaymentMatch m = onlyMatch(run(pay("p1", "175.00").payerAccountId("ACC-1").build()));
    assertThat(m.rule()).isEqualTo(RuleKind.COMBINATION);
    assertThat(m.confidence()).isEqualTo(70);
    assertThat(applied(m)).containsExactly("INV-1=100.00", "INV-3=75.00");
  }

  @Test
  void twoEqualCombinationsAreAmbiguous() {
    PaymentException e = onlyException(run(pay("p1", "50.00").payerAccountId("ACC-5").build()));
    assertThat(e.reason()).isEqualTo(ExceptionReason.AMBIGUOUS);
    assertThat(e.candidates()).containsExactly("INV-9", "INV-12", "INV-10", "INV-11");
    assertThat(e.detail()).isEqualTo("combination: more than one set of 2 open items adds up to USD 50.00 within "
        + "USD 0.00");
  }

  @Test
  void theCombinationBoundLimitsTheSetSize() {
    CashApplicationConfig three = CashApplicationConfig.builder().addRule(MatchRule.combination(3)).build();
    assertThat(onlyException(run(three, pay("p1", "100.00").payerAccountId("ACC-5").build())).reason())
        .isEqualTo(ExceptionReason.NO_MATCH); // 10 + 20 + 30 + 40 needs four
    CashApplicationConfig four = CashApplicationConfig.builder().addRule(MatchRule.combination(4)).build();
    assertThat(applied(onlyMatch(run(four, pay("p1", "100.00").payerAccountId("ACC-5").build()))))
        .containsExactly("INV-9=10.00", "INV-10=20.00", "INV-11=30.00", "INV-12=40.00");
  }

  // ---- BALANCE_FORWARD ----

  @Test
  void balanceForwardPaysOldestFirstAndKeepsTheRestAsCredit() {
    CashApplicationConfig bf = CashApplicationConfig.builder().addRule(MatchRule.balanceForward()).build();
    PaymentMatch partial = onlyMatch(run(bf, pay("p1", "120.00").payerAccountId("ACC-1").build()));
    assertThat(partial.rule()).isEqualTo(RuleKind.BALANCE_FORWARD);
    assertThat(partial.confidence()).isEqualTo(60);
    assertThat(applied(partial)).containsExactly("INV-1=100.00", "INV-2=20.00");
    assertThat(partial.applications().get(1).openAfter()).isEqualTo(money("30.00"));
    PaymentMatch over = onlyMatch(run(bf, pay("p1", "300.00").payerAccountId("ACC-1").build()));
    assertThat(applied(over)).containsExactly("INV-1=100.00", "INV-2=50.00", "INV-3=75.00");
    assertThat(over.unapplied()).isEqualTo(money("75.00"));
  }

  // ---- exceptions after the chain ----

  @Test
  void disputedItemsAreLeftOutOfTheAmountRules() {
    PaymentException e = onlyException(run(pay("p1", "60.00").payerAccountId("ACC-3").build()));
    assertThat(e.reason()).isEqualTo(ExceptionReason.OVERPAYMENT);
    assertThat(e.detail()).isEqualTo("pays USD 60.00; payer ACC-3 has USD 40.00 open in all (tolerance USD 0.00)");
  }

  @Test
  void noPayer() {
    PaymentException e = onlyException(run(pay("p1", "10.00").freeText("hello").addReference("E2E-77").build()));
    assertThat(e.reason()).isEqualTo(ExceptionReason.NO_PAYER);
    assertThat(e.detail()).isEqualTo("no known account or invoice number in the payment's references or text");
    assertThat(e.payerAccountId()).isEmpty();
  }

  @Test
  void aGivenPayerWithoutOpenItems() {
    PaymentException e = onlyException(run(pay("p1", "10.00").payerAccountId("ACC-9").build()));
    assertThat(e.reason()).isEqualTo(ExceptionReason.NO_MATCH);
    assertThat(e.detail()).isEqualTo("payer ACC-9 has no open items");
  }

  @Test
  void referencesToTwoAccountsAreAmbiguous() {
    PaymentException e = onlyException(run(pay("p1", "10.00").freeText("ACC-1 and ACC-2").build()));
    assertThat(e.reason()).isEqualTo(ExceptionReason.AMBIGUOUS);
    assertThat(e.detail()).isEqualTo("the payment names several accounts: ACC-1, ACC-2");
  }

  @Test
  void aPayerWithItemsOnlyInAnotherCurrency() {
    PaymentException e = onlyException(run(pay("p1", "80.00").payerAccountId("ACC-4").build()));
    assertThat(e.reason()).isEqualTo(ExceptionReason.CURRENCY_MISMATCH);
    assertThat(e.detail()).isEqualTo("payer ACC-4 has open items only in other currencies than USD");
  }

  @Test
  void lessThanTheSmallestItemIsAnUnderpayment() {
    PaymentException e = onlyException(run(pay("p1", "10.00").payerAccountId("ACC-1").build()));
    assertThat(e.reason()).isEqualTo(ExceptionReason.UNDERPAYMENT);
    assertThat(e.detail()).isEqualTo("pays USD 10.00; payer ACC-1's smallest open item is USD 50.00 (tolerance "
        + "USD 0.00)");
  }

  @Test
  void anAmountNoRuleExplainsIsNoMatch() {
    PaymentException e = onlyException(run(pay("p1", "60.00").payerAccountId("ACC-1").build()));
    assertThat(e.reason()).isEqualTo(ExceptionReason.NO_MATCH);
  }

  @Test
  void itemsPaidEarlierInTheRunAreNoLongerOpen() {
    CashApplicationReport r = run(pay("p1", "100.00").addReference("INV-1").build(),
        pay("p2", "100.00").payerAccountId("ACC-1").build());
    assertThat(r.matchedCount()).isEqualTo(1);
    assertThat(r.exceptions().get(0).reason()).isEqualTo(ExceptionReason.NO_MATCH);
    // the index itself is unchanged: a new run sees INV-1 open again
    assertThat(applied(onlyMatch(run(pay("p2", "100.00").payerAccountId("ACC-1").build()))))
        .containsExactly("INV-1=100.00");
  }

  // ---- instructions and the report ----

  @Test
  void everyMatchHasAnInstructionKeyedByTheBankLine() {
    Payment p = pay("STMT-1#3", "150.00").addReference("INV-1").addReference("INV-2").build();
    CashApplicationReport r = run(p);
    ApplicationInstruction in = r.instructions().get(0);
    assertThat(in.paymentId()).isEqualTo("STMT-1#3");
    assertThat(in.idempotencyKey()).isEqualTo(ApplicationInstruction.idempotencyKeyOf(p))
        .isEqualTo(ApplicationInstruction.idempotencyKeyOf(pay("STMT-1#3", "150.00").build()))
        .isNotEqualTo(ApplicationInstruction.idempotencyKeyOf(pay("STMT-1#4", "150.00").build()))
        .startsWith("cashapp-v1-").hasSize(43);
    assertThat(in.received()).isEqualTo(money("150.00"));
    assertThat(in.applications()).isEqualTo(r.matches().get(0).applications());
    assertThat(in.unapplied()).isEqualTo(money("0.00"));
    assertThat(in.payerAccountId()).isEqualTo("ACC-1");
    assertThat(in.valueDate()).isEqualTo(D);
    assertThat(in.rule()).isEqualTo(RuleKind.REFERENCE);
  }

  @Test
  void theIdempotencyKeyIsTheHashOfTheBankLine() {
    // SHA-256("STMT-1#3|USD|15000|2024-04-02"), first 16 bytes in hex
    assertThat(ApplicationInstruction.idempotencyKeyOf(pay("STMT-1#3", "150.00").build()))
        .isEqualTo("cashapp-v1-" + Sha.first16Hex("STMT-1#3|USD|15000|2024-04-02"));
  }

  @Test
  void reportCountsAndTotals() {
    CashApplicationReport r = run(withTolerance(Tolerance.absolute(money("1.00"))),
        pay("a", "100.40").addReference("INV-1").build(),
        pay("b", "75.00").payerAccountId("ACC-1").build(),
        pay("c", "10.00").freeText("who?").build(),
        pay("d", "EUR 80.00").addReference("INV-8").build());
    assertThat(r.paymentCount()).isEqualTo(4);
    assertThat(r.matchedCount()).isEqualTo(3);
    assertThat(r.exceptionCount()).isEqualTo(1);
    assertThat(r.matchesByRule()).containsExactly(
        org.assertj.core.api.Assertions.entry(RuleKind.REFERENCE, 2),
        org.assertj.core.api.Assertions.entry(RuleKind.EXACT_AMOUNT, 1));
    assertThat(r.exceptionsByReason()).containsOnlyKeys(ExceptionReason.NO_PAYER);
    assertThat(r.received()).containsExactly(
        org.assertj.core.api.Assertions.entry(org.joda.money.CurrencyUnit.EUR, money("EUR 80.00")),
        org.assertj.core.api.Assertions.entry(org.joda.money.CurrencyUnit.USD, money("185.40")));
    assertThat(r.applied().get(org.joda.money.CurrencyUnit.USD)).isEqualTo(money("175.00"));
    assertThat(r.unapplied().get(org.joda.money.CurrencyUnit.USD)).isEqualTo(money("10.40"));
    assertThat(r.unapplied().get(org.joda.money.CurrencyUnit.EUR)).isEqualTo(money("EUR 0.00"));
  }

  @Test
  void reportAsCsv() {
    CashApplicationReport r = run(pay("a", "100.00").addReference("INV-1").build(),
        pay("c", "10.00").freeText("ACC-1 and ACC-2").build(), pay("b", "120.00").addReference("INV-1").build());
    String key = ApplicationInstruction.idempotencyKeyOf(pay("a", "100.00").build());
    assertThat(r.toCsv()).isEqualTo(
        "payment_id,status,rule,confidence,reason,currency,amount,applied,unapplied,payer_account,invoices,"
            + "value_date,idempotency_key,detail\r\n"
            + "a,MATCHED,REFERENCE,100,,USD,100.00,100.00,0.00,ACC-1,INV-1,2024-04-02," + key + ",\r\n"
            + "c,EXCEPTION,,,AMBIGUOUS,USD,10.00,0.00,10.00,,,2024-04-02,,\"the payment names several accounts: "
            + "ACC-1, ACC-2\"\r\n"
            + "b,EXCEPTION,,,OVERPAYMENT,USD,120.00,0.00,120.00,ACC-1,INV-1,2024-04-02,,pays USD 120.00; the "
            + "invoices named (INV-1) have nothing open\r\n");
  }
}
