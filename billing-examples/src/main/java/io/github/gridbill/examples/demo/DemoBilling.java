package io.github.gridbill.examples.demo;

import io.github.gridbill.core.contract.Contract;
import io.github.gridbill.core.contract.SolarPpa;
import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.invoice.InvoiceLine;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RatedBill;
import io.github.gridbill.rating.invoice.InvoiceAssembler;
import io.github.gridbill.rating.invoice.InvoiceNumberSequence;
import io.github.gridbill.rating.invoice.InvoiceRequest;
import io.github.gridbill.rating.run.AccountFailure;
import io.github.gridbill.rating.run.AccountJob;
import io.github.gridbill.rating.run.AccountResult;
import io.github.gridbill.rating.run.BillRun;
import io.github.gridbill.rating.run.BillRunResult;
import io.github.gridbill.rating.run.ProgressListener;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Step 2 of the demo: rates every metered account in one parallel bill run (both books at once; each account's month
 * of data is generated on the rating thread when its turn comes, so memory stays bounded), and assembles every
 * account's invoice, in account order, from its rated bill and its contracts, numbered per book without gaps.
 */
final class DemoBilling {
  static final IntervalLength LENGTH = IntervalLength.FIFTEEN_MINUTES;

  /** What the billing step produced. */
  static final class Result {
    final List<DemoAccount> accounts;
    final Map<DemoBook, List<Invoice>> invoices;
    final BillRunResult run;
    final Duration elapsed;
    /** Per book: revenue before tax by tariff id, then by contract line kind. */
    final Map<DemoBook, Map<String, Money>> revenue;
    final Map<String, String> tariffNames;
    final int estimatedAccounts;
    final long estimatedIntervals;
    final List<AccountFailure> failures;
    final DemoAccount featured;
    final RatedBill featuredBill;
    final IntervalSeries featuredSeries;
    final Invoice featuredInvoice;
    /** What each metered account's meter recorded (kWh imported), as the meter-data system holds it. */
    final Map<String, BigDecimal> importKwh;

    Result(List<DemoAccount> accounts, Map<DemoBook, List<Invoice>> invoices, BillRunResult run, Duration elapsed,
        Map<DemoBook, Map<String, Money>> revenue, Map<String, String> tariffNames, int estimatedAccounts,
        long estimatedIntervals, DemoAccount featured, RatedBill featuredBill, IntervalSeries featuredSeries,
        Invoice featuredInvoice, Map<String, BigDecimal> importKwh) {
      this.accounts = accounts;
      this.invoices = invoices;
      this.run = run;
      this.elapsed = elapsed;
      this.revenue = revenue;
      this.tariffNames = tariffNames;
      this.estimatedAccounts = estimatedAccounts;
      this.estimatedIntervals = estimatedIntervals;
      this.failures = run.failures();
      this.featured = featured;
      this.featuredBill = featuredBill;
      this.featuredSeries = featuredSeries;
      this.featuredInvoice = featuredInvoice;
      this.importKwh = importKwh;
    }

    long invoiceCount() {
      return invoices.values().stream().mapToLong(List::size).sum();
    }
  }

  private final DemoScenario scenario;
  private final DemoTariffs tariffs;
  private final LoadModel load;

  DemoBilling(DemoScenario scenario, DemoTariffs tariffs, LoadModel load) {
    this.scenario = scenario;
    this.tariffs = tariffs;
    this.load = load;
  }

  /** The account that the demo explains in full: the first US small business taking part in demand response. */
  static int featuredIndex(List<DemoAccount> accounts) {
    for (DemoAccount a : accounts) {
      if (a.kind() == CustomerKind.US_SMALL_BUSINESS && a.drShedFrom() != null) {
        return a.index();
      }
    }
    for (DemoAccount a : accounts) {
      if (a.tariffId() != null) {
        return a.index();
      }
    }
    throw new IllegalStateException("the scenario has no metered account");
  }

  Result run(ProgressListener progress) {
    List<DemoAccount> accounts = DemoAccount.generateAll(scenario);
    int featuredIndex = featuredIndex(accounts);
    Map<DemoBook, InvoiceAssembler> assemblers = new EnumMap<>(DemoBook.class);
    Map<DemoBook, List<Invoice>> invoices = new EnumMap<>(DemoBook.class);
    Map<DemoBook, Map<String, Money>> revenue = new EnumMap<>(DemoBook.class);
    for (DemoBook b : DemoBook.values()) {
      String prefix = b.prefix() + "-" + scenario.month().toString().replace("-", "") + "-";
      assemblers.put(b, InvoiceAssembler.builder().sequence(InvoiceNumberSequence.of(prefix, 6))
          .addTaxRules(b.contractTaxes()).build());
      invoices.put(b, new ArrayList<>());
      revenue.put(b, new TreeMap<>());
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (Tariff t : tariffs.all()) {
      names.put(t.id(), t.name());
    }
    // the generated series of the metered accounts, kept only for the featured account
    Map<Integer, LoadModel.Month15> kept = new ConcurrentHashMap<>();
    List<DemoAccount> metered = accounts.stream().filter(a -> a.tariffId() != null).toList();
    Stream<AccountJob> jobs = IntStream.range(0, metered.size()).mapToObj(i -> {
      DemoAccount a = metered.get(i);
      Tariff t = tariffs.get(java.util.Objects.requireNonNull(a.tariffId()));
      BillingPeriod p = scenario.period(a.book());
      return AccountJob.of(a.id(), t, p, () -> {
        LoadModel.Month15 m = load.generate(a, p, LENGTH);
        if (a.index() == featuredIndex) {
          kept.put(a.index(), m);
        }
        return m.meter;
      }, BillingState.initial());
    });
    int[] cursor = {0};
    long[] estimated = {0, 0};
    @Nullable RatedBill[] featuredBill = {null};
    Map<String, BigDecimal> importKwh = new java.util.HashMap<>();
    BillRun run = BillRun.builder().parallelism(scenario.threads()).progressListener(progress).build();
    long t0 = System.nanoTime();
    BillRunResult summary = run.runStreaming(jobs, (AccountResult r) -> {
      int index = indexOf(r.accountId());
      // contract-only customers (PPAs) between the previous metered account and this one, in account order
      while (cursor[0] < index) {
        invoiceContractsOnly(accounts.get(cursor[0]++), assemblers, invoices, revenue);
      }
      cursor[0] = index + 1;
      DemoAccount a = accounts.get(index);
      r.ratedBill().ifPresent(rb -> {
        if (rb.bill().estimatedIntervals() > 0) {
          estimated[0]++;
          estimated[1] += rb.bill().estimatedIntervals();
        }
        if (index == featuredIndex) {
          featuredBill[0] = rb;
        }
        importKwh.put(a.id(), rb.bill().totalImport().toKilowattHours());
        Invoice inv = DemoBook.in(assemblers, a.book()).assemble(InvoiceRequest.builder().account(a.account())
            .period(scenario.period(a.book())).addBill(rb.bill()).addAllContracts(a.contracts())
            .issueDate(scenario.issueDate()).build());
        add(DemoBook.in(revenue, a.book()), rb.bill().tariffId(), rb.bill().total().minus(rb.bill().taxTotal()));
        addContractRevenue(DemoBook.in(revenue, a.book()), inv);
        DemoBook.in(invoices, a.book()).add(inv);
      });
    });
    while (cursor[0] < accounts.size()) {
      invoiceContractsOnly(accounts.get(cursor[0]++), assemblers, invoices, revenue);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
    DemoAccount featured = accounts.get(featuredIndex);
    RatedBill fb = java.util.Objects.requireNonNull(featuredBill[0], "the featured account was not rated");
    Invoice fi = DemoBook.in(invoices, featured.book()).stream().filter(i -> i.accountId().equals(featured.id()))
        .findFirst().orElseThrow();
    return new Result(List.copyOf(accounts), invoices, summary, elapsed, revenue, names, (int) estimated[0],
        estimated[1], featured, fb, java.util.Objects.requireNonNull(kept.get(featuredIndex), "featured").meter, fi,
        importKwh);
  }

  private void invoiceContractsOnly(DemoAccount a, Map<DemoBook, InvoiceAssembler> assemblers,
      Map<DemoBook, List<Invoice>> invoices, Map<DemoBook, Map<String, Money>> revenue) {
    if (a.tariffId() != null) {
      return; // metered accounts are invoiced from their bill run result (a failed one gets no invoice)
    }
    BillingPeriod p = scenario.period(a.book());
    InvoiceRequest.Builder req = InvoiceRequest.builder().account(a.account()).period(p)
        .addAllContracts(a.contracts()).issueDate(scenario.issueDate());
    for (Contract c : a.contracts()) {
      if (c instanceof SolarPpa ppa) {
        LoadModel.Month15 m = load.generate(a, p, LENGTH);
        req.putPpaGeneration(ppa.id(), Energy.ofMilliwattHours(m.generationMwh));
      }
    }
    Invoice inv = DemoBook.in(assemblers, a.book()).assemble(req.build());
    addContractRevenue(DemoBook.in(revenue, a.book()), inv);
    DemoBook.in(invoices, a.book()).add(inv);
  }

  private static void addContractRevenue(Map<String, Money> revenue, Invoice inv) {
    for (InvoiceLine l : inv.lines()) {
      LineKind k = l.kind();
      if (k == LineKind.PPA || k == LineKind.LEASE || k == LineKind.MAINTENANCE || k == LineKind.ONE_OFF) {
        add(revenue, "contract:" + k.name(), l.amount());
      }
    }
  }

  private static void add(Map<String, Money> m, String key, Money amount) {
    m.merge(key, amount, Money::plus);
  }

  /** The index of an account from its id ({@code GBU-000042} is index 41). */
  static int indexOf(String accountId) {
    return Integer.parseInt(accountId.substring(accountId.length() - 6)) - 1;
  }
}
