package io.github.gridbill.reconcile.ledger;

import static io.github.gridbill.reconcile.ledger.Rx.EUR;
import static io.github.gridbill.reconcile.ledger.Rx.d;
import static io.github.gridbill.reconcile.ledger.Rx.eur;
import static io.github.gridbill.reconcile.ledger.Rx.issue;
import static io.github.gridbill.reconcile.ledger.Rx.thrown;
import static io.github.gridbill.reconcile.ledger.Rx.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.CurrencyMismatchException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.LedgerAccount;
import io.github.gridbill.ledger.PaymentMethod;
import io.github.gridbill.reconcile.cash.OpenItem;
import io.github.gridbill.reconcile.statement.BalanceType;
import io.github.gridbill.reconcile.statement.BankStatement;
import io.github.gridbill.reconcile.statement.StatementBalance;
import io.github.gridbill.reconcile.statement.StatementFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One test per validation rule of the ledger reconciliations and their reports: the exact type and message, and
 * nothing posted.
 */
class ReconciliationValidationTest {
  Ledger ledger;
  long last;

  @BeforeEach
  void books() {
    ledger = Rx.ledger();
    issue(ledger, "INV-1", "ACC-1", "2024-03-01", "2024-03-31", eur("100.00"));
    LedgerCashApplication.of(ledger).importStatements(List.of(LedgerCashApplicationTest.s1()));
    last = ledger.lastSequence();
  }

  @AfterEach
  void nothingPosted() {
    assertThat(ledger.lastSequence()).isEqualTo(last);
  }

  static BankStatement withBalances(Optional<StatementBalance> opening, Optional<StatementBalance> closing) {
    BankStatement s = LedgerCashApplicationTest.s1();
    BankStatement.Builder b = BankStatement.builder().format(StatementFormat.CAMT_053).id("S1")
        .accountId(s.accountId()).currency(EUR).lines(s.lines());
    opening.ifPresent(b::addBalance);
    closing.ifPresent(b::addBalance);
    return b.build();
  }

  // --------------------------------------------------------------------------------- ReceivablesReconciler

  @Test
  void subLedgerInvoiceNumbersMustBeUnique() {
    OpenItem a = OpenItem.of("ACC-1", "INV-1", d("2024-03-01"), d("2024-03-31"), eur("100.00"), false);
    OpenItem b = OpenItem.of("ACC-2", "INV-1", d("2024-03-01"), d("2024-03-31"), eur("10.00"), false);
    ReceivablesReconciler r = ReceivablesReconciler.of(ledger);

    thrown(ValidationException.class, "items[1].invoiceNumber must be unique (items[0] has it too): INV-1",
        () -> r.withOpenItems(List.of(a, b)));
  }

  @Test
  void subLedgerAccountIdsMustNameALedgerAccount() {
    OpenItem bad = OpenItem.of("ACC\t1", "INV-1", d("2024-03-01"), d("2024-03-31"), eur("100.00"), false);
    ReceivablesReconciler r = ReceivablesReconciler.of(ledger);

    thrown(ValidationException.class, "items[0].accountId must not contain control characters: ACC\t1",
        () -> r.withOpenItems(List.of(bad)));
  }

  @Test
  void externalControlBalancesMustBeInTheirKeysCurrency() {
    ReceivablesReconciler r = ReceivablesReconciler.of(ledger);

    CurrencyMismatchException e = thrown(CurrencyMismatchException.class,
        "balances[EUR] must be in the currency EUR: USD 1.00", () -> r.withExternalControl(Map.of(EUR,
            usd("1.00"))));
    assertThat(e.actual()).isEqualTo(Rx.USD);
  }

  @Test
  void theWindowMustNotStartAfterTheDayReconciled() {
    ReceivablesReconciler r = ReceivablesReconciler.of(ledger).withEntriesFrom(d("2024-05-01"));

    thrown(ValidationException.class, "entriesFrom must not be after asOf 2024-04-30: 2024-05-01",
        () -> r.reconcile(d("2024-04-30")));
  }


  // --------------------------------------------------------------------------------------- BankReconciler

  @Test
  void aStatementMustHaveAClosingBookedBalance() {
    BankStatement s = withBalances(Optional.empty(), Optional.empty());

    thrown(ValidationException.class, "statement.closingBalance must be present (camt CLBD, BAI2 015): S1",
        () -> BankReconciler.of(ledger, PaymentMethod.EFT).reconcile(s));
  }

  @Test
  void theClosingBalanceMustBeInTheAccountsCurrency() {
    BankStatement s = withBalances(Optional.empty(), Optional.of(StatementBalance.of(BalanceType.CLOSING_BOOKED,
        "CLBD", usd("265.00"), Optional.of(d("2024-04-03")))));

    thrown(CurrencyMismatchException.class, "statement.closingBalance must be in the currency EUR: USD 265.00",
        () -> BankReconciler.of(ledger, PaymentMethod.EFT).reconcile(s));
  }

  @Test
  void theOpeningBalanceMustBeInTheAccountsCurrency() {
    BankStatement s = withBalances(Optional.of(StatementBalance.of(BalanceType.OPENING_BOOKED, "OPBD",
        usd("0.00"), Optional.of(d("2024-04-01")))), Optional.of(StatementBalance.of(BalanceType.CLOSING_BOOKED,
        "CLBD", eur("265.00"), Optional.of(d("2024-04-03")))));

    thrown(CurrencyMismatchException.class, "statement.openingBalance must be in the currency EUR: USD 0.00",
        () -> BankReconciler.of(ledger, PaymentMethod.EFT).reconcile(s));
  }

  @Test
  void bookedLinesMustBeInTheAccountsCurrency() {
    BankStatement s = LedgerCashApplicationTest.s1();
    BankStatement usdLine = s.withLines(s.lines().get(0), s.lines().get(1).withAmount(usd("80.00")));

    thrown(CurrencyMismatchException.class, "lines[S1#2].amount must be in the currency EUR: USD 80.00",
        () -> BankReconciler.of(ledger, PaymentMethod.EFT).reconcile(usdLine));
  }

  @Test
  void aStatementMustSayItsCurrency() {
    BankStatement s = BankStatement.builder().format(StatementFormat.CAMT_053).id("S9").accountId("NL91").build();

    thrown(ValidationException.class, "statement.currency must be stated, or a balance or line given: S9",
        () -> BankReconciler.of(ledger, PaymentMethod.EFT).reconcile(s));
  }


  // ------------------------------------------------------------------------------------------ value types

  static LedgerDifference.Builder difference() {
    return LedgerDifference.builder().kind(DifferenceKind.NOT_IN_LEDGER).subject("S1#4")
        .account(LedgerAccount.cash(PaymentMethod.EFT)).expected(eur("-5.00")).ledger(eur("0.00")).detail("fee");
  }

  @Test
  void aDifferenceMustDiffer() {
    thrown(ValidationException.class, "ledger must differ from expected EUR -5.00: EUR -5.00",
        () -> difference().ledger(eur("-5.00")).build());
  }

  @Test
  void aDifferencesFiguresMustBeInOneCurrency() {
    thrown(CurrencyMismatchException.class, "ledger must be in the currency EUR: USD 0.00",
        () -> difference().ledger(usd("0.00")).build());
  }

  @Test
  void aDifferenceMustNameItsSubject() {
    thrown(ValidationException.class, "subject must not be blank: \" \"", () -> difference().subject(" ").build());
  }

  @Test
  void aDifferenceMustSayWhatDiffers() {
    thrown(ValidationException.class, "detail must not be blank: \"\"", () -> difference().detail("").build());
  }

  @Test
  void aReceivablesReportsWindowMustNotStartAfterItsDay() {
    thrown(ValidationException.class, "entriesFrom must not be after asOf 2024-04-30: 2024-05-01",
        () -> ReceivablesReconciliationReport.builder().asOf(d("2024-04-30")).entriesFrom(d("2024-05-01"))
            .build());
  }

  @Test
  void aReceivablesRowsFiguresMustBeInOneCurrency() {
    thrown(CurrencyMismatchException.class, "receivable must be in the currency EUR: USD 1.00",
        () -> ReceivablesRow.builder().accountId("ACC-1").openItemCount(0).openItems(eur("0.00"))
            .receivable(usd("1.00")).openCredits(eur("0.00")).unappliedCash(eur("0.00")).build());
  }

  @Test
  void aReceivablesRowsCountMustNotBeNegative() {
    thrown(ValidationException.class, "openItemCount must not be negative: -1",
        () -> ReceivablesRow.builder().accountId("ACC-1").openItemCount(-1).openItems(eur("0.00"))
            .receivable(eur("0.00")).openCredits(eur("0.00")).unappliedCash(eur("0.00")).build());
  }

  @Test
  void aControlRowsFiguresMustBeInOneCurrency() {
    thrown(CurrencyMismatchException.class, "externalControl must be in the currency EUR: USD 1.00",
        () -> ControlRow.builder().openItemCount(0).openItems(eur("0.00")).customerReceivables(eur("0.00"))
            .arControl(eur("0.00")).externalControl(usd("1.00")).unidentifiedPayments(eur("0.00"))
            .unidentifiedCash(eur("0.00")).build());
  }

  static BankReconciliationReport.Builder bankReport() {
    return BankReconciliationReport.builder().statementId("S1").bankAccount("NL91ABNA0417164300")
        .cashAccount(LedgerAccount.cash(PaymentMethod.EFT)).periodStart(d("2024-04-01"))
        .statementDate(d("2024-04-03")).statementOpening(eur("0.00")).statementClosing(eur("265.00"))
        .ledgerOpening(eur("0.00")).ledgerClosing(eur("270.00")).lineCount(4).matchedCount(3);
  }

  @Test
  void aBankReportsDifferencesMustAddUpToItsDifference() {
    assertThat(bankReport().addDifference(difference().build()).build().difference()).isEqualTo(eur("-5.00"));
    thrown(ValidationException.class, "differences must add up to the difference EUR -5.00: EUR 0.00",
        () -> bankReport().build());
  }

  @Test
  void aBankReportCannotMatchMoreLinesThanItHas() {
    thrown(ValidationException.class, "matchedCount must be 0 to lineCount 4: 5",
        () -> bankReport().matchedCount(5).addDifference(difference().build()).build());
  }

  @Test
  void aBankReportsStatementDateMustNotBeBeforeItsPeriod() {
    thrown(ValidationException.class, "statementDate must not be before periodStart 2024-04-01: 2024-03-31",
        () -> bankReport().statementDate(d("2024-03-31")).addDifference(difference().build()).build());
  }

  @Test
  void aBankReportsLedgerFiguresMustBeInTheStatementsCurrency() {
    thrown(CurrencyMismatchException.class, "ledgerClosing must be in the currency EUR: USD 270.00",
        () -> bankReport().ledgerClosing(usd("270.00")).addDifference(difference().build()).build());
  }
}
