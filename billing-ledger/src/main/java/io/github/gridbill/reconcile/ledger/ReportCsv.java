package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.reconcile.internal.Csv;
import java.io.IOException;
import java.util.List;

/**
 * The CSV of a reconciliation's working-paper rows (customers, control, bank balances), in the style of
 * {@link DifferenceCsv}: a header, one row per item in the report's order, amounts as plain decimals with the currency
 * in its own column, quoting by {@link Csv}.
 */
final class ReportCsv {
  private ReportCsv() {}

  static void writeCustomers(Appendable out, List<ReceivablesRow> rows) throws IOException {
    Csv.writeRow(out, "account_id", "currency", "open_item_count", "open_items", "receivable",
        "receivable_difference", "open_credits", "unapplied_cash", "credit_difference", "customer_balance");
    for (ReceivablesRow r : rows) {
      Csv.writeRow(out, r.accountId(), r.currency().getCode(), Integer.toString(r.openItemCount()),
          Csv.amount(r.openItems()), Csv.amount(r.receivable()), Csv.amount(r.receivableDifference()),
          Csv.amount(r.openCredits()), Csv.amount(r.unappliedCash()), Csv.amount(r.creditDifference()),
          Csv.amount(r.customerBalance()));
    }
  }

  static void writeControl(Appendable out, List<ControlRow> rows) throws IOException {
    Csv.writeRow(out, "currency", "open_item_count", "open_items", "customer_receivables", "ar_control",
        "difference", "external_control", "external_difference", "unidentified_payments", "unidentified_cash",
        "unidentified_difference");
    for (ControlRow r : rows) {
      Csv.writeRow(out, r.currency().getCode(), Integer.toString(r.openItemCount()), Csv.amount(r.openItems()),
          Csv.amount(r.customerReceivables()), Csv.amount(r.arControl()), Csv.amount(r.difference()),
          r.externalControl().map(Csv::amount).orElse(""), r.externalDifference().map(Csv::amount).orElse(""),
          Csv.amount(r.unidentifiedPayments()), Csv.amount(r.unidentifiedCash()),
          Csv.amount(r.unidentifiedDifference()));
    }
  }

  static void writeBalances(Appendable out, BankReconciliationReportDef r) throws IOException {
    Csv.writeRow(out, "statement_id", "bank_account", "account", "balance", "as_of", "currency", "statement",
        "ledger", "difference");
    String currency = r.currency().getCode();
    Csv.writeRow(out, r.statementId(), r.bankAccount(), r.cashAccount().toString(), "OPENING",
        r.periodStart().minusDays(1).toString(), currency, r.statementOpening().map(Csv::amount).orElse(""),
        Csv.amount(r.ledgerOpening()),
        r.statementOpening().map(o -> Csv.amount(o.minus(r.ledgerOpening()))).orElse(""));
    Csv.writeRow(out, r.statementId(), r.bankAccount(), r.cashAccount().toString(), "CLOSING",
        r.statementDate().toString(), currency, Csv.amount(r.statementClosing()), Csv.amount(r.ledgerClosing()),
        Csv.amount(r.difference()));
  }
}
