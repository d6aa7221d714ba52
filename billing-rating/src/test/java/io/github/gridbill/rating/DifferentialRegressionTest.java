package io.github.gridbill.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.tariff.CreditCarry;
import io.github.gridbill.core.tariff.DemandCharge;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.ExportRate;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.MinimumCharge;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.PriceSeries;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TierMode;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.reference.ReferenceRater;
import io.github.gridbill.rating.reference.ReferenceRater.State;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/**
 * The discrepancies between the engine and the reference rater that {@link DifferentialRatingProperties} found, each as
 * the smallest case that shows it (UTC, hourly data, April 2024 unless said). Each test states the RATING.md sentence
 * and the value it gives, computed by hand, and asserts that both the engine and the reference give it: whichever side
 * was wrong (the engine, or the reference's reading of RATING.md) was fixed, and the test keeps it fixed.
 */
class DifferentialRegressionTest {
  static final ZoneId UTC = ZoneId.of("UTC");
  static final LocalDate FROM = LocalDate.of(2000, 1, 1);
  static final BillingPeriod APRIL = BillingPeriod.of(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 5, 1), UTC);
  static final IntervalLength H = IntervalLength.SIXTY_MINUTES;
  static final int HOURS = 720;

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  static Tariff tariff(TariffVersion... versions) {
    return Tariff.builder().id("T").name("T").currency(CurrencyUnit.USD).zone(UTC).addVersions(versions).build();
  }

  static RatedBill rate(Tariff t, BillingPeriod p, long[] imp, long[] exp, BillingState s) {
    IntervalGrid g = IntervalGrid.forPeriod(p, H);
    return Rater.create().rate(RatingPlan.compile(t, p, H),
        IntervalSeries.builder("M-1", g).imports(imp).exports(exp).build(), s);
  }

  static BigDecimal reference(Tariff t, BillingPeriod p, long[] imp, long[] exp) {
    return ReferenceRater.rate(t, p, H, imp, exp, State.initial()).total();
  }

  /** Hours 0–11 are period "a", 12–23 period "b", every day. */
  static TouSchedule halfDays() {
    int[][] m = new int[12][24];
    for (int[] row : m) {
      for (int h = 12; h < 24; h++) {
        row[h] = 1;
      }
    }
    return TouSchedule.fromMonthHourMatrices("half days", List.of("a", "b"), m, m, DayCalendar.standard());
  }

  /**
   * TOU demand in a bill split by a version change uses each segment's own peak, while flat demand (and kWh/kW tier
   * bounds) use the bill's peak. RATING.md: "Peak = the largest over the bill (flat) or over the intervals of one
   * period of the charge's schedule (TOU)" and "Demand charges ... Prorated by f in a split bill": the reference reads
   * the TOU peak over the bill's intervals of that period (ambiguous: "over the intervals" does not say of the bill or
   * of the segment; the engine is at least inconsistent between flat and TOU charges).
   *
   * <p>10 kW on 1 April, 4 kW on 20 April; the version changes on 16 April (f = 15/30 each); both versions charge 10.00
   * per kW of demand on an all-hours schedule: 10 kW × 10.00 × 1/2 + 10 kW × 10.00 × 1/2 = 100.00. The engine bills
   * the second half on its own 4 kW peak: 70.00. The same charge without a schedule gives 100.00.
   */
  @Test
  void regression_touDemandInSplitBillUsesTheSegmentsPeak() {
    long[] imp = new long[HOURS];
    imp[0] = 10_000_000L;
    imp[19 * 24] = 4_000_000L;
    long[] exp = new long[HOURS];
    DemandCharge tou = DemandCharge.builder().id("dem").description("Demand").schedule(TouSchedule.allHours())
        .addPeriod(PeriodTiers.flat(0, d("10.00"))).build();
    DemandCharge flat = DemandCharge.builder().from(tou).schedule(java.util.Optional.empty()).build();
    Tariff touTariff = tariff(TariffVersion.builder().effectiveFrom(FROM).addDemandCharge(tou).build(),
        TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 4, 16)).addDemandCharge(tou).build());
    Tariff flatTariff = tariff(TariffVersion.builder().effectiveFrom(FROM).addDemandCharge(flat).build(),
        TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 4, 16)).addDemandCharge(flat).build());
    assertThat(reference(touTariff, APRIL, imp, exp)).isEqualByComparingTo("100.00");
    assertThat(rate(flatTariff, APRIL, imp, exp, BillingState.initial()).bill().total().getAmount())
        .isEqualByComparingTo("100.00");
    assertThat(rate(touTariff, APRIL, imp, exp, BillingState.initial()).bill().total().getAmount())
        .isEqualByComparingTo("100.00");
  }

  /**
   * A monthly minimum in force for part of a split bill is dropped when the last version has no minimum charge: the
   * engine only looks at the last version's MinimumCharge. RATING.md: "Monthly minimum M (prorated, escalated): a line
   * M − B when B &lt; M" with per-bill quantities "prorated by days (f = segment days / bill days)".
   *
   * <p>Version 1 has a monthly minimum of 30.00, version 2 (from 16 April) none; no usage: M = 30.00 × 15/30 = 15.00,
   * B = 0, so a minimum line of 15.00. The engine bills 0.00.
   */
  @Test
  void regression_monthlyMinimumOfEarlierVersionDroppedAtVersionChange() {
    Tariff t = tariff(
        TariffVersion.builder().effectiveFrom(FROM).minimumCharge(MinimumCharge.builder().monthly(d("30.00")).build())
            .build(),
        TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 4, 16)).build());
    long[] zero = new long[HOURS];
    assertThat(reference(t, APRIL, zero, zero)).isEqualByComparingTo("15.00");
    Bill b = rate(t, APRIL, zero, zero, BillingState.initial()).bill();
    assertThat(b.lines()).filteredOn(l -> l.kind() == LineKind.MINIMUM).extracting(l -> l.amount().getAmount())
        .usingElementComparator(BigDecimal::compareTo).containsExactly(d("15.00"));
  }

  /**
   * The annual minimum's year-to-date skips the bills of a version without a minimum charge (same root cause: only the
   * last version's MinimumCharge is consulted). RATING.md: "Annual minimum: B is added to the year-to-date; on the bill
   * of annualSettlementMonth a line annual − year-to-date when positive"; BillingState: "the sum of this minimum
   * year's bills before minimums and taxes". (Ambiguous for bills before the annual minimum existed; the reference
   * counts every bill of the year.)
   *
   * <p>January 2024 on version 1 (0.10/kWh, no minimum), 100 kWh: B = 10.00. February on version 2 (same energy,
   * annual minimum 50.00 settled in February), 100 kWh: B = 10.00, year-to-date 20.00, annual line 30.00. The engine's
   * year-to-date after January is 0, and it bills 40.00.
   */
  @Test
  void regression_annualMinimumYearToDateSkipsBillsOfVersionWithoutMinimum() {
    EnergyCharge energy = EnergyCharge.builder().id("energy").description("Energy")
        .addPeriod(PeriodTiers.flat(0, d("0.10"))).build();
    Tariff t = tariff(TariffVersion.builder().effectiveFrom(FROM).addEnergyCharge(energy).build(),
        TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 2, 1)).addEnergyCharge(energy)
            .minimumCharge(MinimumCharge.builder().annual(d("50.00")).annualSettlementMonth(Month.FEBRUARY).build())
            .build());
    BillingPeriod jan = BillingPeriod.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1), UTC);
    BillingPeriod feb = BillingPeriod.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1), UTC);
    long[] janImp = new long[31 * 24];
    janImp[0] = 100_000_000L;
    long[] febImp = new long[29 * 24];
    febImp[0] = 100_000_000L;
    ReferenceRater.Result rj = ReferenceRater.rate(t, jan, H, janImp, new long[31 * 24], State.initial());
    ReferenceRater.Result rf = ReferenceRater.rate(t, feb, H, febImp, new long[29 * 24], rj.next());
    assertThat(rf.sum(l -> l.kind() == LineKind.MINIMUM)).isEqualByComparingTo("30.00");
    RatedBill january = rate(t, jan, janImp, new long[31 * 24], BillingState.initial());
    RatedBill february = rate(t, feb, febImp, new long[29 * 24], january.nextState());
    assertThat(february.bill().lines()).filteredOn(l -> l.kind() == LineKind.MINIMUM)
        .extracting(l -> l.amount().getAmount()).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(d("30.00"));
  }

  /**
   * TIER_SELL_RATES credits exports by BLOCK tiers even when the first energy charge is VOLUME. RATING.md:
   * "TIER_SELL_RATES (the first energy charge's tiers' sell rates, with an export counter filled like its import
   * counter)" and "VOLUME (all-units): every kWh at the rate of the tier reached".
   *
   * <p>BUY_ALL_SELL_ALL; energy VOLUME: up to 100 kWh at 0.10 (sell 0.05), above at 0.20 (sell 0.08). 50 kWh imported:
   * 5.00. 150 kWh exported reach tier 2, so all 150 at 0.08: 12.00 credit; total −7.00. The engine credits 100 × 0.05
   * + 50 × 0.08 = 9.00: total −4.00.
   */
  @Test
  void regression_tierSellRatesIgnoreVolumeMode() {
    EnergyCharge energy = EnergyCharge.builder().id("energy").description("Energy").mode(TierMode.VOLUME)
        .addPeriod(PeriodTiers.of(0, List.of(
            Tier.builder().upTo(d("100")).rate(d("0.10")).sellRate(d("0.05")).build(),
            Tier.builder().rate(d("0.20")).sellRate(d("0.08")).build())))
        .build();
    Tariff t = tariff(TariffVersion.builder().effectiveFrom(FROM).addEnergyCharge(energy)
        .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.BUY_ALL_SELL_ALL)
            .exportRate(ExportRate.tierSellRates()).build())
        .build());
    long[] imp = new long[HOURS];
    long[] exp = new long[HOURS];
    imp[0] = 50_000_000L;
    exp[12] = 150_000_000L;
    assertThat(reference(t, APRIL, imp, exp)).isEqualByComparingTo("-7.00");
    assertThat(rate(t, APRIL, imp, exp, BillingState.initial()).bill().total().getAmount())
        .isEqualByComparingTo("-7.00");
  }

  /**
   * Net metering with carry NONE credits the surplus of every TOU period as one line, rounded once. RATING.md: "per
   * TOU period p ...: surplus max(−N_p, 0). No netting across periods", "with carry NONE each export credit is its own
   * line", and "Each line's exact amount ... is rounded once": the reference makes one credit line per period's surplus
   * (ambiguous: "each export credit" is not defined for net metering; the difference is rounding only).
   *
   * <p>Export 0.01/kWh; 0.5 kWh surplus in period "a" and 0.5 kWh in "b": two credits of −0.005, each rounded HALF_UP
   * to −0.01: −0.02. The engine credits 1 kWh × 0.01 = −0.01 on one line.
   */
  @Test
  void regression_netMeteringSurplusCreditedOnOneLineAcrossPeriods() {
    Tariff t = tariff(TariffVersion.builder().effectiveFrom(FROM)
        .addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy").schedule(halfDays())
            .addPeriod(PeriodTiers.flat(0, d("0.10"))).addPeriod(PeriodTiers.flat(1, d("0.10"))).build())
        .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_METERING).carry(CreditCarry.NONE)
            .exportRate(ExportRate.flat(d("0.01"))).build())
        .build());
    long[] imp = new long[HOURS];
    long[] exp = new long[HOURS];
    exp[6] = 500_000L; // period a
    exp[18] = 500_000L; // period b
    assertThat(reference(t, APRIL, imp, exp)).isEqualByComparingTo("-0.02");
    assertThat(rate(t, APRIL, imp, exp, BillingState.initial()).bill().total().getAmount())
        .isEqualByComparingTo("-0.02");
  }

  /**
   * A negative export credit (negative time-series export prices) under a money bank disappears: the engine records
   * {@code moneyApplied = -0.50} but adds no line and carries nothing. RATING.md: "With a money bank ...: avail =
   * carried + own (if creditsOffsetSameBill), applied min(avail, energy charges), the rest ... is carried": avail =
   * −0.50, applied = −0.50, so the applied-credit line is +0.50 (RATING.md does not contemplate negative credits; the
   * engine keeps the value neither on the bill nor in the bank).
   *
   * <p>NET_BILLING, carry MONEY, energy 0.10/kWh, export prices −0.05/kWh: 100 kWh imported (10.00), 10 kWh exported
   * in another hour (−0.50 of credit). Total 10.50; the engine bills 10.00 and carries 0.
   */
  @Test
  void regression_negativeExportCreditUnderMoneyBankVanishes() {
    PriceSeries prices = PriceSeries.builder().start(APRIL.startInstant()).intervalLength(H)
        .prices(Collections.nCopies(HOURS, d("-0.05"))).build();
    Tariff t = tariff(TariffVersion.builder().effectiveFrom(FROM)
        .addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy")
            .addPeriod(PeriodTiers.flat(0, d("0.10"))).build())
        .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_BILLING).carry(CreditCarry.MONEY)
            .exportRate(ExportRate.timeSeries(prices)).build())
        .build());
    long[] imp = new long[HOURS];
    long[] exp = new long[HOURS];
    imp[0] = 100_000_000L;
    exp[12] = 10_000_000L;
    assertThat(reference(t, APRIL, imp, exp)).isEqualByComparingTo("10.50");
    RatedBill rb = rate(t, APRIL, imp, exp, BillingState.initial());
    assertThat(rb.bill().total().getAmount().add(rb.nextState().moneyBank().negate()))
        .as("what the customer owes net of the bank").isEqualByComparingTo("10.50");
  }

  /**
   * Prorated amounts are not exact: the engine rounds the fraction f = segment days / bill days to 34 digits before
   * multiplying, so an amount that is exactly a half cent lands just off it and rounds the wrong way. RATING.md: "Each
   * line's exact amount (BigDecimal) is rounded once to the currency's minor unit with the version's RoundingMode" and
   * "Fixed: PER_BILL amount × f". (Also affects demand charges, PER_KW and PER_BILL riders, KWH bounds: every × f.)
   *
   * <p>A fixed charge of 0.015 per bill in a version that ends on 11 April (10 of 30 days): 0.015 × 10/30 = 0.005
   * exactly, HALF_UP: 0.01. The engine's exact amount is 0.015 × 0.3333…3 = 0.00499…95, rounded to 0.00. (With
   * f = 20/30 = 0.666…67 and HALF_EVEN a 0.0075 charge gives 0.01 instead of 0.00.)
   */
  @Test
  void regression_prorationFractionRoundedBeforeMultiplying() {
    Tariff t = tariff(TariffVersion.builder().effectiveFrom(FROM)
            .addFixedCharge(FixedCharge.of("fixed", "Fixed", d("0.015"), FixedChargeBasis.PER_BILL)).build(),
        TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 4, 11)).build());
    long[] zero = new long[HOURS];
    assertThat(reference(t, APRIL, zero, zero)).isEqualByComparingTo("0.01");
    BillLine fixed = rate(t, APRIL, zero, zero, BillingState.initial()).bill().linesOf("fixed").get(0);
    assertThat(fixed.exactAmount()).isEqualByComparingTo("0.005");
    assertThat(fixed.amount().getAmount()).isEqualByComparingTo("0.01");
  }

  /**
   * An ALL_PERIODS chronological counter skipped the intervals of a period the charge does not price, while the
   * PROPORTIONAL and VOLUME allocations count them in "the bill total". RATING.md: "ALL_PERIODS + CHRONOLOGICAL: one
   * counter over the bill in time order"; {@code TierCounter.ALL_PERIODS}: "One counter for the whole bill: tiers fill
   * with total usage".
   *
   * <p>The charge prices only "b" (12:00–24:00): the first 10 kWh at 0.10, the rest at 0.30. 8 kWh at 03:00 (in "a")
   * move the counter to 8; 8 kWh at 15:00 (in "b") are 2 kWh at 0.10 and 6 kWh at 0.30: 2.00. The engine billed
   * 8 × 0.10 = 0.80.
   */
  @Test
  void regression_chronologicalCounterSkippedUnpricedPeriods() {
    EnergyCharge onlyB = EnergyCharge.builder().id("e").description("e").schedule(halfDays())
        .counter(io.github.gridbill.core.tariff.TierCounter.ALL_PERIODS)
        .allocation(io.github.gridbill.core.tariff.TierAllocation.CHRONOLOGICAL)
        .addPeriod(PeriodTiers.of(1, List.of(Tier.upTo(d("10"), d("0.10")), Tier.unbounded(d("0.30"))))).build();
    Tariff t = tariff(TariffVersion.builder().effectiveFrom(FROM).addEnergyCharge(onlyB).build());
    long[] imp = new long[HOURS];
    imp[3] = 8_000_000L;
    imp[15] = 8_000_000L;
    long[] exp = new long[HOURS];
    assertThat(reference(t, APRIL, imp, exp)).isEqualByComparingTo("2.00");
    Bill b = rate(t, APRIL, imp, exp, BillingState.initial()).bill();
    assertThat(b.lines()).extracting(l -> l.tier().orElseThrow() + ": " + l.exactAmount().stripTrailingZeros()
        .toPlainString()).containsExactly("1: 0.2", "2: 1.8");
    assertThat(b.total().getAmount()).isEqualByComparingTo("2.00");
  }

  /**
   * In a bill split by a version change, the ratchet read its demand periods' peak in the last segment only. RATING.md:
   * "A split bill uses these bill-wide peaks in every segment, prorated by days: one demand reading per bill"; the
   * ratchet's peak is "the highest interval demand in those periods ... over the whole bill".
   *
   * <p>Both versions (the second from 16 April) have the same ratchet (100%, current peak included) counting period
   * "b" (12:00–24:00) of a TOU demand charge, and a flat BILLING_DEMAND charge of 10.00 per kW. 8 kW in "b" on
   * 1 April and 3 kW in "b" on 21 April: billing demand 8 kW, 8 × 10.00 × 15/30 twice = 80.00. The engine read
   * 3 kW: 30.00.
   */
  @Test
  void regression_ratchetPeakOfSplitBillReadFromItsLastSegment() {
    DemandCharge tou = DemandCharge.builder().id("tou").description("TOU").schedule(halfDays())
        .addPeriod(PeriodTiers.flat(0, BigDecimal.ZERO)).addPeriod(PeriodTiers.flat(1, BigDecimal.ZERO)).build();
    DemandCharge billed = DemandCharge.builder().id("billed").description("Billed")
        .basis(io.github.gridbill.core.tariff.DemandBasis.BILLING_DEMAND).addPeriod(PeriodTiers.flat(0, d("10.00")))
        .build();
    io.github.gridbill.core.tariff.Ratchet r = io.github.gridbill.core.tariff.Ratchet.builder()
        .from(io.github.gridbill.core.tariff.Ratchet.uniform(d("100"), 11)).addDemandPeriods(1).build();
    TariffVersion v1 = TariffVersion.builder().effectiveFrom(FROM).addDemandCharge(tou).addDemandCharge(billed)
        .ratchet(r).build();
    Tariff t = tariff(v1, TariffVersion.builder().from(v1).effectiveFrom(LocalDate.of(2024, 4, 16)).build());
    long[] imp = new long[HOURS];
    imp[15] = 8_000_000L;
    imp[20 * 24 + 15] = 3_000_000L;
    long[] exp = new long[HOURS];
    assertThat(reference(t, APRIL, imp, exp)).isEqualByComparingTo("80.00");
    Bill b = rate(t, APRIL, imp, exp, BillingState.initial()).bill();
    assertThat(b.billingDemand()).hasValue(io.github.gridbill.core.quantity.Power.ofWatts(8000));
    assertThat(b.total().getAmount()).isEqualByComparingTo("80.00");
  }

  /**
   * A ratchet that names one TOU demand charge reads its demand periods in that charge only; another BILLING_DEMAND
   * TOU charge bills the billing demand in all its periods (the reference applied the period numbers to every charge).
   * RATING.md: "the billing demand (for TOU charges: in the ratchet's demand periods ...). The demand periods are
   * periods of the charge the ratchet names (Ratchet.demandCharge) ...; a BILLING_DEMAND charge other than the one
   * named bills the billing demand in all its periods."
   *
   * <p>Both charges on the half-days schedule; the ratchet (100%, current peak included) names "tou" (PEAK, rates
   * zero) with demand period "b". 8 kW in "a" at 03:00 and 3 kW in "b" at 15:00: billing demand 3 kW; "other"
   * (BILLING_DEMAND, 10.00/kW in both periods) bills 3 kW in each: 60.00 (not 8 × 10.00 + 3 × 10.00 = 110.00).
   */
  @Test
  void regression_ratchetPeriodsApplyToTheNamedChargeOnly() {
    DemandCharge tou = DemandCharge.builder().id("tou").description("TOU").schedule(halfDays())
        .addPeriod(PeriodTiers.flat(0, BigDecimal.ZERO)).addPeriod(PeriodTiers.flat(1, BigDecimal.ZERO)).build();
    DemandCharge other = DemandCharge.builder().id("other").description("Other").schedule(halfDays())
        .basis(io.github.gridbill.core.tariff.DemandBasis.BILLING_DEMAND)
        .addPeriod(PeriodTiers.flat(0, d("10.00"))).addPeriod(PeriodTiers.flat(1, d("10.00"))).build();
    io.github.gridbill.core.tariff.Ratchet r = io.github.gridbill.core.tariff.Ratchet.builder()
        .from(io.github.gridbill.core.tariff.Ratchet.uniform(d("100"), 11)).addDemandPeriods(1).demandCharge("tou")
        .build();
    Tariff t = tariff(TariffVersion.builder().effectiveFrom(FROM).addDemandCharge(tou).addDemandCharge(other)
        .ratchet(r).build());
    long[] imp = new long[HOURS];
    imp[3] = 8_000_000L;
    imp[15] = 3_000_000L;
    long[] exp = new long[HOURS];
    assertThat(reference(t, APRIL, imp, exp)).isEqualByComparingTo("60.00");
    Bill b = rate(t, APRIL, imp, exp, BillingState.initial()).bill();
    assertThat(b.billingDemand()).hasValue(io.github.gridbill.core.quantity.Power.ofWatts(3000));
    assertThat(b.total().getAmount()).isEqualByComparingTo("60.00");
  }

  /**
   * A bill split by a version change has one billing demand, the last version's, and a segment whose own version has
   * no ratchet bills it too (the reference billed that segment's PER_KW rider on the peak). RATING.md: "one demand
   * reading per bill"; "A split bill has one billing demand, by the ratchet of its last segment's version; every
   * segment bills it wherever a billing demand is asked for (a segment whose own version has no ratchet too)"; riders
   * "PER_KW × billing demand (else peak) × f".
   *
   * <p>Version 1: a PER_KW rider of 1.00/kW, no ratchet. Version 2 from 16 April: the same rider and a ratchet with a
   * 20 kW minimum. 8 kW at 03:00 on 1 April: billing demand 20 kW; the rider bills 20 × 1.00 × 15/30 in each segment:
   * 20.00 (the reference billed 8 × 1.00 × 15/30 + 20 × 1.00 × 15/30 = 14.00).
   */
  @Test
  void regression_splitBillHasOneBillingDemandForEverySegment() {
    io.github.gridbill.core.tariff.Rider perKw = io.github.gridbill.core.tariff.Rider.builder().id("rider")
        .description("Per kW").kind(io.github.gridbill.core.tariff.RiderKind.PER_KW).rate(d("1.00")).build();
    io.github.gridbill.core.tariff.Ratchet r = io.github.gridbill.core.tariff.Ratchet.builder()
        .from(io.github.gridbill.core.tariff.Ratchet.uniform(d("100"), 11)).minimumKw(d("20")).build();
    Tariff t = tariff(TariffVersion.builder().effectiveFrom(FROM).addRider(perKw).build(),
        TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 4, 16)).addRider(perKw).ratchet(r).build());
    long[] imp = new long[HOURS];
    imp[3] = 8_000_000L;
    long[] exp = new long[HOURS];
    assertThat(reference(t, APRIL, imp, exp)).isEqualByComparingTo("20.00");
    Bill b = rate(t, APRIL, imp, exp, BillingState.initial()).bill();
    assertThat(b.billingDemand()).hasValue(io.github.gridbill.core.quantity.Power.ofWatts(20_000));
    assertThat(b.total().getAmount()).isEqualByComparingTo("20.00");
  }

  /**
   * A flat BILLING_DEMAND charge bills the billing demand even when the ratchet names it with demand periods (the
   * engine filtered it by the periods as if it were TOU, and billed its peak). RATING.md: "on the peak or — for
   * BILLING_DEMAND charges — the billing demand (for TOU charges: in the ratchet's demand periods ...)"; a flat charge
   * has one period, 0 (DemandCharge).
   *
   * <p>Found with the ratchet naming the flat charge "billed" (10.00/kW) with demand period 1, which reads no interval:
   * billing demand = the 20 kW minimum, 200.00, where the engine billed the 8 kW peak, 80.00. TariffVersion now refuses
   * that ratchet (a demand period must be a period of the charge named, and a flat charge's only period is 0), so the
   * case is pinned with period 0: the ratchet (100%, current peak included, minimum 20 kW) reads the whole bill's
   * 8 kW peak (03:00), the billing demand is the minimum, 20 kW, and "billed" bills it: 200.00.
   */
  @Test
  void regression_flatBillingDemandChargeNamedByTheRatchetBillsTheBillingDemand() {
    DemandCharge billed = DemandCharge.builder().id("billed").description("Billed")
        .basis(io.github.gridbill.core.tariff.DemandBasis.BILLING_DEMAND).addPeriod(PeriodTiers.flat(0, d("10.00")))
        .build();
    io.github.gridbill.core.tariff.Ratchet r = io.github.gridbill.core.tariff.Ratchet.builder()
        .from(io.github.gridbill.core.tariff.Ratchet.uniform(d("100"), 11)).minimumKw(d("20")).addDemandPeriods(0)
        .demandCharge("billed").build();
    Tariff t = tariff(TariffVersion.builder().effectiveFrom(FROM).addDemandCharge(billed).ratchet(r).build());
    long[] imp = new long[HOURS];
    imp[3] = 8_000_000L;
    long[] exp = new long[HOURS];
    assertThat(reference(t, APRIL, imp, exp)).isEqualByComparingTo("200.00");
    Bill b = rate(t, APRIL, imp, exp, BillingState.initial()).bill();
    assertThat(b.billingDemand()).hasValue(io.github.gridbill.core.quantity.Power.ofWatts(20_000));
    assertThat(b.total().getAmount()).isEqualByComparingTo("200.00");
  }

  /**
   * The annual minimum's year ends on the bill of the last version's settlement month even when that version has no
   * annual minimum (CI: the reference kept the year-to-date of a May bill whose version settled in May without an
   * annual amount). RATING.md: "every bill's B is added to the year-to-date; on the bill of the last version's
   * annualSettlementMonth (December without a minimum) a line annual − year-to-date when positive, then the
   * year-to-date resets."
   *
   * <p>Version 1: 0.10/kWh, a monthly minimum of 5.00 settled in May (no annual amount). Version 2 from 7 June: the
   * same energy and an annual minimum of 500.00 settled in December. May, 100 kWh: B = 10.00, the year-to-date resets:
   * 0. June, 100 kWh (split at 7 June): B = 10.00, year-to-date 10.00 (not 20.00), no annual line in June.
   */
  @Test
  void regression_annualYearToDateResetsInTheSettlementMonthOfAVersionWithoutAnnualMinimum() {
    EnergyCharge energy = EnergyCharge.builder().id("energy").description("Energy")
        .addPeriod(PeriodTiers.flat(0, d("0.10"))).build();
    Tariff t = tariff(TariffVersion.builder().effectiveFrom(FROM).addEnergyCharge(energy)
            .minimumCharge(MinimumCharge.builder().monthly(d("5.00")).annualSettlementMonth(Month.MAY).build()).build(),
        TariffVersion.builder().effectiveFrom(LocalDate.of(2024, 6, 7)).addEnergyCharge(energy)
            .minimumCharge(MinimumCharge.builder().annual(d("500.00")).build()).build());
    BillingPeriod may = BillingPeriod.of(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 1), UTC);
    BillingPeriod june = BillingPeriod.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 7, 1), UTC);
    long[] mayImp = new long[31 * 24];
    mayImp[0] = 100_000_000L;
    long[] juneImp = new long[30 * 24];
    juneImp[0] = 100_000_000L;
    ReferenceRater.Result rm = ReferenceRater.rate(t, may, H, mayImp, new long[31 * 24], State.initial());
    ReferenceRater.Result rj = ReferenceRater.rate(t, june, H, juneImp, new long[30 * 24], rm.next());
    assertThat(rm.next().minimumYtd()).isZero();
    assertThat(rj.next().minimumYtd()).isEqualByComparingTo("10.00");
    assertThat(rj.total()).isEqualByComparingTo("10.00");
    RatedBill engineMay = rate(t, may, mayImp, new long[31 * 24], BillingState.initial());
    RatedBill engineJune = rate(t, june, juneImp, new long[30 * 24], engineMay.nextState());
    assertThat(engineMay.nextState().minimumYearToDate()).isZero();
    assertThat(engineJune.nextState().minimumYearToDate()).isEqualByComparingTo("10.00");
    assertThat(engineJune.bill().total().getAmount()).isEqualByComparingTo("10.00");
  }
}
