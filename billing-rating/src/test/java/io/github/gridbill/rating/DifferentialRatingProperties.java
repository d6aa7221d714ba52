package io.github.gridbill.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.money.Monies;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.MinimumCharge;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Rider;
import io.github.gridbill.core.tariff.RiderKind;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffSegment;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TierMode;
import io.github.gridbill.core.tariff.TierUnit;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.rating.reference.Differential;
import io.github.gridbill.rating.reference.Profile;
import io.github.gridbill.rating.reference.Scenario;
import io.github.gridbill.rating.reference.TariffArbitraries;
import io.github.gridbill.rating.reference.TariffArbitraries.Features;
import io.github.gridbill.rating.reference.TariffArbitraries.SplitCase;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.Money;

/**
 * Differential properties: the engine against the reference rater of {@code reference/ReferenceRater} (written from
 * RATING.md) on random tariffs, meter data, DST periods, 5/15/60-minute grids and sequences of up to 13 monthly bills;
 * and the engine's own invariants (thread independence, proration at a tariff change, total = Σ lines, zero-usage
 * bills).
 *
 * <p>Discrepancies found are pinned, one minimal hand-computed case each, in {@link DifferentialRegressionTest}, with
 * whichever side was wrong (the engine, or the reference's reading of RATING.md) fixed.
 */
class DifferentialRatingProperties {

  // -----------------------------------------------------------------------------------------------------------------
  // Engine = reference

  @Provide
  Arbitrary<Scenario> scenarios() {
    return TariffArbitraries.scenarios(Features.ALL);
  }

  /**
   * Every bill of a random sequence: the engine's total equals the reference's to the cent, and so does every group
   * of lines with the same (component, kind, TOU period, tier); and so do the kWh bank, the money bank and the annual
   * minimum's year-to-date handed on. (Credit lines carry the engine's component ids, "net-metering" and "true-up":
   * RATING.md names none.)
   */
  @Property(tries = 200)
  void engineMatchesReferenceToTheCent(@ForAll("scenarios") Scenario s) {
    Differential.check(s);
  }

  @Provide
  Arbitrary<Scenario> demandResponse() {
    return TariffArbitraries.demandResponseScenarios();
  }

  /**
   * Demand response in every version: each event's credit (every baseline family, eligibility rule, adjustment, cap,
   * weekend variant and reduction basis, on 5/15/60-minute grids with history before the bill) equals the reference's
   * to the cent, and so does everything the credits touch (minimums, taxes, banks).
   */
  @Property(tries = 100)
  void demandResponseCreditsMatchTheReference(@ForAll("demandResponse") Scenario s) {
    Differential.check(s);
  }

  @Provide
  Arbitrary<Scenario> banks() {
    return TariffArbitraries.bankScenarios();
  }

  /**
   * Banks and true-ups: net metering with a kWh bank (moved between bills by period or by weekday hour, paid on the
   * bank or on the netting year's net surplus), a money bank or none, and net billing with a money bank, settled by
   * PAY, FORFEIT, ROLL_OVER or PAY_AND_ROLL_OVER at a true-up inside the sequence: every bill, line and bank equals the
   * reference's.
   */
  @Property(tries = 100)
  void banksAndTrueUpsMatchTheReference(@ForAll("banks") Scenario s) {
    Differential.check(s);
  }

  @Provide
  Arbitrary<Scenario> sameHours() {
    return TariffArbitraries.sameHoursScenarios();
  }

  /**
   * A kWh bank handed on by weekday hour (KwhBankTransfer.SAME_HOURS) on schedules that change from month to month:
   * every bill and the bank it leaves equal the reference's.
   */
  @Property(tries = 60)
  void sameHoursBanksMatchTheReference(@ForAll("sameHours") Scenario s) {
    Differential.check(s);
  }

  @Provide
  Arbitrary<Scenario> ratchets() {
    return TariffArbitraries.ratchetScenarios();
  }

  /**
   * Ratchets: BILLED_DEMAND, PEAK_DEMAND and SAM_BILLING_DEMAND references, demand periods of a TOU demand charge,
   * BILLING_DEMAND demand charges flat and TOU, kWh/kW tiers sized by the billing demand, and a prior-year history with
   * gaps: every bill and its billing demand equal the reference's.
   */
  @Property(tries = 100)
  void ratchetsMatchTheReference(@ForAll("ratchets") Scenario s) {
    Differential.check(s);
  }

  @Provide
  Arbitrary<Scenario> splitRatchets() {
    return TariffArbitraries.splitRatchetScenarios();
  }

  /**
   * Split bills where exactly one version has a ratchet and kWh/kW tiers (in the first version, the last or both) are
   * sized by the peak or by billing demand: every bill, its one billing demand (the last version's ratchet, or none)
   * and every segment's tiers equal the reference's.
   */
  @Property(tries = 60)
  void splitBillsWithOneRatchetAndKwhPerKwTiersMatchTheReference(@ForAll("splitRatchets") Scenario s) {
    Differential.check(s);
  }

  @Provide
  Arbitrary<Scenario> singleBillsWithBoundAtUsage() {
    Features f = Features.ALL.withoutNetMetering().withVersionChange(false).withMaxBills(1);
    return TariffArbitraries.scenarios(f).flatMap(s -> Combinators.combine(Arbitraries.of(TierMode.class),
        Arbitraries.of(-1L, 0L, 1L), Arbitraries.integers().between(1, 5000), Arbitraries.integers().between(1, 5000))
        .as((mode, delta, r1, r2) -> {
          // an energy charge whose only bound is the bill's usage exactly (or 1 mWh either side)
          BillingPeriod p = s.periods().get(0);
          long usage = Arrays.stream(s.imports(p)).sum();
          long bound = Math.max(1, usage + delta);
          EnergyCharge edge = EnergyCharge.builder().id("edge").description("Bound at the usage").mode(mode)
              .addPeriod(PeriodTiers.of(0, List.of(
                  Tier.upTo(BigDecimal.valueOf(bound, 6), BigDecimal.valueOf(r1, 4)),
                  Tier.unbounded(BigDecimal.valueOf(r2, 4)))))
              .build();
          TariffVersion v = s.tariff().versions().get(0);
          Tariff t = Tariff.builder().from(s.tariff())
              .versions(List.of(TariffVersion.builder().from(v).addEnergyCharges(edge).build())).build();
          return new Scenario(t, s.length(), s.firstStart(), 1, s.profile());
        }));
  }

  /**
   * The tier boundary itself: "usage equal to a bound stays in the lower tier" (VOLUME) and a block tier holds exactly
   * up to its bound, with the bound at the bill's usage to the mWh.
   */
  @Property(tries = 60)
  void tiersAtExactlyTheUsageMatchTheReference(@ForAll("singleBillsWithBoundAtUsage") Scenario s) {
    Differential.check(s);
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Thread independence

  @Provide
  Arbitrary<Scenario> shortSequences() {
    return TariffArbitraries.scenarios(Features.ALL.withMaxBills(3));
  }

  /**
   * Rating is a pure function: every bill of a sequence, rated many times at once from a pool of threads released
   * together, and from parallel streams in pools of 1 to 4 threads, equals the bill rated alone (lines, totals and next
   * state).
   */
  @Property(tries = 30)
  void ratingIsDeterministicAndIndependentOfThreads(@ForAll("shortSequences") Scenario s) throws Exception {
    Rater rater = Rater.create();
    List<RatingPlan> plans = new ArrayList<>();
    List<IntervalSeries> series = new ArrayList<>();
    List<BillingState> states = new ArrayList<>();
    List<RatedBill> expected = new ArrayList<>();
    BillingState state = BillingState.initial();
    for (BillingPeriod p : s.periods()) {
      RatingPlan plan = RatingPlan.compile(s.tariff(), p, s.length());
      IntervalSeries ser = s.series(p);
      plans.add(plan);
      series.add(ser);
      states.add(state);
      RatedBill rb = rater.rate(plan, ser, state);
      expected.add(rb);
      state = rb.nextState();
    }
    int n = plans.size();
    int copies = 4;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<RatedBill>> futures = new ArrayList<>();
      for (int i = 0; i < n * copies; i++) {
        int k = i % n;
        futures.add(pool.submit(() -> {
          go.await();
          return rater.rate(plans.get(k), series.get(k), states.get(k));
        }));
      }
      go.countDown();
      for (int i = 0; i < futures.size(); i++) {
        RatedBill got = futures.get(i).get(60, TimeUnit.SECONDS);
        assertThat(got).as("bill %d rated on a pool thread", i % n).isEqualTo(expected.get(i % n));
        assertThat(got.bill().total()).isEqualTo(expected.get(i % n).bill().total());
      }
    } finally {
      pool.shutdownNow();
    }
    for (int threads = 1; threads <= 4; threads++) {
      ForkJoinPool fj = new ForkJoinPool(threads);
      try {
        List<RatedBill> got = fj.submit(() -> IntStream.range(0, n * copies).parallel()
            .mapToObj(i -> rater.rate(plans.get(i % n), series.get(i % n), states.get(i % n)))
            .collect(Collectors.toList())).get(60, TimeUnit.SECONDS);
        for (int i = 0; i < got.size(); i++) {
          assertThat(got.get(i)).as("bill %d in a parallel stream on %d threads", i % n, threads)
              .isEqualTo(expected.get(i % n));
        }
      } finally {
        fj.shutdownNow();
      }
    }
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Proration at a tariff change

  @Provide
  Arbitrary<SplitCase> splitCases() {
    return TariffArbitraries.splitCases();
  }

  /**
   * Splitting a bill at a tariff change equals rating each part alone, with RATING.md's proration: "each segment is
   * rated with its version, and per-bill quantities are prorated by days (f = segment days / bill days)". Each version,
   * rated alone on its part, gets its per-bill quantities pre-multiplied by its f (fixed PER_BILL amounts, KWH and
   * KWH_PER_KW tier bounds, demand rates, PER_KW and PER_BILL riders); per-day quantities are already the part's. The
   * meter's peak is made the same in both parts, so "the bill's peak" is each part's peak too. The lines of each
   * segment then equal the alone bill's lines, exactly (f is a terminating decimal) and rounded.
   */
  @Property(tries = 100)
  void splittingAtATariffChangeEqualsRatingEachPart(@ForAll("splitCases") SplitCase c) {
    BillingPeriod whole = c.period();
    IntervalGrid grid = IntervalGrid.forPeriod(whole, c.length());
    long[] imp = c.profile().imports(grid, whole.zone());
    int cut = grid.indexOf(c.change().atStartOfDay(whole.zone()).toInstant());
    long peak = Arrays.stream(imp).max().orElse(0) + 1_000_000L; // 1 kWh above any reading
    imp[cut / 2] = peak;
    imp[cut + (imp.length - cut) / 2] = peak;
    Rater rater = Rater.create();
    Bill bill = rater.rate(RatingPlan.compile(c.tariff(), whole, c.length()),
        IntervalSeries.ofImports("M-1", grid, imp)).bill();

    List<TariffSegment> segments = c.tariff().segments(whole);
    assertThat(segments).hasSize(2);
    BigDecimal total = BigDecimal.ZERO;
    int from = 0;
    for (TariffSegment seg : segments) {
      BillingPeriod part = seg.period();
      BigDecimal f = BigDecimal.valueOf(part.days()).divide(BigDecimal.valueOf(whole.days()));
      Tariff alone = Tariff.builder().from(c.tariff())
          .versions(List.of(prorated(seg.version(), f))).build();
      IntervalGrid pg = IntervalGrid.forPeriod(part, c.length());
      long[] pimp = Arrays.copyOfRange(imp, from, from + pg.count());
      from += pg.count();
      Bill partBill = rater.rate(RatingPlan.compile(alone, part, c.length()), IntervalSeries.ofImports("M-1", pg, pimp))
          .bill();
      List<BillLine> inWhole = bill.lines().stream().filter(l -> l.segment().equals(part)).collect(Collectors.toList());
      assertThat(groups(inWhole, true)).as("rounded lines of segment %s against its version alone\n%s\n%s", part,
          Differential.render(bill), Differential.render(partBill)).isEqualTo(groups(partBill.lines(), true));
      Map<String, BigDecimal> exactWhole = groups(inWhole, false);
      Map<String, BigDecimal> exactPart = groups(partBill.lines(), false);
      assertThat(exactWhole.keySet()).isEqualTo(exactPart.keySet());
      exactWhole.forEach((k, v) -> assertThat(v).as("exact amount of %s in %s", k, part)
          .isEqualByComparingTo(exactPart.get(k)));
      total = total.add(partBill.total().getAmount());
    }
    assertThat(bill.total().getAmount()).isEqualByComparingTo(total);
  }

  /** A version with its per-bill quantities multiplied by f, as the engine prorates them in a split bill. */
  static TariffVersion prorated(TariffVersion v, BigDecimal f) {
    List<FixedCharge> fixed = new ArrayList<>();
    for (FixedCharge c : v.fixedCharges()) {
      fixed.add(c.basis() == FixedChargeBasis.PER_BILL ? FixedCharge.of(c.id(), c.description(),
          c.amount().multiply(f), c.basis()) : c);
    }
    List<EnergyCharge> energy = new ArrayList<>();
    for (EnergyCharge e : v.energyCharges()) {
      List<PeriodTiers> periods = new ArrayList<>();
      for (PeriodTiers pt : e.periods()) {
        List<Tier> tiers = new ArrayList<>();
        for (Tier t : pt.tiers()) {
          boolean perBill = t.unit() == TierUnit.KWH || t.unit() == TierUnit.KWH_PER_KW;
          tiers.add(perBill && t.upTo().isPresent() ? Tier.builder().from(t).upTo(t.upTo().get().multiply(f)).build()
              : t);
        }
        periods.add(PeriodTiers.of(pt.period(), tiers));
      }
      energy.add(EnergyCharge.builder().from(e).periods(periods).build());
    }
    List<DemandCharge> demand = new ArrayList<>();
    for (DemandCharge d : v.demandCharges()) {
      List<PeriodTiers> periods = new ArrayList<>();
      for (PeriodTiers pt : d.periods()) {
        List<Tier> tiers = new ArrayList<>();
        for (Tier t : pt.tiers()) {
          tiers.add(Tier.builder().from(t).rate(t.rate().multiply(f)).build());
        }
        periods.add(PeriodTiers.of(pt.period(), tiers));
      }
      demand.add(DemandCharge.builder().from(d).periods(periods).build());
    }
    List<Rider> riders = new ArrayList<>();
    for (Rider r : v.riders()) {
      boolean perBill = r.kind() == RiderKind.PER_BILL || r.kind() == RiderKind.PER_KW;
      riders.add(perBill ? Rider.builder().from(r).rate(r.rate().multiply(f)).build() : r);
    }
    return TariffVersion.builder().from(v).effectiveFrom(LocalDate.of(2000, 1, 1)).fixedCharges(fixed)
        .energyCharges(energy).demandCharges(demand).riders(riders).build();
  }

  static Map<String, BigDecimal> groups(List<BillLine> lines, boolean rounded) {
    Map<String, BigDecimal> m = new TreeMap<>();
    for (BillLine l : lines) {
      String k = l.componentId() + " " + l.kind() + " " + l.touPeriod().orElse("-") + " " + l.tier().orElse(0);
      m.merge(k, rounded ? l.amount().getAmount() : l.exactAmount(), BigDecimal::add);
    }
    m.replaceAll((k, v) -> v.stripTrailingZeros());
    return m;
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Total = Σ lines

  /**
   * Every bill's total is the sum of its lines; every line is its exact amount rounded once, to the currency's minor
   * unit, with its version's rounding mode, except RATING.md's full money-bank offset, "shown as the energy lines'
   * rounded sum, so they net to exactly zero on the bill"; and every amount is in the tariff's currency.
   */
  @Property(tries = 100)
  void billTotalIsTheSumOfItsRoundedLines(@ForAll("scenarios") Scenario s) {
    BillingState state = BillingState.initial();
    Rater rater = Rater.create();
    for (BillingPeriod p : s.periods()) {
      RatedBill rb = rater.rate(RatingPlan.compile(s.tariff(), p, s.length()), s.series(p), state);
      Bill b = rb.bill();
      List<Money> amounts = new ArrayList<>();
      BigDecimal energyExact = BigDecimal.ZERO;
      BigDecimal energyShown = BigDecimal.ZERO;
      for (BillLine l : b.lines()) {
        if (l.kind() == LineKind.ENERGY) {
          energyExact = energyExact.add(l.exactAmount());
          energyShown = energyShown.add(l.amount().getAmount());
        }
      }
      boolean bank = s.tariff().versions().stream().anyMatch(v -> v.netMetering()
          .map(r -> r.carry() != io.github.gridbill.core.tariff.CreditCarry.NONE).orElse(false));
      for (BillLine l : b.lines()) {
        assertThat(l.amount().getCurrencyUnit()).isEqualTo(s.tariff().currency());
        TariffVersion v = s.tariff().versionOn(l.segment().startInclusive()).orElseThrow();
        boolean fullOffset = bank && l.kind() == LineKind.EXPORT_CREDIT && l.componentId().equals("net-metering")
            && energyExact.signum() > 0 && l.exactAmount().compareTo(energyExact.negate()) == 0;
        assertThat(l.amount().getAmount()).as("%s %s rounded once", l.componentId(), l.kind())
            .isEqualTo(fullOffset ? energyShown.negate()
                : l.exactAmount().setScale(s.tariff().currency().getDecimalPlaces(), v.roundingMode()));
        amounts.add(l.amount());
      }
      assertThat(b.total()).isEqualTo(Monies.total(s.tariff().currency(), amounts));
      assertThat(b.taxTotal().getAmount()).isEqualByComparingTo(b.lines().stream()
          .filter(l -> l.kind() == LineKind.TAX).map(l -> l.amount().getAmount()).reduce(BigDecimal.ZERO,
              BigDecimal::add));
      state = rb.nextState();
    }
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Zero usage

  @Provide
  Arbitrary<Scenario> zeroUsage() {
    Features f = Features.ALL.withoutNetMetering().withMaxBills(2);
    return TariffArbitraries.scenarios(f).flatMap(s -> Combinators.combine(
            Arbitraries.integers().between(0, 500_000), Arbitraries.of(FixedChargeBasis.class),
            Arbitraries.integers().between(0, 10_000))
        .as((fixed, basis, monthly) -> {
          List<TariffVersion> versions = new ArrayList<>();
          for (TariffVersion v : s.tariff().versions()) {
            MinimumCharge min = MinimumCharge.builder().from(v.minimumCharge().orElse(MinimumCharge.builder().build()))
                .monthly(BigDecimal.valueOf(monthly, 2)).build();
            versions.add(TariffVersion.builder().from(v).addFixedCharges(FixedCharge.of("base", "Base charge",
                BigDecimal.valueOf(fixed, 4), basis)).minimumCharge(min).build());
          }
          Tariff t = Tariff.builder().from(s.tariff()).versions(versions).build();
          return new Scenario(t, s.length(), s.firstStart(), s.bills(), Profile.ZERO);
        }));
  }

  /**
   * A bill with no usage at all still carries every fixed charge of every segment (amount × f, or × segment days) and,
   * when the bill before minimum is below the monthly minimum, a minimum line of exactly the difference.
   */
  @Property(tries = 100)
  void zeroUsageStillYieldsTheFixedAndMinimumLines(@ForAll("zeroUsage") Scenario s) {
    BillingState state = BillingState.initial();
    Rater rater = Rater.create();
    for (BillingPeriod p : s.periods()) {
      RatedBill rb = rater.rate(RatingPlan.compile(s.tariff(), p, s.length()), s.series(p), state);
      Bill b = rb.bill();
      assertThat(b.totalImport().isZero()).isTrue();
      BigDecimal monthly = BigDecimal.ZERO;
      for (TariffSegment seg : s.tariff().segments(p)) {
        TariffVersion v = seg.version();
        BigDecimal esc = v.conventions().escalation().map(e -> e.factorFor(seg.period().startInclusive().getYear()))
            .orElse(BigDecimal.ONE);
        BigDecimal days = BigDecimal.valueOf(seg.period().days());
        for (FixedCharge fc : v.fixedCharges()) {
          BigDecimal amount = fc.amount().multiply(esc);
          BigDecimal exact = fc.basis() == FixedChargeBasis.PER_DAY ? amount.multiply(days)
              : amount.multiply(days).divide(BigDecimal.valueOf(p.days()), MathContext.DECIMAL128);
          List<BillLine> ls = b.lines().stream().filter(l -> l.componentId().equals(fc.id())
              && l.kind() == LineKind.FIXED && l.segment().equals(seg.period())).collect(Collectors.toList());
          assertThat(ls).as("fixed charge %s in %s\n%s", fc.id(), seg.period(), Differential.render(b)).hasSize(1);
          assertThat(ls.get(0).amount().getAmount()).as("fixed charge %s", fc.id())
              .isEqualTo(exact.setScale(s.tariff().currency().getDecimalPlaces(), v.roundingMode()));
        }
        monthly = monthly.add(v.minimumCharge().flatMap(MinimumCharge::monthly).orElse(BigDecimal.ZERO).multiply(esc)
            .multiply(days).divide(BigDecimal.valueOf(p.days()), MathContext.DECIMAL128));
      }
      BigDecimal before = BigDecimal.ZERO;
      for (BillLine l : b.lines()) {
        if (l.kind() != LineKind.MINIMUM && l.kind() != LineKind.TAX) {
          before = before.add(l.exactAmount());
        }
      }
      before = before.max(BigDecimal.ZERO);
      TariffVersion last = s.tariff().segments(p).get(s.tariff().segments(p).size() - 1).version();
      List<BillLine> minimum = b.lines().stream().filter(l -> l.kind() == LineKind.MINIMUM)
          .collect(Collectors.toList());
      if (before.compareTo(monthly) < 0) {
        assertThat(minimum).as("a minimum line (monthly %s, bill before minimum %s)\n%s", monthly, before,
            Differential.render(b)).isNotEmpty();
        BigDecimal monthlyLine = monthly.subtract(before).setScale(s.tariff().currency().getDecimalPlaces(),
            last.roundingMode());
        assertThat(minimum.stream().anyMatch(l -> l.amount().getAmount().compareTo(monthlyLine) == 0))
            .as("a monthly minimum line of %s\n%s", monthlyLine, Differential.render(b)).isTrue();
      }
      for (BillLine l : b.lines()) {
        if (l.kind() == LineKind.ENERGY) {
          assertThat(l.exactAmount().signum()).as("energy with no usage: %s", l.description()).isZero();
        }
      }
      state = rb.nextState();
    }
  }
}
