package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.ledger.Allocation;
import io.github.gridbill.reconcile.internal.Csv;
import java.util.ArrayList;
import java.util.List;

/** The CSV columns shared by the plan and the result of an import: one row per bank line. */
final class LineCsv {
  private LineCsv() {}

  static String[] header(String... extra) {
    List<String> h = new ArrayList<>(List.of("line_id", "status", "previously_imported", "rule", "confidence",
        "reason", "currency", "amount", "applied", "unapplied", "payer_account", "invoices", "value_date",
        "record_key"));
    h.addAll(List.of(extra));
    h.add("detail");
    return h.toArray(new String[0]);
  }

  static String[] row(PlannedLine l, String... extra) {
    List<String> inv = new ArrayList<>();
    for (Allocation a : l.allocations()) {
      inv.add(a.invoiceNumber());
    }
    List<String> r = new ArrayList<>(List.of(l.payment().id(), l.status().name(),
        Boolean.toString(l.previouslyImported()), l.match().map(m -> m.rule().name()).orElse(""),
        l.match().map(m -> Integer.toString(m.confidence())).orElse(""),
        l.exception().map(e -> e.reason().name()).orElse(""), l.payment().amount().getCurrencyUnit().getCode(),
        Csv.amount(l.payment().amount()), Csv.amount(l.applied()), Csv.amount(l.unapplied()),
        l.payerAccountId().orElse(""), String.join(";", inv), l.payment().valueDate().toString(), l.recordKey()));
    r.addAll(List.of(extra));
    r.add(l.detail());
    return r.toArray(new String[0]);
  }
}
