package io.github.gridbill.examples.demo;

import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.ledger.AgingReport;
import io.github.gridbill.ledger.AgingTotal;
import io.github.gridbill.ledger.DunningNotice;
import io.github.gridbill.ledger.DunningRun;
import io.github.gridbill.ledger.journal.VerificationReport;
import io.github.gridbill.rating.BillExplanation;
import io.github.gridbill.rating.live.LiveAlert;
import io.github.gridbill.reconcile.billing.BillingReconciliationReport;
import io.github.gridbill.reconcile.cash.PaymentException;
import io.github.gridbill.reconcile.ledger.BankReconciliationReport;
import io.github.gridbill.reconcile.ledger.PlannedLine;
import io.github.gridbill.reconcile.ledger.ReceivablesReconciliationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.joda.money.Money;

/** What the demo prints on the terminal, step by step. */
final class DemoConsole {
  private final PrintWriter out;
  private final DemoScenario scenario;
  private final Path folder;

  DemoConsole(PrintWriter out, DemoScenario scenario, Path folder) {
    this.out = out;
    this.scenario = scenario;
    this.folder = folder;
  }

  static String money(Money m) {
    return m.getCurrencyUnit().getCode() + " " + String.format(Locale.ROOT, "%,.2f", m.getAmount());
  }

  static String n(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  void step(int n, String title) {
    out.println();
    out.println("[" + n + "] " + title);
    out.flush();
  }

  void header(DemoTariffs tariffs, LoadModel load) {
    out.println("GridBill demo: " + n(scenario.accounts()) + " accounts, seed " + scenario.seed() + ", billing "
        + scenario.month() + ", reports as of " + scenario.asOf());
    out.println("Folder: " + folder + " (ledgers, bank statements, CSV files, report.html)");
    step(1, "The company");
    out.println("  two books, never mixed: INR (" + DemoBook.INR.company() + ", " + DemoBook.INR.zone() + ") and USD ("
        + DemoBook.USD.company() + ", " + DemoBook.USD.zone() + ", clocks go forward on " + scenario.month()
        + "-09: a 23-hour day)");
    out.println("  tariffs:");
    for (Tariff t : tariffs.all()) {
      out.printf(Locale.ROOT, "    %-12s %-4s %s%n", t.id(), t.currency().getCode(), t.name());
    }
    out.println("    (" + DemoTariffs.US_FPL + " is read from the OpenEI URDB item " + DemoTariffs.FPL_RESOURCE
        + ", rated from 2020-01-01 on at its 2015 rates by explicit choice"
        + (tariffs.fplNotCarried().isEmpty() ? "" : "; not carried over: " + tariffs.fplNotCarried()) + ")");
    out.println("  household load shape: from the Green Button feed " + load.source());
    out.flush();
  }

  void billing(DemoBilling.Result r) {
    Map<CustomerKind, Integer> kinds = new EnumMap<>(CustomerKind.class);
    r.accounts.forEach(a -> kinds.merge(a.kind(), 1, Integer::sum));
    out.println("  customers:");
    for (Map.Entry<CustomerKind, Integer> e : kinds.entrySet()) {
      out.printf(Locale.ROOT, "    %-4s %-50s %8s%n", e.getKey().book(), e.getKey().label(), n(e.getValue()));
    }
    double secs = r.elapsed.toNanos() / 1e9;
    out.printf(Locale.ROOT, "  rated %s metered accounts (%s failed), %s intervals, in %.2f s: %s intervals/s, %s"
        + " accounts/s, invoiced in the same pass%n", n(r.run.accountsRated()), n(r.run.accountsFailed()),
        n(r.run.intervalsRated()), secs, n(Math.round(r.run.intervalsRated() / secs)),
        n(Math.round(r.run.accountsRated() / secs)));
    out.println("  meter gaps: " + n(r.estimatedAccounts) + " accounts missed readings; " + n(r.estimatedIntervals)
        + " intervals estimated by linear interpolation (the declared rule) and flagged on their bills");
    for (DemoBook b : DemoBook.values()) {
      List<Invoice> inv = DemoBook.in(r.invoices, b);
      if (inv.isEmpty()) {
        continue;
      }
      Money total = Money.zero(b.currency());
      for (Invoice i : inv) {
        total = total.plus(i.total());
      }
      out.println("  invoices " + b + ": " + n(inv.size()) + " (" + inv.get(0).number() + " to "
          + inv.get(inv.size() - 1).number() + ", no gaps), total " + money(total));
    }
    out.println("  revenue before tax, by tariff and contract:");
    for (DemoBook b : DemoBook.values()) {
      for (Map.Entry<String, Money> e : DemoBook.in(r.revenue, b).entrySet()) {
        out.printf(Locale.ROOT, "    %-24s %-52s %18s%n", e.getKey(), label(r, e.getKey()), money(e.getValue()));
      }
    }
    out.flush();
  }

  static String label(DemoBilling.Result r, String key) {
    if (key.startsWith("contract:")) {
      return switch (key.substring(9)) {
        case "PPA" -> "solar PPA energy (with escalator)";
        case "LEASE" -> "solar leases";
        case "MAINTENANCE" -> "maintenance contracts";
        default -> "installation milestones and service tickets";
      };
    }
    return r.tariffNames.getOrDefault(key, key);
  }

  void posted(List<DemoLedger> ledgers, String... whats) {
    for (DemoLedger l : ledgers) {
      StringBuilder b = new StringBuilder("  " + l.book() + " ledger (" + l.folder() + "): journal held "
          + n(l.entriesBefore()) + " entries;");
      for (String w : whats) {
        b.append(' ').append(w).append("s ").append(n(l.counts().newCount(w))).append(" posted now, ")
            .append(n(l.counts().replayedCount(w))).append(" already there;");
      }
      out.println(b.substring(0, b.length() - 1));
    }
    if (ledgers.stream().anyMatch(l -> l.entriesBefore() > 0)) {
      out.println("  (a re-run over the same folder: every posting carries its idempotency key, so nothing is posted"
          + " twice)");
    }
    out.flush();
  }

  void payments(DemoRun.Outcome o, List<DemoLedger> ledgers) {
    Map<DemoAccount.Method, Integer> byMethod = new EnumMap<>(DemoAccount.Method.class);
    o.payments.forEach(p -> byMethod.merge(p.method(), 1, Integer::sum));
    out.println("  payments made by " + scenario.asOf() + ": " + n(o.payments.size()) + " " + byMethod);
    for (DemoLedger l : ledgers) {
      DemoCash.Result c = DemoBook.in(o.cash, l.book());
      out.println("  " + l.book() + ": gateway payments recorded and applied to their invoices: "
          + n(l.counts().newCount("payment (gateway)")) + " new, " + n(l.counts().replayedCount("payment (gateway)"))
          + " already posted");
      int lines = c.statements().stream().mapToInt(s -> s.lines().size()).sum();
      out.println("  " + l.book() + ": bank statement " + c.statementFile().getFileName() + " (camt.053.001.08): "
          + n(lines) + " transactions read back and imported through the ledger: " + c.posted().summary());
      if (!c.matchesByRule().isEmpty() || !c.exceptionsByReason().isEmpty()) {
        out.println("    cash application this run: matched " + c.matchesByRule() + ", exceptions "
            + c.exceptionsByReason());
      }
    }
    out.flush();
  }

  void asOf(DemoRun.Outcome o, List<DemoLedger> ledgers) {
    for (DemoLedger l : ledgers) {
      DemoBook b = l.book();
      out.println("  " + b + " late fees: " + n(l.counts().newCount("late fee")) + " assessed now, "
          + n(l.counts().replayedCount("late fee")) + " already assessed");
      AgingReport aging = DemoBook.in(o.aging, b);
      for (AgingTotal t : aging.totals()) {
        agingLine(aging, t);
      }
      DunningRun d = DemoBook.in(o.dunning, b);
      Map<String, int[]> levels = new TreeMap<>();
      Map<String, Money> amounts = new TreeMap<>();
      for (DunningNotice n : d.notices()) {
        String k = n.level() + " " + n.levelName();
        levels.computeIfAbsent(k, x -> new int[1])[0]++;
        amounts.merge(k, n.total(), Money::plus);
      }
      out.println("  " + b + " dunning notices due (for the embedding system to send): " + n(d.notices().size())
          + (d.posting().replayed() ? " (this run was already recorded: replayed, nothing new)" : ""));
      for (Map.Entry<String, int[]> e : levels.entrySet()) {
        out.printf(Locale.ROOT, "    level %-18s %7s notices %20s%n", e.getKey(), n(e.getValue()[0]),
            money(java.util.Objects.requireNonNull(amounts.get(e.getKey()), e.getKey())));
      }
      BillingReconciliationReport br = DemoBook.in(o.billingReconciliation, b);
      out.println("  " + b + " billing reconciliation: " + n(br.sourceCount()) + " source records (meter reads,"
          + " tickets, milestones) against " + n(br.invoiceCount()) + " invoices: " + findings(br));
      DemoCash.Result cash = DemoBook.in(o.cash, b);
      List<PlannedLine> held = cash.unidentified();
      if (!held.isEmpty()) {
        out.println("  " + b + " bank lines held as unidentified cash, for a person to identify (first 5 of "
            + n(held.size()) + "):");
        for (PlannedLine p : held.subList(0, Math.min(5, held.size()))) {
          out.println("    " + p.payment().id() + "  " + money(p.payment().amount()) + "  " + DemoCash.Result.reason(p)
              + ": " + p.exception().map(PaymentException::detail).orElse(p.detail()));
        }
      }
      ReceivablesReconciliationReport rr = DemoBook.in(o.receivables, b);
      out.println("  " + b + " receivables reconciliation: " + n(rr.customerCount()) + " customers' open items against"
          + " their accounts, and their sum against the AR control account: " + (rr.isReconciled()
          ? "reconciled, no difference" : n(rr.differenceCount()) + " differences " + rr.differencesByKind()));
      for (BankReconciliationReport bank : cash.bank()) {
        out.println("  " + b + " bank reconciliation of " + bank.cashAccount().kind() + ":" + bank.cashAccount().key()
            + " with statement " + bank.statementId() + ": statement closing " + money(bank.statementClosing())
            + ", ledger " + money(bank.ledgerClosing()) + ", " + n(bank.matchedCount()) + " of " + n(bank.lineCount())
            + " lines found in the ledger: " + (bank.isReconciled() ? "reconciled"
            : n(bank.differences().size()) + " differences " + bank.differencesByKind()));
      }
      VerificationReport v = DemoBook.in(o.verification, b);
      out.println("  " + b + " journal verify: "
          + (v.firstBroken().isEmpty() ? "OK" : "BROKEN " + v.firstBroken().get())
          + ", " + n(v.recordsChecked()) + " entries re-hashed; checkpoint " + DemoBook.in(o.checkpoint, b));
    }
    out.flush();
  }

  private static String findings(BillingReconciliationReport r) {
    Map<String, Integer> byKind = new TreeMap<>();
    r.findings().forEach(f -> byKind.merge(f.kind().name(), 1, Integer::sum));
    return byKind.isEmpty() ? "every record billed exactly once" : byKind.toString();
  }

  private void agingLine(AgingReport aging, AgingTotal t) {
    List<Integer> bounds = aging.policy().bounds();
    StringBuilder b = new StringBuilder("  aging " + t.currency() + " as of " + aging.asOf() + ":");
    for (int i = 0; i < t.buckets().size(); i++) {
      b.append(' ').append(bucketName(bounds, i)).append(' ').append(money(t.buckets().get(i))).append(" |");
    }
    b.append(" disputed ").append(money(t.disputed())).append(" | total ").append(money(t.total()));
    out.println(b);
    out.println("    credits " + money(t.credits()) + ", unidentified cash " + money(t.unidentified())
        + "; AR control account " + money(t.arControl()) + (t.tiesToControl()
            ? " = the aging total: the sub-ledger ties to the control account" : ": DOES NOT TIE to the aging total"));
  }

  static String bucketName(List<Integer> bounds, int i) {
    if (i == 0) {
      return "Current";
    }
    int from = bounds.get(i - 1) + 1;
    return i < bounds.size() ? from + "-" + bounds.get(i) : bounds.get(bounds.size() - 1) + "+";
  }

  void live(DemoLive.Result r) {
    for (DemoLive.Snapshot s : r.snapshots()) {
      out.printf(Locale.ROOT, "  %s (%d days in, %d left): bill to date %s from %s of %s intervals; projected %s"
          + " (run rate) or %s (like days a year ago)%n", s.day(), s.toDate().daysElapsed(), s.toDate().daysLeft(),
          money(s.toDate().ratedBill().bill().total()), n(s.toDate().intervalsReceived()),
          n(s.toDate().intervalsInCycle()), money(s.runRate().bill().total()), money(s.likeDay().bill().total()));
    }
    out.println("  alerts (budget alert at " + money(r.threshold()) + ", 90% of last March's "
        + money(r.lastYearsBill().bill().total()) + "):");
    if (r.alerts().isEmpty()) {
      out.println("    none");
    }
    ZoneId zone = r.finalBill().bill().period().zone();
    for (LiveAlert a : r.alerts()) {
      out.println("    " + a.kind() + "  " + a.describe(zone));
    }
    out.println("  when the last reading arrived the live bill was " + money(r.finalBill().bill().total())
        + (r.equalsBatch() ? ", line for line the bill the batch run made" : ", NOT the batch bill"));
    out.flush();
  }

  void featured(DemoBilling.Result r) {
    out.println("  " + r.featured.account().name() + " (" + r.featured.id() + "), invoice "
        + r.featuredInvoice.number() + " " + money(r.featuredInvoice.total()) + " due "
        + r.featuredInvoice.dueDate());
    for (String line : BillExplanation.of(r.featuredBill.bill()).text().split("\n", -1)) {
      out.println("  | " + line);
    }
    out.flush();
  }

  void footer(DemoRun.Outcome o) {
    out.println();
    out.println("Files:");
    for (Path p : o.files) {
      out.println("  " + p);
    }
    out.printf(Locale.ROOT, "Done in %.1f s. Open %s in a browser.%n", o.total.toNanos() / 1e9,
        folder.resolve("report.html"));
    out.flush();
  }
}
