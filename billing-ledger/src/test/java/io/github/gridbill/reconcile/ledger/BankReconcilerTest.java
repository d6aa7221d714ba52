package io.github.gridbill.reconcile.ledger;

import static io.github.gridbill.reconcile.ledger.Rx.d;
import static io.github.gridbill.reconcile.ledger.Rx.eur;
import static io.github.gridbill.reconcile.ledger.Rx.issue;
import static io.github.gridbill.reconcile.ledger.Rx.line;
import static io.github.gridbill.reconcile.ledger.Rx.lines;
import static io.github.gridbill.reconcile.ledger.Rx.statement;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.ledger.JournalEntry;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.LedgerAccount;
import io.github.gridbill.ledger.Payment;
import io.github.gridbill.ledger.PaymentMethod;
import io.github.gridbill.reconcile.statement.BalanceType;
import io.github.gridbill.reconcile.statement.BankStatement;
import io.github.gridbill.reconcile.statement.StatementBalance;
import io.github.gridbill.reconcile.statement.StatementFormat;
import io.github.gridbill.reconcile.statement.StatementLine;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bank account to statement, hand-made: statements imported through {@link LedgerCashApplication} and then changed,
 * or entries posted by hand through the ledger's public API, so that each kind of difference shows up once.
 */
class BankReconcilerTest {
  Ledger ledger;
  LedgerCashApplication cash;
  BankReconciler bank;

  /** #1-#4: INV-1 ACC-1 100.00, INV-2 ACC-1 50.00, INV-3 ACC-2 80.00, INV-4 ACC-3 40.00. */
  @BeforeEach
  void books() {
    ledger = Rx.ledger();
    issue(ledger, "INV-1", "ACC-1", "2024-03-01", "2024-03-31", eur("100.00"));
    issue(ledger, "INV-2", "ACC-1", "2024-03-05", "2024-04-04", eur("50.00"));
    issue(ledger, "INV-3", "ACC-2", "2024-03-01", "2024-03-31", eur("80.00"));
    issue(ledger, "INV-4", "ACC-3", "2024-03-10", "2024-04-09", eur("40.00"));
    cash = LedgerCashApplication.of(ledger);
    bank = BankReconciler.of(ledger, PaymentMethod.EFT);
  }

  /** S1, 04-01 to 04-03, opening 0.00, closing 265.00: #1 150.00, #2 80.00, #3 40.00 (no reference), #4 a -5.00 fee. */
  static BankStatement s1() {
    return LedgerCashApplicationTest.s1();
  }

  static List<Long> sequences(List<JournalEntry> entries) {
    return entries.stream().map(JournalEntry::sequence).toList();
  }

  @Test
  void anImportedStatementReconcilesButForTheBankChargeNobodyPosted() {
    cash.importStatements(List.of(s1())); // #5-#9

    BankReconciliationReport r = bank.reconcile(s1());

    assertThat(r.statementId()).isEqualTo("S1");
    assertThat(r.bankAccount()).isEqualTo("NL91ABNA0417164300");
    assertThat(r.cashAccount()).isEqualTo(LedgerAccount.cash(PaymentMethod.EFT));
    assertThat(r.periodStart()).isEqualTo(d("2024-04-01"));
    assertThat(r.statementDate()).isEqualTo(d("2024-04-03"));
    assertThat(r.statementOpening()).contains(eur("0.00"));
    assertThat(r.statementClosing()).isEqualTo(eur("265.00"));
    assertThat(r.ledgerOpening()).isEqualTo(eur("0.00"));
    assertThat(r.ledgerClosing()).isEqualTo(eur("270.00"));
    assertThat(r.lineCount()).isEqualTo(4);
    assertThat(r.matchedCount()).isEqualTo(3);
    assertThat(r.unmatchedCount()).isEqualTo(1);
    assertThat(r.difference()).isEqualTo(eur("-5.00"));
    assertThat(r.isReconciled()).isFalse();
    assertThat(r.differencesByKind()).containsExactly(Map.entry(DifferenceKind.NOT_IN_LEDGER, 1));
    assertThat(r.differenceTotal(DifferenceKind.NOT_IN_LEDGER)).isEqualTo(eur("-5.00"));
    assertThat(r.differenceTotal(DifferenceKind.AMOUNT_MISMATCH)).isEqualTo(eur("0.00"));
    LedgerDifference d = r.differences().get(0);
    assertThat(d.kind()).isEqualTo(DifferenceKind.NOT_IN_LEDGER);
    assertThat(d.subject()).isEqualTo("S1#4");
    assertThat(d.expected()).isEqualTo(eur("-5.00"));
    assertThat(d.ledger()).isEqualTo(eur("0.00"));
    assertThat(d.entries()).isEmpty();
    assertThat(d.statementLine()).contains(s1().lines().get(3));
    assertThat(d.detail()).isEqualTo("DEBIT EUR 5.00 booked 2024-04-03 has no entry on CASH:EFT (reference BNK-S1-4, "
        + "\"charges\")");
    assertThat(r.toCsv()).isEqualTo("kind,subject,account,currency,expected,ledger,difference,entries,entry_keys,"
        + "statement_line,detail\r\n"
        + "NOT_IN_LEDGER,S1#4,CASH:EFT,EUR,-5.00,0.00,-5.00,,,S1#4,\"DEBIT EUR 5.00 booked 2024-04-03 has no entry on "
        + "CASH:EFT (reference BNK-S1-4, \"\"charges\"\")\"\r\n");
  }

  @Test
  void theStatementAndLedgerBalancesExportAsCsv() throws IOException {
    Rx.cashEntry(ledger, "float", PaymentMethod.EFT, eur("10.00"), "2024-03-31", Optional.empty());
    BankStatement april = statement("S1, April", "2024-04-01", "2024-04-03", "10.00", lines(
        line("S1, April", 1, "150.00", "2024-04-02", "INV-1 INV-2"), line("S1, April", 2, "-5.00", "2024-04-03",
            "charges")));
    cash.importStatements(List.of(april));

    BankReconciliationReport r = bank.reconcile(april);

    String csv = "statement_id,bank_account,account,balance,as_of,currency,statement,ledger,difference\r\n"
        + "\"S1, April\",NL91ABNA0417164300,CASH:EFT,OPENING,2024-03-31,EUR,10.00,10.00,0.00\r\n"
        + "\"S1, April\",NL91ABNA0417164300,CASH:EFT,CLOSING,2024-04-03,EUR,155.00,160.00,-5.00\r\n";
    assertThat(r.balancesCsv()).isEqualTo(csv);
    StringBuilder sb = new StringBuilder("before\r\n");
    r.writeBalancesCsv(sb);
    assertThat(sb).hasToString("before\r\n" + csv);
    assertThat(r.toCsv()).endsWith("\r\nNOT_IN_LEDGER,\"S1, April#2\",CASH:EFT,EUR,-5.00,0.00,-5.00,,,"
        + "\"S1, April#2\",\"DEBIT EUR 5.00 booked 2024-04-03 has no entry on CASH:EFT (reference BNK-S1, April-2, "
        + "\"\"charges\"\")\"\r\n");
  }

  @Test
  void theChargePostedByHandWithTheBanksReferenceIsFoundAndTheAccountReconciles() {
    cash.importStatements(List.of(s1()));
    Rx.cashEntry(ledger, "charges/2024-04", PaymentMethod.EFT, eur("-5.00"), "2024-04-03", Optional.of("BNK-S1-4"));

    BankReconciliationReport r = bank.reconcile(s1());

    assertThat(r.isReconciled()).isTrue();
    assertThat(r.matchedCount()).isEqualTo(4);
    assertThat(r.ledgerClosing()).isEqualTo(r.statementClosing());
    assertThat(r.toCsv()).isEqualTo("kind,subject,account,currency,expected,ledger,difference,entries,entry_keys,"
        + "statement_line,detail\r\n");
  }

  @Test
  void aCashEntryPostedByHandThatTheBankNeverSawIsNotOnTheStatement() {
    cash.importStatements(List.of(s1()));
    long till = ledger.post("till/0402", Rx.manualCash(PaymentMethod.EFT, eur("25.00"), "2024-04-02")).sequence();

    BankReconciliationReport r = bank.reconcile(s1());

    assertThat(r.differences()).extracting(LedgerDifference::kind).containsExactly(DifferenceKind.NOT_IN_LEDGER,
        DifferenceKind.NOT_ON_STATEMENT);
    LedgerDifference d = r.differences().get(1);
    assertThat(d.subject()).isEqualTo("#" + till);
    assertThat(d.expected()).isEqualTo(eur("0.00"));
    assertThat(d.ledger()).isEqualTo(eur("25.00"));
    assertThat(sequences(d.entries())).containsExactly(till);
    assertThat(d.statementLine()).isEmpty();
    assertThat(d.detail()).isEqualTo("MANUAL entry #" + till + " (till/0402) of 2024-04-02 records EUR 25.00 on "
        + "CASH:EFT; the statement has no line for it");
    assertThat(r.difference()).isEqualTo(eur("-30.00"));
  }

  @Test
  void anEntryAndItsReversalInThePeriodCancelOut() {
    cash.importStatements(List.of(s1()));
    long till = ledger.post("till/0402", Rx.manualCash(PaymentMethod.EFT, eur("25.00"), "2024-04-02")).sequence();
    ledger.reverse("till/0402/reversal", till, d("2024-04-03"), "posted to the wrong account");

    BankReconciliationReport r = bank.reconcile(s1());

    assertThat(r.differences()).extracting(LedgerDifference::kind).containsExactly(DifferenceKind.NOT_IN_LEDGER);
  }

  @Test
  void aReversalInThePeriodOfAnImportedPaymentIsNotOnTheStatement() {
    CashPostingResult imported = cash.importStatements(List.of(s1()));
    long record = imported.lines().get(2).postings().get(0).sequence(); // S1#3, unidentified cash
    long reversal = ledger.reverse("undo/S1#3", record, d("2024-04-03"), "imported twice by hand").sequence();

    BankReconciliationReport r = bank.reconcile(s1());

    assertThat(r.matchedCount()).isEqualTo(3);
    assertThat(r.differences()).extracting(LedgerDifference::kind, LedgerDifference::subject).containsExactly(
        org.assertj.core.groups.Tuple.tuple(DifferenceKind.NOT_IN_LEDGER, "S1#4"),
        org.assertj.core.groups.Tuple.tuple(DifferenceKind.NOT_ON_STATEMENT, "#" + reversal));
    assertThat(r.differences().get(1).ledger()).isEqualTo(eur("-40.00"));
  }

  @Test
  void aPaymentRecordedByHandWithAnotherAmountIsAnAmountMismatch() {
    List<StatementLine> two = lines(s1().lines().get(0), s1().lines().get(1));
    cash.importStatements(List.of(statement("S1", "2024-04-01", "2024-04-03", "0.00", two)));
    long typed = ledger.recordPayment("typed/0403", Payment.builder().paymentId("CHQ-3").amount(eur("4.00"))
        .method(PaymentMethod.EFT).receivedOn(d("2024-04-03")).externalReference("BNK-S1-3").build()).sequence();

    BankReconciliationReport r = bank.reconcile(s1());

    LedgerDifference d = r.differences().get(0);
    assertThat(d.kind()).isEqualTo(DifferenceKind.AMOUNT_MISMATCH);
    assertThat(d.subject()).isEqualTo("S1#3");
    assertThat(d.expected()).isEqualTo(eur("40.00"));
    assertThat(d.ledger()).isEqualTo(eur("4.00"));
    assertThat(d.difference()).isEqualTo(eur("36.00"));
    assertThat(sequences(d.entries())).containsExactly(typed);
    assertThat(d.statementLine()).contains(s1().lines().get(2));
    assertThat(d.detail()).isEqualTo("the bank booked EUR 40.00, entry #" + typed + " records EUR 4.00");
    assertThat(r.matchedCount()).isEqualTo(2);
    assertThat(r.difference()).isEqualTo(eur("31.00"));
  }

  @Test
  void aPaymentTheLedgerDatesBeforeThePeriodIsPostedBeforeThePeriodAndMovesTheOpening() {
    StatementLine early = line("S2", 1, "150.00", "2024-04-01", "INV-1 INV-2").withValueDate(d("2024-03-31"));
    BankStatement s2 = statement("S2", "2024-04-01", "2024-04-03", "0.00", lines(early));
    long record = cash.importStatements(List.of(s2)).lines().get(0).postings().get(0).sequence();

    BankReconciliationReport r = bank.reconcile(s2);

    assertThat(r.ledgerOpening()).isEqualTo(eur("150.00"));
    assertThat(r.difference()).isEqualTo(eur("0.00"));
    assertThat(r.differences()).extracting(LedgerDifference::kind).containsExactly(DifferenceKind.OPENING_BALANCE,
        DifferenceKind.POSTED_BEFORE_PERIOD);
    LedgerDifference opening = r.differences().get(0);
    assertThat(opening.subject()).isEqualTo("S2");
    assertThat(opening.expected()).isEqualTo(eur("0.00"));
    assertThat(opening.ledger()).isEqualTo(eur("150.00"));
    assertThat(opening.detail()).isEqualTo("the statement opens with EUR 0.00; CASH:EFT has EUR 150.00 at the end of "
        + "2024-03-31 (reconcile the statements before 2024-04-01)");
    LedgerDifference before = r.differences().get(1);
    assertThat(before.expected()).isEqualTo(eur("150.00"));
    assertThat(before.ledger()).isEqualTo(eur("0.00"));
    assertThat(sequences(before.entries())).containsExactly(record);
    assertThat(before.detail()).isEqualTo("the bank booked EUR 150.00 on 2024-04-01, entry #" + record + " records "
        + "it on 2024-03-31, before the period starting 2024-04-01");
  }

  @Test
  void aPaymentTheLedgerDatesAfterTheStatementIsPostedAfterTheStatement() {
    StatementLine late = line("S2", 1, "150.00", "2024-04-03", "INV-1 INV-2").withValueDate(d("2024-04-04"));
    BankStatement s2 = statement("S2", "2024-04-01", "2024-04-03", "0.00", lines(late));
    long record = cash.importStatements(List.of(s2)).lines().get(0).postings().get(0).sequence();

    BankReconciliationReport r = bank.reconcile(s2);

    assertThat(r.ledgerClosing()).isEqualTo(eur("0.00"));
    assertThat(r.differences()).hasSize(1);
    LedgerDifference d = r.differences().get(0);
    assertThat(d.kind()).isEqualTo(DifferenceKind.POSTED_AFTER_STATEMENT);
    assertThat(d.difference()).isEqualTo(eur("150.00"));
    assertThat(sequences(d.entries())).containsExactly(record);
    assertThat(d.detail()).isEqualTo("the bank booked EUR 150.00 on 2024-04-03, entry #" + record + " records "
        + "it on 2024-04-04, after the statement date 2024-04-03");
  }

  @Test
  void aStatementThatDisagreesWithItselfAndWithTheLedgersOpeningSaysSo() {
    cash.importStatements(List.of(s1()));
    BankStatement odd = statement("S1", "2024-04-01", "2024-04-03", eur("100.00"), eur("300.00"), s1().lines());

    BankReconciliationReport r = bank.reconcile(odd);

    assertThat(r.differences()).extracting(LedgerDifference::kind).containsExactly(DifferenceKind.OPENING_BALANCE,
        DifferenceKind.NOT_IN_LEDGER, DifferenceKind.STATEMENT_TOTALS);
    assertThat(r.differences().get(0).difference()).isEqualTo(eur("100.00"));
    LedgerDifference totals = r.differences().get(2);
    assertThat(totals.subject()).isEqualTo("S1");
    assertThat(totals.account()).isEmpty();
    assertThat(totals.expected()).isEqualTo(eur("300.00"));
    assertThat(totals.ledger()).isEqualTo(eur("365.00"));
    assertThat(totals.detail()).isEqualTo("the statement closes with EUR 300.00, but its opening EUR 100.00 plus its "
        + "4 booked lines EUR 265.00 is EUR 365.00 (the 'ledger' figure here is the statement's own)");
    assertThat(r.difference()).isEqualTo(eur("30.00")); // 100.00 - 5.00 - 65.00
  }

  @Test
  void withoutAnOpeningBalanceTheOpeningTheClosingAndLinesImplyIsCompared() {
    cash.importStatements(List.of(s1()));
    BankStatement noOpening = BankStatement.builder().format(StatementFormat.CAMT_053).id("S1")
        .accountId("NL91ABNA0417164300").currency(Rx.EUR)
        .addBalance(
            StatementBalance.of(BalanceType.CLOSING_BOOKED, "CLBD", eur("275.00"), Optional.of(d("2024-04-03"))))
        .lines(s1().lines()).build();

    BankReconciliationReport r = bank.reconcile(noOpening);

    assertThat(r.statementOpening()).isEmpty();
    assertThat(r.periodStart()).isEqualTo(d("2024-04-02")); // the earliest booking
    LedgerDifference d = r.differences().get(0);
    assertThat(d.kind()).isEqualTo(DifferenceKind.OPENING_BALANCE);
    assertThat(d.expected()).isEqualTo(eur("10.00"));
    assertThat(d.detail()).isEqualTo("the closing balance less the lines implies an opening of EUR 10.00; CASH:EFT "
        + "has EUR 0.00 at the end of 2024-04-01 (reconcile the statements before 2024-04-02)");
    assertThat(r.difference()).isEqualTo(eur("5.00"));
    assertThat(r.balancesCsv()).isEqualTo("statement_id,bank_account,account,balance,as_of,currency,statement,"
        + "ledger,difference\r\n"
        + "S1,NL91ABNA0417164300,CASH:EFT,OPENING,2024-04-01,EUR,,0.00,\r\n"
        + "S1,NL91ABNA0417164300,CASH:EFT,CLOSING,2024-04-03,EUR,275.00,270.00,5.00\r\n");
  }

  @Test
  void pendingLinesAreNotCompared() {
    cash.importStatements(List.of(s1()));
    List<StatementLine> withPending = lines(s1().lines().toArray(StatementLine[]::new));
    withPending.add(line("S1", 5, "99.00", "2024-04-03", "INV-4").withStatus("PDNG"));
    BankStatement s = statement("S1", "2024-04-01", "2024-04-03", eur("0.00"), eur("265.00"), withPending);

    BankReconciliationReport r = bank.reconcile(s);

    assertThat(r.lineCount()).isEqualTo(4);
    assertThat(r.differences()).extracting(LedgerDifference::kind).containsExactly(DifferenceKind.NOT_IN_LEDGER);
  }

  @Test
  void anotherCashAccountHasNoneOfTheLines() {
    cash.importStatements(List.of(s1()));

    BankReconciliationReport r = BankReconciler.of(ledger, PaymentMethod.WIRE).reconcile(s1());

    assertThat(r.cashAccount()).isEqualTo(LedgerAccount.cash(PaymentMethod.WIRE));
    assertThat(r.matchedCount()).isZero();
    assertThat(r.differenceTotal(DifferenceKind.NOT_IN_LEDGER)).isEqualTo(eur("265.00"));
    assertThat(r.ledgerClosing()).isEqualTo(Money.zero(Rx.EUR));
  }

  @Test
  void reconcilingPostsNothing() {
    cash.importStatements(List.of(s1()));
    long last = ledger.lastSequence();

    bank.reconcile(s1());
    ReceivablesReconciler.of(ledger).reconcile(d("2024-04-30"));

    assertThat(ledger.lastSequence()).isEqualTo(last);
  }
}
