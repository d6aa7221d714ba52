package io.github.gridbill.reconcile.ledger;

import static io.github.gridbill.reconcile.ledger.Rx.d;
import static io.github.gridbill.reconcile.ledger.Rx.eur;
import static io.github.gridbill.reconcile.ledger.Rx.issue;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.ledger.JournalLine;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.LedgerAccount;
import io.github.gridbill.ledger.ManualEntry;
import io.github.gridbill.ledger.PaymentMethod;
import io.github.gridbill.reconcile.statement.BankStatement;
import io.github.gridbill.reconcile.statement.Camt053Reader;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole flow on a real-format file ({@code camt053/gridbill_camt053.v8.ledger.xml}): read the statement, plan and
 * post it through the ledger, reconcile the receivables and the bank account, export CSV, import again.
 */
class EndToEndTest {
  static final LocalDate AS_OF = d("2024-04-05");

  Ledger ledger;

  /**
   * The invoices the statement pays: ACC-1001 INV-2024-0101 120.00; ACC-1002 INV-2024-0102 75.50 and INV-2024-0103
   * 30.00; ACC-1003 INV-2024-0104 199.99 and INV-2024-0105 100.00; ACC-1004 INV-2024-0106 10.00 (paid by the pending
   * entry, not yet booked). The bank account's opening balance of 1000.00 is in the ledger from the migration.
   */
  @BeforeEach
  void books() {
    ledger = Rx.ledger();
    ledger.post("migration/bank-opening", ManualEntry.builder().effectiveDate(d("2024-03-31"))
        .description("opening balance of NL91ABNA0417164300")
        .addLine(JournalLine.debit(LedgerAccount.cash(PaymentMethod.EFT), eur("1000.00")))
        .addLine(JournalLine.credit(LedgerAccount.general("OPENING-BALANCES"), eur("1000.00"))).build());
    issue(ledger, "INV-2024-0101", "ACC-1001", "2024-03-01", "2024-03-31", eur("120.00"));
    issue(ledger, "INV-2024-0102", "ACC-1002", "2024-03-01", "2024-03-31", eur("75.50"));
    issue(ledger, "INV-2024-0103", "ACC-1002", "2024-03-15", "2024-04-14", eur("30.00"));
    issue(ledger, "INV-2024-0104", "ACC-1003", "2024-03-01", "2024-03-31", eur("199.99"));
    issue(ledger, "INV-2024-0105", "ACC-1003", "2024-03-15", "2024-04-14", eur("100.00"));
    issue(ledger, "INV-2024-0106", "ACC-1004", "2024-03-20", "2024-04-19", eur("10.00"));
  }

  static List<BankStatement> read() throws IOException {
    try (InputStream in = Rx.resource("camt053/gridbill_camt053.v8.ledger.xml")) {
      return Camt053Reader.create().read(in, "gridbill_camt053.v8.ledger.xml");
    }
  }

  @Test
  void readPostReconcileExportAndImportAgain() throws IOException {
    List<BankStatement> statements = read();
    BankStatement s = statements.get(0);
    LedgerCashApplication cash = LedgerCashApplication.of(ledger);

    CashPostingPlan plan = cash.plan(statements);
    assertThat(ledger.lastSequence()).as("planning posts nothing").isEqualTo(7);
    assertThat(plan.asOf()).isEqualTo(AS_OF);
    assertThat(plan.lines()).extracting(l -> l.payment().id()).containsExactly("STMT-2024-04-A#1",
        "STMT-2024-04-A#2.1", "STMT-2024-04-A#2.2", "STMT-2024-04-A#3", "STMT-2024-04-A#4");
    CashPostingResult first = cash.post(plan);

    assertThat(first.isReplay()).isFalse();
    assertThat(plan.received()).isEqualTo(Map.of(Rx.EUR, eur("570.49")));
    assertThat(java.util.Objects.requireNonNull(plan.applied().get(Rx.EUR))
        .plus(java.util.Objects.requireNonNull(plan.unapplied().get(Rx.EUR)))).isEqualTo(eur("570.49"));
    assertThat(plan.lines()).extracting(PlannedLine::status).containsExactly(LineStatus.APPLIED,
        LineStatus.APPLIED, LineStatus.APPLIED, LineStatus.APPLIED, LineStatus.UNIDENTIFIED);
    assertThat(plan.lines()).extracting(l -> l.match().map(m -> m.rule().name()).orElse("-")).containsExactly(
        "REFERENCE", "REFERENCE", "EXACT_AMOUNT", "OLDEST_ITEMS", "-");
    assertThat(first.summary()).isEqualTo("5 lines (4 applied, 1 unidentified, 0 unapplied; 0 imported before): 9 "
        + "new postings, 0 replayed");
    assertThat(plan.lines().get(3).allocations()).extracting(a -> a.invoiceNumber())
        .containsExactly("INV-2024-0104", "INV-2024-0105");
    assertThat(plan.unapplied()).containsEntry(Rx.EUR, eur("45.00"));
    assertThat(ledger.openItems(AS_OF)).extracting(i -> i.number()).containsExactly("INV-2024-0106");

    ReceivablesReconciliationReport receivables = ReceivablesReconciler.of(ledger).reconcile(AS_OF);
    assertThat(receivables.isReconciled()).isTrue();
    assertThat(receivables.control()).singleElement().satisfies(c -> {
      assertThat(c.openItems()).isEqualTo(eur("10.00"));
      assertThat(c.arControl()).isEqualTo(eur("10.00"));
      assertThat(c.unidentifiedPayments()).isEqualTo(eur("45.00"));
    });

    BankReconciler bank = BankReconciler.of(ledger, PaymentMethod.EFT);
    BankReconciliationReport account = bank.reconcile(s);
    assertThat(account.statementOpening()).contains(eur("1000.00"));
    assertThat(account.ledgerOpening()).isEqualTo(eur("1000.00"));
    assertThat(account.statementClosing()).isEqualTo(eur("1567.99"));
    assertThat(account.ledgerClosing()).isEqualTo(eur("1570.49"));
    assertThat(account.lineCount()).isEqualTo(6); // the pending entry is left out
    assertThat(account.matchedCount()).isEqualTo(5);
    assertThat(account.differences()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(DifferenceKind.NOT_IN_LEDGER);
      assertThat(d.subject()).isEqualTo("STMT-2024-04-A#5");
      assertThat(d.difference()).isEqualTo(eur("-2.50"));
    });
    assertThat(account.toCsv()).endsWith("\r\nNOT_IN_LEDGER,STMT-2024-04-A#5,CASH:EFT,EUR,-2.50,0.00,-2.50,,,"
        + "STMT-2024-04-A#5,\"DEBIT EUR 2.50 booked 2024-04-05 has no entry on CASH:EFT (code ACMT/MDOP/CHRG, "
        + "reference BNK-0405-FEE)\"\r\n");

    // the charge is posted by hand with the bank's reference: the account reconciles
    Rx.cashEntry(ledger, "charges/2024-04-05", PaymentMethod.EFT, eur("-2.50"), "2024-04-05",
        Optional.of("BNK-0405-FEE"));
    assertThat(bank.reconcile(s).isReconciled()).isTrue();

    // the same file again: nothing new, and the result says so
    long last = ledger.lastSequence();
    BankReconciliationReport before = bank.reconcile(s);
    CashPostingResult again = cash.importStatements(read());
    assertThat(ledger.lastSequence()).isEqualTo(last);
    assertThat(again.isReplay()).isTrue();
    assertThat(again.newPostingCount()).isZero();
    assertThat(again.replayedPostingCount()).isEqualTo(first.newPostingCount()).isEqualTo(9);
    assertThat(again.plan().previouslyImportedCount()).isEqualTo(5);
    assertThat(again.summary()).isEqualTo("5 lines (4 applied, 1 unidentified, 0 unapplied; 5 imported before): 0 "
        + "new postings, 9 replayed (re-import: nothing new posted)");
    assertThat(again.toCsv()).contains(",APPLIED,true,");
    assertThat(bank.reconcile(s)).isEqualTo(before);
    assertThat(ReceivablesReconciler.of(ledger).reconcile(AS_OF)).isEqualTo(receivables);
  }
}
