package io.github.gridbill.examples.demo;

import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.ledger.AgingReport;
import io.github.gridbill.ledger.DunningRun;
import io.github.gridbill.ledger.journal.VerificationReport;
import io.github.gridbill.rating.run.ProgressListener;
import io.github.gridbill.reconcile.billing.BillingReconciliationReport;
import io.github.gridbill.reconcile.ledger.ReceivablesReconciler;
import io.github.gridbill.reconcile.ledger.ReceivablesReconciliationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole demo, step by step: generate the company, rate the month, post invoices to the durable ledgers, take
 * payments (the gateway's directly, the bank's through a camt.053 statement and cash application), run late fees,
 * dunning and aging as of the report date, reconcile, watch one account live, and write the reports.
 */
final class DemoRun {

  /** Everything a run produced, per book where it is per book. */
  static final class Outcome {
    DemoBilling.@org.jspecify.annotations.Nullable Result billing;
    final Map<DemoBook, DemoLedger.Counts> counts = new EnumMap<>(DemoBook.class);
    final Map<DemoBook, Long> entriesBefore = new EnumMap<>(DemoBook.class);
    final Map<DemoBook, AgingReport> aging = new EnumMap<>(DemoBook.class);
    final Map<DemoBook, DunningRun> dunning = new EnumMap<>(DemoBook.class);
    final Map<DemoBook, VerificationReport> verification = new EnumMap<>(DemoBook.class);
    final Map<DemoBook, String> checkpoint = new EnumMap<>(DemoBook.class);
    final Map<DemoBook, BillingReconciliationReport> billingReconciliation = new EnumMap<>(DemoBook.class);
    final Map<DemoBook, DemoCash.Result> cash = new EnumMap<>(DemoBook.class);
    final Map<DemoBook, ReceivablesReconciliationReport> receivables = new EnumMap<>(DemoBook.class);
    final List<DemoPayment> payments = new ArrayList<>();
    DemoLive.@org.jspecify.annotations.Nullable Result live;
    final List<Path> files = new ArrayList<>();
    Duration total = Duration.ZERO;

    DemoBilling.Result billing() {
      return java.util.Objects.requireNonNull(billing, "billing");
    }

    DemoLive.Result live() {
      return java.util.Objects.requireNonNull(live, "live");
    }
  }

  private final DemoScenario scenario;
  private final Path folder;
  private final PrintWriter out;
  private final ProgressListener progress;

  DemoRun(DemoScenario scenario, Path folder, PrintWriter out, ProgressListener progress) {
    this.scenario = scenario;
    this.folder = folder;
    this.out = out;
    this.progress = progress;
  }

  Outcome run() {
    long t0 = System.nanoTime();
    Outcome o = new Outcome();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DemoTariffs tariffs = DemoTariffs.create(scenario);
    LoadModel load = LoadModel.fromGreenButton();
    DemoConsole console = new DemoConsole(out, scenario, folder);
    console.header(tariffs, load);

    console.step(2, "Rating the month: one parallel bill run over both books");
    DemoBilling.Result billing = new DemoBilling(scenario, tariffs, load).run(progress);
    o.billing = billing;
    console.billing(billing);

    console.step(3, "Posting invoices to the durable ledgers");
    List<DemoLedger> ledgers = new ArrayList<>();
    try {
      for (DemoBook b : DemoBook.values()) {
        DemoLedger l = DemoLedger.open(b, folder);
        ledgers.add(l);
        o.entriesBefore.put(b, l.entriesBefore());
        l.postInvoices(billing.accounts, DemoBook.in(billing.invoices, b), scenario.asOf());
      }
      console.posted(ledgers, "invoice", "opening balance");

      console.step(4, "Payments: the gateway's card and online payments, and the bank's statement");
      Map<String, DemoAccount> byId = new HashMap<>();
      billing.accounts.forEach(a -> byId.put(a.id(), a));
      for (DemoBook b : DemoBook.values()) {
        for (Invoice inv : DemoBook.in(billing.invoices, b)) {
          PaymentBehaviour.payment(java.util.Objects.requireNonNull(byId.get(inv.accountId()), inv.accountId()), inv,
              scenario.asOf()).ifPresent(o.payments::add);
        }
      }
      for (DemoLedger l : ledgers) {
        l.gatewayPayments(o.payments);
        DemoCash.Result cash = DemoCash.run(l, scenario, billing.accounts, o.payments, folder);
        o.cash.put(l.book(), cash);
        o.files.add(cash.statementFile());
      }
      console.payments(o, ledgers);

      console.step(5, "As of " + scenario.asOf() + ": late fees, dunning, aging, reconciliation");
      for (DemoLedger l : ledgers) {
        DemoBook b = l.book();
        l.lateFees(scenario.asOf());
        o.dunning.put(b, l.dunning(scenario.asOf()));
        o.aging.put(b, l.aging(scenario.asOf()));
        o.billingReconciliation.put(b, DemoSources.reconcile(
            DemoSources.of(billing.accounts, billing.importKwh, scenario, b), DemoBook.in(billing.invoices, b)));
        o.receivables.put(b, ReceivablesReconciler.of(l.ledger()).reconcile(scenario.asOf()));
        o.verification.put(b, l.verify());
        o.checkpoint.put(b, l.ledger().checkpoint().toString());
        o.counts.put(b, l.counts());
      }
      console.asOf(o, ledgers);
    } finally {
      for (DemoLedger l : ledgers) {
        l.close();
      }
    }

    console.step(6, "Watching " + billing.featured.id() + " live through the month");
    o.live = DemoLive.watch(scenario, tariffs, load, billing.featured, billing.featuredBill, billing.featuredSeries);
    console.live(o.live());

    console.step(7, "The featured customer's bill, explained");
    console.featured(billing);

    o.files.addAll(DemoFiles.write(folder, scenario, o));
    o.total = Duration.ofNanos(System.nanoTime() - t0);
    console.footer(o);
    return o;
  }

  /** A progress bar for a terminal: redrawn in place on a console, a line per quarter otherwise. */
  static ProgressListener progressBar(PrintWriter out, boolean terminal) {
    return new ProgressListener() {
      private int lastShown = -1;

      @Override
      public void onProgress(long done, long total) {
        if (total <= 0) {
          return;
        }
        int pct = (int) (done * 100 / total);
        if (terminal) {
          if (pct != lastShown || done == total) {
            int filled = pct * 40 / 100;
            out.print("\r  [" + "#".repeat(filled) + ".".repeat(40 - filled) + "] " + String.format("%3d%%", pct)
                + "  " + String.format("%,d/%,d accounts", done, total) + (done == total ? "\n" : ""));
            out.flush();
          }
        } else if (pct / 25 != lastShown / 25 || done == total) {
          out.println(String.format("  rated %,d of %,d accounts (%d%%)", done, total, pct));
        }
        lastShown = pct;
      }
    };
  }
}
