package io.github.gridbill.examples.demo;

import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.invoice.InvoiceLine;
import io.github.gridbill.ledger.AgingReport;
import io.github.gridbill.ledger.AgingTotal;
import io.github.gridbill.rating.Bill;
import io.github.gridbill.rating.BillExplanation;
import io.github.gridbill.rating.BillLine;
import io.github.gridbill.rating.IntervalRange;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.live.LiveAlert;
import io.github.gridbill.reconcile.CsvExportable;
import io.github.gridbill.reconcile.billing.BillingFinding;
import io.github.gridbill.reconcile.cash.PaymentException;
import io.github.gridbill.reconcile.ledger.BankReconciliationReport;
import io.github.gridbill.reconcile.ledger.PlannedLine;
import io.github.gridbill.reconcile.ledger.ReceivablesReconciliationReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.joda.money.Money;

/**
 * Step 8 of the demo: the same results as files in the demo folder: invoices and their lines, revenue, aging, dunning
 * notices, cash application, the receivables and bank reconciliations (differences and working papers: per customer,
 * control, statement balances) and billing reconciliation as CSV (RFC 4180), the featured bill's explanation as text,
 * and one self-contained HTML page with inline SVG charts.
 */
final class DemoFiles {
  private DemoFiles() {}

  static List<Path> write(Path folder, DemoScenario scenario, DemoRun.Outcome o) {
    List<Path> files = new ArrayList<>();
    try {
      files.add(invoices(folder.resolve("invoices.csv"), o.billing()));
      files.add(invoiceLines(folder.resolve("invoice-lines.csv"), o.billing()));
      files.add(revenue(folder.resolve("revenue.csv"), o.billing()));
      for (DemoBook b : DemoBook.values()) {
        files.add(csv(folder.resolve("aging-" + b.name() + ".csv"), DemoBook.in(o.aging, b)));
        files.add(csv(folder.resolve("dunning-" + b.name() + ".csv"), DemoBook.in(o.dunning, b)));
        files.add(csv(folder.resolve("cash-application-" + b.name() + ".csv"), DemoBook.in(o.cash, b).posted()));
        ReceivablesReconciliationReport rr = DemoBook.in(o.receivables, b);
        files.add(csv(folder.resolve("receivables-reconciliation-" + b.name() + ".csv"), rr));
        files.add(table(folder.resolve("receivables-customers-" + b.name() + ".csv"), rr::writeCustomersCsv));
        files.add(table(folder.resolve("receivables-control-" + b.name() + ".csv"), rr::writeControlCsv));
        for (BankReconciliationReport br : DemoBook.in(o.cash, b).bank()) {
          files.add(csv(folder.resolve("bank-reconciliation-" + b.name() + ".csv"), br));
          files.add(table(folder.resolve("bank-balances-" + b.name() + ".csv"), br::writeBalancesCsv));
        }
        files.add(csv(folder.resolve("billing-reconciliation-" + b.name() + ".csv"),
            DemoBook.in(o.billingReconciliation, b)));
      }
      Path bill = folder.resolve("featured-bill.txt");
      Files.writeString(bill, BillExplanation.of(o.billing().featuredBill.bill()).text(), StandardCharsets.UTF_8);
      files.add(bill);
      Path html = folder.resolve("report.html");
      Files.writeString(html, html(scenario, o), StandardCharsets.UTF_8);
      files.add(html);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // CSV

  static String q(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static void row(Writer w, Object... fields) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(q(String.valueOf(fields[i])));
    }
    w.write("\r\n");
  }

  private static String amount(Money m) {
    return m.getAmount().toPlainString();
  }

  private static Path invoices(Path file, DemoBilling.Result r) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      row(w, "number", "account_id", "currency", "issue_date", "due_date", "period_start", "period_end", "subtotal",
          "tax", "total");
      for (DemoBook b : DemoBook.values()) {
        for (Invoice i : DemoBook.in(r.invoices, b)) {
          row(w, i.number(), i.accountId(), i.currency(), i.issueDate(), i.dueDate(),
              i.period().map(p -> p.startInclusive().toString()).orElse(""),
              i.period().map(p -> p.endExclusive().toString()).orElse(""), amount(i.subtotal()),
              amount(i.taxTotal()), amount(i.total()));
        }
      }
    }
    return file;
  }

  private static Path invoiceLines(Path file, DemoBilling.Result r) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      row(w, "number", "line", "kind", "description", "quantity", "unit", "rate", "amount", "currency", "source",
          "source_refs");
      for (DemoBook b : DemoBook.values()) {
        for (Invoice i : DemoBook.in(r.invoices, b)) {
          int k = 0;
          for (InvoiceLine l : i.lines()) {
            row(w, i.number(), ++k, l.kind(), l.description(),
                l.quantity().map(x -> x.value().toPlainString()).orElse(""),
                l.quantity().map(x -> x.unit().symbol()).orElse(""),
                l.rate().map(BigDecimal::toPlainString).orElse(""), amount(l.amount()), i.currency(), l.source(),
                String.join(" ", l.sourceRefs()));
          }
        }
      }
    }
    return file;
  }

  private static Path revenue(Path file, DemoBilling.Result r) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      row(w, "book", "tariff_or_contract", "name", "revenue_before_tax", "currency");
      for (DemoBook b : DemoBook.values()) {
        for (Map.Entry<String, Money> e : DemoBook.in(r.revenue, b).entrySet()) {
          row(w, b, e.getKey(), DemoConsole.label(r, e.getKey()), amount(e.getValue()), b.currency());
        }
      }
    }
    return file;
  }

  private static Path csv(Path file, CsvExportable report) throws IOException {
    return table(file, report::writeCsv);
  }

  /** One of a report's CSV tables ({@code report::writeCustomersCsv}, …). */
  private interface CsvTable {
    void writeTo(Appendable out) throws IOException;
  }

  private static Path table(Path file, CsvTable table) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      table.writeTo(w);
    }
    return file;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // HTML

  private static String h(String s) {
    return Svg.esc(s);
  }

  static String html(DemoScenario scenario, DemoRun.Outcome o) {
    DemoBilling.Result r = o.billing();
    StringBuilder b = new StringBuilder(200_000);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>GridBill demo: ")
        .append(h(scenario.month().toString())).append("</title><style>")
        .append("body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;max-width:1150px;"
            + "color:#1a202c;line-height:1.45}h1{font-size:1.6em}h2{margin-top:2em;border-bottom:2px solid #e2e8f0;"
            + "padding-bottom:.2em}table{border-collapse:collapse;margin:.5em 0}td,th{padding:.25em .7em;"
            + "border-bottom:1px solid #e2e8f0;text-align:right}th{background:#f7fafc}td:first-child,th:first-child"
            + "{text-align:left}.kpi{display:inline-block;margin:0 1.5em 1em 0;padding:.6em 1em;background:#f7fafc;"
            + "border-radius:6px}.kpi b{display:block;font-size:1.4em}pre{background:#f7fafc;padding:1em;"
            + "overflow-x:auto;font-size:.85em}.ok{color:#2f855a}.bad{color:#c53030}")
        .append("</style></head><body>\n");
    b.append("<h1>GridBill demo: billing ").append(h(scenario.month().toString())).append(", reports as of ")
        .append(scenario.asOf()).append("</h1>\n");
    double secs = r.elapsed.toNanos() / 1e9;
    kpi(b, "accounts", DemoConsole.n(scenario.accounts()));
    kpi(b, "intervals rated", DemoConsole.n(r.run.intervalsRated()));
    kpi(b, "bill run", String.format(Locale.ROOT, "%.2f s", secs));
    kpi(b, "intervals / s", DemoConsole.n(Math.round(r.run.intervalsRated() / secs)));
    kpi(b, "invoices", DemoConsole.n(r.invoiceCount()));
    kpi(b, "estimated intervals", DemoConsole.n(r.estimatedIntervals));
    b.append('\n');

    b.append("<h2>Revenue before tax by tariff and contract</h2>\n");
    for (DemoBook book : DemoBook.values()) {
      List<Svg.Bar> bars = new ArrayList<>();
      for (Map.Entry<String, Money> e : DemoBook.in(r.revenue, book).entrySet()) {
        bars.add(new Svg.Bar(DemoConsole.label(r, e.getKey()), e.getValue().getAmount(),
            DemoConsole.money(e.getValue())));
      }
      b.append("<h3>").append(book).append(" book: ").append(h(book.company())).append("</h3>\n")
          .append(Svg.bars("Revenue by tariff, " + book, bars, Svg.PALETTE[book == DemoBook.INR ? 0 : 1])).append('\n');
    }

    b.append("<h2>").append(h(r.featured.account().name())).append(" (").append(r.featured.id())
        .append("): the month's load over its TOU periods</h2>\n");
    b.append(profile(r.featuredBill.bill(), r.featuredSeries, scenario.period(r.featured.book()).zone()));
    b.append("<p>Blue is energy imported, green exported, in average kW per quarter-hour; the background is the TOU "
        + "period each interval was priced in, read from the bill lines themselves (every line lists the intervals "
        + "behind it). Red marks estimated intervals.</p>\n");

    DemoLive.Result live = o.live();
    b.append("<h2>Bill to date against the projection</h2>\n");
    b.append(liveChart(live, scenario.period(r.featured.book()).days()));
    b.append("<table><tr><th>day</th><th>bill to date</th><th>intervals</th><th>projected (run rate)</th>"
        + "<th>projected (like days)</th></tr>\n");
    for (DemoLive.Snapshot s : live.snapshots()) {
      b.append("<tr><td>").append(s.day()).append("</td><td>")
          .append(DemoConsole.money(s.toDate().ratedBill().bill().total())).append("</td><td>")
          .append(s.toDate().intervalsReceived()).append(" / ").append(s.toDate().intervalsInCycle())
          .append("</td><td>").append(DemoConsole.money(s.runRate().bill().total())).append("</td><td>")
          .append(DemoConsole.money(s.likeDay().bill().total())).append("</td></tr>\n");
    }
    b.append("</table>\n<p>Alerts:</p><ul>");
    for (LiveAlert a : live.alerts()) {
      b.append("<li>").append(h(a.kind() + " at " + a.asOf() + ": " + a)).append("</li>");
    }
    b.append("</ul><p>At the end of the month the live bill was ").append(DemoConsole.money(live.finalBill().bill()
        .total())).append(live.equalsBatch() ? ", <span class=\"ok\">line for line the batch bill</span>."
            : ", <span class=\"bad\">not the batch bill</span>.").append("</p>\n");

    b.append("<h2>Aging as of ").append(scenario.asOf()).append("</h2>\n");
    for (DemoBook book : DemoBook.values()) {
      AgingReport a = DemoBook.in(o.aging, book);
      for (AgingTotal t : a.totals()) {
        List<Svg.Bar> bars = new ArrayList<>();
        for (int i = 0; i < t.buckets().size(); i++) {
          bars.add(new Svg.Bar(DemoConsole.bucketName(a.policy().bounds(), i), t.buckets().get(i).getAmount(),
              DemoConsole.money(t.buckets().get(i))));
        }
        bars.add(new Svg.Bar("disputed", t.disputed().getAmount(), DemoConsole.money(t.disputed())));
        b.append("<h3>").append(book).append("</h3>\n").append(Svg.bars("Aging " + book, bars, "#dd6b20"))
            .append("<p>Total open ").append(DemoConsole.money(t.total())).append(", credits ")
            .append(DemoConsole.money(t.credits())).append(", unidentified cash ")
            .append(DemoConsole.money(t.unidentified())).append("; AR control account ")
            .append(DemoConsole.money(t.arControl())).append(".</p>\n");
      }
    }

    b.append("<h2>Collections and reconciliation</h2>\n<table><tr><th></th>");
    for (DemoBook book : DemoBook.values()) {
      b.append("<th>").append(book).append("</th>");
    }
    b.append("</tr>\n");
    tableRow(b, "dunning notices due", book -> DemoConsole.n(DemoBook.in(o.dunning, book).notices().size()));
    tableRow(b, "bank statement lines imported through the ledger",
        book -> h(DemoBook.in(o.cash, book).posted().summary()));
    tableRow(b, "matched by the rule chain (this run)",
        book -> h(DemoBook.in(o.cash, book).matchesByRule().toString()));
    tableRow(b, "held as unidentified cash", book -> DemoConsole.n(DemoBook.in(o.cash, book).unidentified().size())
        + " " + h(DemoBook.in(o.cash, book).exceptionsByReason().toString()));
    tableRow(b, "receivables reconciliation", book -> DemoBook.in(o.receivables, book).isReconciled() ? "reconciled"
        : DemoConsole.n(DemoBook.in(o.receivables, book).differenceCount()) + " differences");
    tableRow(b, "bank reconciliation", book -> DemoBook.in(o.cash, book).bank().stream()
        .allMatch(BankReconciliationReport::isReconciled) ? "reconciled" : "differences");
    tableRow(b, "billing reconciliation findings",
        book -> DemoConsole.n(DemoBook.in(o.billingReconciliation, book).findings().size()));
    tableRow(b, "journal verify", book -> DemoBook.in(o.verification, book).firstBroken().isEmpty()
        ? "OK (" + DemoConsole.n(DemoBook.in(o.verification, book).recordsChecked()) + " entries)" : "BROKEN");
    tableRow(b, "checkpoint", book -> "<code>" + h(DemoBook.in(o.checkpoint, book)) + "</code>");
    b.append("</table>\n");
    for (DemoBook book : DemoBook.values()) {
      List<PlannedLine> held = DemoBook.in(o.cash, book).unidentified();
      if (!held.isEmpty()) {
        b.append("<h3>").append(book).append(": bank lines held as unidentified cash (first 15)</h3><table><tr><th>"
            + "payment</th><th>amount</th><th>reason</th><th>detail</th></tr>\n");
        for (PlannedLine p : held.subList(0, Math.min(15, held.size()))) {
          b.append("<tr><td>").append(h(p.payment().id())).append("</td><td>")
              .append(DemoConsole.money(p.payment().amount())).append("</td><td>").append(DemoCash.Result.reason(p))
              .append("</td><td style=\"text-align:left\">")
              .append(h(p.exception().map(PaymentException::detail).orElse(p.detail()))).append("</td></tr>\n");
        }
        b.append("</table>\n");
      }
      List<BillingFinding> f = DemoBook.in(o.billingReconciliation, book).findings();
      if (!f.isEmpty()) {
        b.append("<h3>").append(book).append(": billing reconciliation findings (first 15)</h3><table><tr><th>"
            + "source</th><th>finding</th><th>account</th><th>detail</th></tr>\n");
        for (BillingFinding x : f.subList(0, Math.min(15, f.size()))) {
          b.append("<tr><td>").append(h(x.sourceId())).append("</td><td>").append(x.kind()).append("</td><td>")
              .append(h(x.accountId())).append("</td><td style=\"text-align:left\">").append(h(x.detail()))
              .append("</td></tr>\n");
        }
        b.append("</table>\n");
      }
    }

    b.append("<h2>Why is this bill what it is?</h2>\n<p>Invoice ").append(r.featuredInvoice.number()).append(", ")
        .append(DemoConsole.money(r.featuredInvoice.total())).append(", due ").append(r.featuredInvoice.dueDate())
        .append(".</p><pre>").append(h(BillExplanation.of(r.featuredBill.bill()).text())).append("</pre>\n");
    b.append("<p style=\"color:#718096\">Generated by <code>gridbill demo</code> (seed ").append(scenario.seed())
        .append(", ").append(DemoConsole.n(scenario.accounts())).append(" accounts). All amounts are exact decimals, "
            + "rounded once per line.</p>\n</body></html>\n");
    return b.toString();
  }

  private static void kpi(StringBuilder b, String label, String value) {
    b.append("<div class=\"kpi\"><b>").append(h(value)).append("</b>").append(h(label)).append("</div>");
  }

  private static void tableRow(StringBuilder b, String label, java.util.function.Function<DemoBook, String> cell) {
    b.append("<tr><td>").append(h(label)).append("</td>");
    for (DemoBook book : DemoBook.values()) {
      b.append("<td>").append(cell.apply(book)).append("</td>");
    }
    b.append("</tr>\n");
  }

  /** The featured month: import/export per interval over the TOU period of each, as the bill lines say. */
  static String profile(Bill bill, IntervalSeries series, ZoneId zone) {
    int n = series.size();
    double[] imp = new double[n];
    double[] exp = new double[n];
    boolean[] est = new boolean[n];
    double perHour = 60.0 / series.grid().length().minutes();
    for (int i = 0; i < n; i++) {
      imp[i] = series.importAt(i) / 1e6 * perHour;
      exp[i] = series.exportAt(i) / 1e6 * perHour;
      est[i] = series.quality(i) != io.github.gridbill.rating.ReadingQuality.ACTUAL;
    }
    int[] period = new int[n];
    java.util.Arrays.fill(period, -1);
    Map<String, Integer> names = new LinkedHashMap<>();
    for (BillLine l : bill.lines()) {
      if (l.kind() != io.github.gridbill.core.invoice.LineKind.ENERGY || l.touPeriod().isEmpty()) {
        continue;
      }
      int p = names.computeIfAbsent(l.touPeriod().get(), k -> names.size());
      for (IntervalRange rg : l.intervals()) {
        for (int i = rg.firstIndex(); i < rg.firstIndex() + rg.count() && i < n; i++) {
          period[i] = p;
        }
      }
    }
    List<Integer> starts = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    LocalDate last = null;
    for (int i = 0; i < n; i++) {
      ZonedDateTime t = series.grid().intervalStart(i).atZone(zone);
      if (!t.toLocalDate().equals(last)) {
        last = t.toLocalDate();
        starts.add(i);
        labels.add(String.valueOf(t.getDayOfMonth()));
      }
    }
    return Svg.profile("Load profile of " + bill.meterId(), imp, exp, period, new ArrayList<>(names.keySet()),
        starts.stream().mapToInt(Integer::intValue).toArray(), labels.toArray(new String[0]), est);
  }

  static String liveChart(DemoLive.Result live, int days) {
    List<DemoLive.Snapshot> s = live.snapshots();
    double[] x = new double[s.size() + 2];
    double[] toDate = new double[s.size() + 2];
    double[] xs = new double[s.size()];
    double[] run = new double[s.size()];
    double[] like = new double[s.size()];
    for (int i = 0; i < s.size(); i++) {
      x[i + 1] = s.get(i).toDate().daysElapsed();
      toDate[i + 1] = s.get(i).toDate().ratedBill().bill().total().getAmount().doubleValue();
      xs[i] = x[i + 1];
      run[i] = s.get(i).runRate().bill().total().getAmount().doubleValue();
      like[i] = s.get(i).likeDay().bill().total().getAmount().doubleValue();
    }
    x[s.size() + 1] = days;
    toDate[s.size() + 1] = live.finalBill().bill().total().getAmount().doubleValue();
    String cur = live.finalBill().bill().currency().getCode();
    return Svg.lines("Bill to date and projections", days, List.of(
        new Svg.Line("bill to date", x, toDate, "#2b6cb0", false),
        new Svg.Line("projected: run rate", xs, run, "#dd6b20", true),
        new Svg.Line("projected: like days", xs, like, "#38a169", true),
        new Svg.Line("budget alert", new double[] {0, days}, new double[] {
            live.threshold().getAmount().doubleValue(), live.threshold().getAmount().doubleValue()}, "#c53030",
            true)), cur);
  }

  static String joined(List<String> l) {
    return l.stream().collect(Collectors.joining(", "));
  }
}
