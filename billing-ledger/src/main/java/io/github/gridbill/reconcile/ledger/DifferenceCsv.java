package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.ledger.JournalEntry;
import io.github.gridbill.reconcile.internal.Csv;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The CSV of a list of differences: one row per difference, the same columns for every ledger reconciliation. */
final class DifferenceCsv {
  private DifferenceCsv() {}

  static void write(Appendable out, List<LedgerDifference> differences) throws IOException {
    Csv.writeRow(out, "kind", "subject", "account", "currency", "expected", "ledger", "difference", "entries",
        "entry_keys", "statement_line", "detail");
    for (LedgerDifference d : differences) {
      List<String> seqs = new ArrayList<>(d.entries().size());
      List<String> keys = new ArrayList<>(d.entries().size());
      for (JournalEntry e : d.entries()) {
        seqs.add(Long.toString(e.sequence()));
        keys.add(e.key());
      }
      Csv.writeRow(out, d.kind().name(), d.subject(), d.account().map(Object::toString).orElse(""),
          d.currency().getCode(), Csv.amount(d.expected()), Csv.amount(d.ledger()), Csv.amount(d.difference()),
          String.join(";", seqs), String.join(";", keys), d.statementLine().map(l -> l.id()).orElse(""),
          d.detail());
    }
  }
}
