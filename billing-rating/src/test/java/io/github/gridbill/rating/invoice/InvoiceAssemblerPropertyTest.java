package io.github.gridbill.rating.invoice;

import static io.github.gridbill.rating.invoice.InvoiceFixtures.MARCH_2024;
import static io.github.gridbill.rating.invoice.InvoiceFixtures.UTC;
import static io.github.gridbill.rating.invoice.InvoiceFixtures.bill;
import static io.github.gridbill.rating.invoice.InvoiceFixtures.flatTariff;
import static io.github.gridbill.rating.invoice.InvoiceFixtures.usdAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.gridbill.core.BillingException;
import io.github.gridbill.core.BusinessRuleException;
import io.github.gridbill.core.contract.Contract;
import io.github.gridbill.core.contract.Lease;
import io.github.gridbill.core.contract.MaintenanceContract;
import io.github.gridbill.core.contract.OneOffCharge;
import io.github.gridbill.core.contract.OneOffKind;
import io.github.gridbill.core.contract.RecurrenceFrequency;
import io.github.gridbill.core.contract.SolarPpa;
import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.invoice.InvoiceLine;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.money.Monies;
import io.github.gridbill.core.quantity.Energy;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.quantity.Unit;
import io.github.gridbill.core.tariff.TaxCalculation;
import io.github.gridbill.core.tariff.TaxRule;
import io.github.gridbill.rating.Bill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Invariants of invoice assembly against a small reference model of the contract items of one calendar month
 * (March 2024, UTC, calendar-month cycle, HALF_UP): each item's amount computed directly from DOMAIN.md's rules.
 */
class InvoiceAssemblerPropertyTest {
  private static final LocalDate MARCH = LocalDate.of(2024, 3, 1);
  private static final LocalDate APRIL = LocalDate.of(2024, 4, 1);
  private static final CurrencyUnit USD = CurrencyUnit.USD;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  record LeaseSpec(long paymentCents, int startOffset, Optional<Integer> lengthDays) {}

  record OneOffSpec(BigDecimal quantity, long priceCents, int dateOffset, OneOffKind kind) {}

  record PpaSpec(int startOffset, BigDecimal price, BigDecimal escalator, long generationMwh) {}

  record AmcSpec(long feeCents, int startOffset, RecurrenceFrequency frequency) {}

  record TaxSpec(BigDecimal percent, TaxCalculation calculation) {}

  @Provide
  Arbitrary<List<LeaseSpec>> leases() {
    return Combinators.combine(Arbitraries.longs().between(0, 500_000), Arbitraries.integers().between(-40, 45),
        Arbitraries.integers().between(1, 90).optional()).as(LeaseSpec::new).list().ofMaxSize(2);
  }

  @Provide
  Arbitrary<List<OneOffSpec>> oneOffs() {
    return Combinators.combine(Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(100)).ofScale(3),
        Arbitraries.longs().between(0, 100_000), Arbitraries.integers().between(-5, 35),
        Arbitraries.of(OneOffKind.class)).as(OneOffSpec::new).list().ofMaxSize(4);
  }

  @Provide
  Arbitrary<Optional<PpaSpec>> ppas() {
    return Combinators.combine(Arbitraries.integers().between(-1500, 20),
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.5")).ofScale(4),
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(5)).ofScale(1),
        Arbitraries.longs().between(0, 2_000_000_000L)).as(PpaSpec::new).optional();
  }

  @Provide
  Arbitrary<List<AmcSpec>> amcs() {
    return Combinators.combine(Arbitraries.longs().between(0, 100_000), Arbitraries.integers().between(-400, 30),
        Arbitraries.of(RecurrenceFrequency.class)).as(AmcSpec::new).list().ofMaxSize(2);
  }

  @Provide
  Arbitrary<List<TaxSpec>> taxes() {
    return Combinators.combine(Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(30)).ofScale(2),
        Arbitraries.of(TaxCalculation.class)).as(TaxSpec::new).list().ofMaxSize(2);
  }

  @Provide
  Arbitrary<Optional<Integer>> billKwh() {
    return Arbitraries.integers().between(0, 2000).optional();
  }

  private static Money cents(long c) {
    return Money.ofMinor(USD, c);
  }

  private static BigDecimal round(BigDecimal exact) {
    return exact.setScale(2, RoundingMode.HALF_UP);
  }

  @Property(tries = 200)
  void invoiceTotalIsTheSumOfLinesAndMatchesTheReferenceModel(
      @ForAll("leases") List<LeaseSpec> leases,
      @ForAll("oneOffs") List<OneOffSpec> oneOffs,
      @ForAll("ppas") Optional<PpaSpec> ppa,
      @ForAll("amcs") List<AmcSpec> amcs,
      @ForAll("taxes") List<TaxSpec> taxes,
      @ForAll("billKwh") Optional<Integer> billKwh) {
    InvoiceRequest.Builder r = InvoiceRequest.builder().account(usdAccount()).period(MARCH_2024)
        .issueDate(APRIL);
    List<BigDecimal> expectedItems = new ArrayList<>();
    BigDecimal expectedBills = BigDecimal.ZERO;
    int billLines = 0;
    if (billKwh.isPresent()) {
      Bill b = bill(flatTariff(USD, UTC, "0.1375"), "M-1", MARCH_2024, billKwh.get());
      r.addBill(b);
      expectedBills = b.total().getAmount();
      billLines = b.lines().size();
    }
    for (int i = 0; i < leases.size(); i++) {
      LeaseSpec s = leases.get(i);
      LocalDate start = MARCH.plusDays(s.startOffset());
      Lease.Builder l = Lease.builder().id("LEASE-" + i).accountId("ACC-1").monthlyPayment(cents(s.paymentCents()))
          .startDate(start);
      s.lengthDays().ifPresent(n -> l.endDate(start.plusDays(n)));
      r.addContract(l.build());
      LocalDate from = start.isAfter(MARCH) ? start : MARCH;
      LocalDate to = s.lengthDays().map(start::plusDays).filter(e -> e.isBefore(APRIL)).orElse(APRIL);
      long days = Math.max(0, ChronoUnit.DAYS.between(from, to));
      if (days == 31) {
        expectedItems.add(cents(s.paymentCents()).getAmount());
      } else if (days > 0) {
        expectedItems.add(cents(s.paymentCents()).getAmount().multiply(BigDecimal.valueOf(days))
            .divide(BigDecimal.valueOf(31), 2, RoundingMode.HALF_UP));
      }
    }
    for (int i = 0; i < amcs.size(); i++) {
      AmcSpec s = amcs.get(i);
      LocalDate start = MARCH.plusDays(s.startOffset());
      r.addContract(MaintenanceContract.builder().id("AMC-" + i).accountId("ACC-1").fee(cents(s.feeCents()))
          .frequency(s.frequency()).startDate(start).build());
      long months = ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.of(2024, 3));
      if (months >= 0 && months % s.frequency().months() == 0) {
        expectedItems.add(cents(s.feeCents()).getAmount());
      }
    }
    for (int i = 0; i < oneOffs.size(); i++) {
      OneOffSpec s = oneOffs.get(i);
      LocalDate date = MARCH.plusDays(s.dateOffset());
      r.addContract(OneOffCharge.builder().id("T-" + i).accountId("ACC-1").kind(s.kind()).description("Item " + i)
          .quantity(Quantity.of(s.quantity(), Unit.EACH)).unitPrice(cents(s.priceCents())).serviceDate(date)
          .build());
      if (!date.isBefore(MARCH) && date.isBefore(APRIL)) {
        expectedItems.add(round(s.quantity().multiply(cents(s.priceCents()).getAmount())));
      }
    }
    if (ppa.isPresent()) {
      PpaSpec s = ppa.get();
      LocalDate start = MARCH.plusDays(s.startOffset());
      r.addContract(SolarPpa.builder().id("PPA-1").accountId("ACC-1").meterId("GEN-1").currency(USD)
          .pricePerKwh(s.price()).escalatorPercent(s.escalator()).startDate(start).build());
      r.putPpaGeneration("PPA-1", Energy.ofMilliwattHours(s.generationMwh()));
      LocalDate from = start.isAfter(MARCH) ? start : MARCH;
      int year = (int) ChronoUnit.YEARS.between(start, from) + 1;
      BigDecimal price = s.price().multiply(BigDecimal.ONE.add(s.escalator().divide(HUNDRED)).pow(year - 1));
      expectedItems.add(round(BigDecimal.valueOf(s.generationMwh(), 6).multiply(price)));
    }
    InvoiceAssembler.Builder ab = InvoiceAssembler.builder().sequence(InvoiceNumberSequence.of("P-", 6));
    List<BigDecimal> expectedTaxes = new ArrayList<>();
    for (int i = 0; i < taxes.size(); i++) {
      TaxSpec t = taxes.get(i);
      ab.addTaxRule(TaxRule.builder().id("tax-" + i).description("Tax " + i).percent(t.percent())
          .calculation(t.calculation()).build());
      if (expectedItems.isEmpty()) {
        continue;
      }
      BigDecimal tax = BigDecimal.ZERO;
      if (t.calculation() == TaxCalculation.PER_LINE) {
        for (BigDecimal a : expectedItems) {
          tax = tax.add(round(a.multiply(t.percent()).divide(HUNDRED)));
        }
      } else {
        tax = round(expectedItems.stream().reduce(BigDecimal.ZERO, BigDecimal::add).multiply(t.percent())
            .divide(HUNDRED));
      }
      expectedTaxes.add(tax);
    }
    InvoiceAssembler a = ab.build();
    int expectedLines = billLines + expectedItems.size() + expectedTaxes.size();
    if (expectedLines == 0) {
      assertThatExceptionOfType(BusinessRuleException.class).isThrownBy(() -> a.assemble(r.build()));
      assertThat(a.sequence().lastIssued()).isZero();
      return;
    }
    Invoice inv = a.assemble(r.build());
    List<Money> amounts = new ArrayList<>();
    for (InvoiceLine l : inv.lines()) {
      amounts.add(l.amount());
    }
    assertThat(inv.total()).isEqualTo(Monies.total(USD, amounts));
    assertThat(inv.lines()).hasSize(expectedLines);
    List<BigDecimal> actualItems = new ArrayList<>();
    List<BigDecimal> actualTaxes = new ArrayList<>();
    for (int i = billLines; i < inv.lines().size(); i++) {
      InvoiceLine l = inv.lines().get(i);
      (l.kind() == LineKind.TAX ? actualTaxes : actualItems).add(l.amount().getAmount());
    }
    assertThat(sorted(actualItems)).isEqualTo(sorted(expectedItems));
    assertThat(actualTaxes).isEqualTo(expectedTaxes);
    BigDecimal expectedTotal = expectedBills;
    for (BigDecimal x : expectedItems) {
      expectedTotal = expectedTotal.add(x);
    }
    for (BigDecimal x : expectedTaxes) {
      expectedTotal = expectedTotal.add(x);
    }
    assertThat(inv.total()).isEqualTo(Money.of(USD, expectedTotal));
    assertThat(inv.number()).isEqualTo("P-000001");
  }

  private static List<BigDecimal> sorted(List<BigDecimal> xs) {
    List<BigDecimal> out = new ArrayList<>();
    for (BigDecimal x : xs) {
      out.add(x.setScale(2, RoundingMode.UNNECESSARY));
    }
    out.sort(null);
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // numbering

  /** A request that assembles, and four that fail in different ways. */
  private static final Bill MARCH_BILL = bill(flatTariff(USD, UTC, "0.20"), "M-1", MARCH_2024, 100);

  private static InvoiceRequest request(int kind) {
    InvoiceRequest.Builder r = InvoiceRequest.builder().account(usdAccount()).period(MARCH_2024).issueDate(APRIL);
    return switch (kind) {
      case 0 -> r.addBill(MARCH_BILL).build();
      // a lease in another currency
      case 1 -> r.addContract(Lease.builder().id("L").accountId("ACC-1")
          .monthlyPayment(Money.of(CurrencyUnit.EUR, BigDecimal.TEN)).startDate(MARCH).build()).build();
      // another account's contract
      case 2 -> r.addBill(MARCH_BILL).addContract(Lease.builder().id("L").accountId("ACC-2")
          .monthlyPayment(cents(100)).startDate(MARCH).build()).build();
      // nothing billable
      case 3 -> r.build();
      // a PPA without its generation
      default -> r.addContract(SolarPpa.builder().id("PPA-1").accountId("ACC-1").meterId("G").currency(USD)
          .pricePerKwh(BigDecimal.ONE).startDate(MARCH).build()).build();
    };
  }

  @Property(tries = 100)
  void failedAssembliesConsumeNoNumber(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 4) Integer> kinds) {
    InvoiceAssembler a = InvoiceFixtures.assembler(InvoiceNumberSequence.of("N-", 5));
    int issued = 0;
    for (int k : kinds) {
      InvoiceRequest r = request(k);
      if (k == 0) {
        issued++;
        assertThat(a.assemble(r).number()).isEqualTo(a.sequence().format(issued));
      } else {
        assertThatExceptionOfType(BillingException.class).isThrownBy(() -> a.assemble(r));
      }
      assertThat(a.sequence().lastIssued()).isEqualTo(issued);
    }
  }

  @Property(tries = 10)
  void numbersAreConsecutiveUnderConcurrentAssembly(@ForAll @IntRange(min = 1, max = 8) int threads,
      @ForAll @IntRange(min = 1, max = 150) int perThread, @ForAll @IntRange(min = 0, max = 4) int failEvery)
      throws InterruptedException {
    InvoiceAssembler a = InvoiceFixtures.assembler(InvoiceNumberSequence.of("C-", 6));
    Set<Long> numbers = assembleConcurrently(a, threads, perThread, failEvery);
    int expectedFailures = failEvery == 0 ? 0 : threads * (perThread / failEvery);
    long ok = (long) threads * perThread - expectedFailures;
    assertThat(numbers).hasSize((int) ok);
    if (ok > 0) {
      assertThat(((TreeSet<Long>) numbers).first()).isEqualTo(1L);
      assertThat(((TreeSet<Long>) numbers).last()).isEqualTo(ok);
    }
    assertThat(a.sequence().lastIssued()).isEqualTo(ok);
  }

  @Test
  void eightThreadsAssemble4000InvoicesNumberedExactly1To4000() throws InterruptedException {
    InvoiceAssembler a = InvoiceFixtures.assembler(InvoiceNumberSequence.of("INV-", 6));
    Set<Long> numbers = assembleConcurrently(a, 8, 500, 0);
    assertThat(numbers).hasSize(4000);
    assertThat(((TreeSet<Long>) numbers).first()).isEqualTo(1L);
    assertThat(((TreeSet<Long>) numbers).last()).isEqualTo(4000L);
  }

  /** Each thread assembles perThread invoices, every failEvery-th of them a failing request; returns the counters. */
  private static Set<Long> assembleConcurrently(InvoiceAssembler a, int threads, int perThread, int failEvery)
      throws InterruptedException {
    ConcurrentLinkedQueue<String> issued = new ConcurrentLinkedQueue<>();
    AtomicInteger unexpected = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread th = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int i = 1; i <= perThread; i++) {
          boolean fail = failEvery > 0 && i % failEvery == 0;
          try {
            issued.add(a.assemble(request(fail ? 1 + i % 4 : 0)).number());
            if (fail) {
              unexpected.incrementAndGet();
            }
          } catch (BillingException e) {
            if (!fail) {
              unexpected.incrementAndGet();
            }
          }
        }
      });
      th.start();
      ts.add(th);
    }
    go.countDown();
    for (Thread th : ts) {
      th.join();
    }
    assertThat(unexpected).hasValue(0);
    TreeSet<Long> counters = new TreeSet<>();
    for (String n : issued) {
      counters.add(a.sequence().parse(n));
    }
    assertThat(counters).hasSize(issued.size()); // no repeats
    return counters;
  }
}
