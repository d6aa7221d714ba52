package io.github.gridbill.rating.vee;

import static io.github.gridbill.rating.vee.VeeFixtures.HOUR;
import static io.github.gridbill.rating.vee.VeeFixtures.UTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.gridbill.core.CurrencyMismatchException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.invoice.InvoiceLine;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.quantity.Unit;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.FixedCharge;
import io.github.gridbill.core.tariff.FixedChargeBasis;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.TaxRule;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.rating.Bill;
import io.github.gridbill.rating.BillLine;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.Rater;
import io.github.gridbill.rating.RatingPlan;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Billing with quality and cancel/rebill: estimated intervals on the bill, then the corrected bill and the note. */
class RebillTest {
  private static final BillingPeriod JUNE = BillingPeriod.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 7, 1), UTC);
  private static final IntervalGrid GRID = IntervalGrid.forPeriod(JUNE, IntervalLength.SIXTY_MINUTES);
  /** 2024-06-10 08:00 to 18:00: the ten hours the head-end did not deliver in time. */
  private static final int GAP_FROM = 9 * 24 + 8;
  private static final int GAP_TO = GAP_FROM + 10;

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  /** The domain's block tiers (0–100 kWh at 0.10, 100–300 at 0.15, above at 0.20) and a 10 % tax. */
  static Tariff tariff(CurrencyUnit currency) {
    return Tariff.builder().id("T").name("Tiers and tax").currency(currency).zone(UTC)
        .addVersion(TariffVersion.builder().effectiveFrom(LocalDate.of(2000, 1, 1))
            .addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy")
                .addPeriod(PeriodTiers.of(0, List.of(Tier.upTo(d("100"), d("0.10")), Tier.upTo(d("300"), d("0.15")),
                    Tier.unbounded(d("0.20")))))
                .build())
            .addTax(TaxRule.onAll("tax", "Tax", d("10")))
            .build())
        .build();
  }

  /** June's readings: 0.6 kWh an hour, 1.6 kWh in the gap (air conditioning); the gap left out unless asked. */
  private static List<RawReading> june(boolean withGap) {
    List<RawReading> r = new ArrayList<>();
    for (int i = 0; i < GRID.count(); i++) {
      boolean gap = i >= GAP_FROM && i < GAP_TO;
      if (!gap || withGap) {
        r.add(RawReading.of(GRID.intervalStart(i), HOUR, gap ? 1_600_000 : 600_000));
      }
    }
    return r;
  }

  private static final Vee VEE = Vee.builder(UTC).plan(EstimationPlan.of(List.of(
      EstimationStep.linearInterpolation(Duration.ofHours(12))))).build();

  @Test
  void aBillOnEstimatedIntervalsSaysHowManyAndByWhichMethod() {
    IntervalSeries estimated = VEE.run("M-1", june(false), GRID, VeeContext.empty()).series();
    Bill bill = Rater.create().rate(RatingPlan.compile(tariff(CurrencyUnit.USD), JUNE, IntervalLength.SIXTY_MINUTES),
        estimated).bill();
    assertThat(bill.estimatedIntervals()).isEqualTo(10);
    assertThat(bill.total()).isEqualTo(Money.parse("USD 73.04"));
    BillLine tier3 = bill.lines().get(2);
    assertThat(tier3.estimatedIntervals()).isEqualTo(10);
    assertThat(tier3.estimationMethods()).containsExactly(EstimationMethod.LINEAR_INTERPOLATION);
    assertThat(bill.explain())
        .contains("10 of 720 intervals were not actual readings (estimated by a declared rule: linear interpolation)")
        .contains("[energy; 10 estimated intervals (linear interpolation)]");
  }

  @Test
  void lateActualsReplaceTheEstimatesAndTheRebillCarriesTheDifference() {
    RatingPlan plan = RatingPlan.compile(tariff(CurrencyUnit.USD), JUNE, IntervalLength.SIXTY_MINUTES);
    ReadingVersionStore store = ReadingVersionStore.empty("M-1", IntervalLength.SIXTY_MINUTES)
        .withSeries(VEE.run("M-1", june(false), GRID, VeeContext.empty()).series(),
            Instant.parse("2024-07-01T02:00:00Z"));
    Bill original = Rater.create().rate(plan, store.series(GRID)).bill();

    store = store.withSeries(VEE.run("M-1", june(true), GRID, VeeContext.empty()).series(),
        Instant.parse("2024-07-09T02:00:00Z"));
    assertThat(store.history(GRID.intervalStart(GAP_FROM))).extracting(ReadingVersion::quality)
        .containsExactly(io.github.gridbill.rating.ReadingQuality.ESTIMATED,
            io.github.gridbill.rating.ReadingQuality.ACTUAL);
    Rebill r = Rebill.rerate(plan, store.series(GRID), BillingState.initial(), original);

    // 432 kWh billed (0.6 kWh estimated in the gap), 442 kWh actual: tier 3 goes from 132 to 142 kWh
    assertThat(r.original().total()).isEqualTo(Money.parse("USD 73.04"));
    assertThat(r.corrected().total()).isEqualTo(Money.parse("USD 75.24"));
    assertThat(r.corrected().estimatedIntervals()).isZero();
    assertThat(r.difference()).isEqualTo(Money.parse("USD 2.20"));
    assertThat(r.lines()).extracting(RebillLine::difference).containsExactly(Money.parse("USD 0.00"),
        Money.parse("USD 0.00"), Money.parse("USD 2.00"), Money.parse("USD 0.20"));
    RebillLine tier3 = r.lines().get(2);
    assertThat(tier3.originalQuantity()).contains(Quantity.of(d("132"), Unit.KWH));
    assertThat(tier3.correctedQuantity()).contains(Quantity.of(d("142"), Unit.KWH));
    assertThat(tier3.quantityDifference()).contains(Quantity.of(d("10"), Unit.KWH));
    assertThat(tier3.originalEstimatedIntervals()).isEqualTo(10);
    assertThat(tier3.originalMethods()).containsExactly(EstimationMethod.LINEAR_INTERPOLATION);
    assertThat(tier3.correctedEstimatedIntervals()).isZero();

    List<InvoiceLine> note = r.invoiceLines();
    assertThat(note).hasSize(2);
    assertThat(note.get(0)).isEqualTo(InvoiceLine.builder().kind(LineKind.ENERGY)
        .description("Correction: " + tier3.description() + " (was USD 26.40, now USD 28.40)")
        .quantity(Quantity.of(d("10"), Unit.KWH)).amount(Money.parse("USD 2.00")).source("energy")
        .addSourceRef("meter:M-1:2024-06-01/2024-07-01").build());
    assertThat(note.get(1).kind()).isEqualTo(LineKind.TAX);
    assertThat(note.get(1).amount()).isEqualTo(Money.parse("USD 0.20"));
    assertThat(r.explain()).startsWith("Rebill of meter M-1, 2024-06-01 to 2024-06-30\n"
        + "  original  USD 73.04 (10 of 720 intervals not actual: linear interpolation)\n"
        + "  corrected USD 75.24 (all 720 intervals actual)\n"
        + "  difference USD 2.20 (a debit to the customer)\n");
  }

  @Test
  void aCorrectionDownwardsIsACredit() {
    RatingPlan plan = RatingPlan.compile(tariff(CurrencyUnit.USD), JUNE, IntervalLength.SIXTY_MINUTES);
    Bill high = Rater.create().rate(plan, VEE.run("M-1", june(true), GRID, VeeContext.empty()).series()).bill();
    Bill low = Rater.create().rate(plan, VEE.run("M-1", june(false), GRID, VeeContext.empty()).series()).bill();
    Rebill r = Rebill.between(high, low);
    assertThat(r.difference()).isEqualTo(Money.parse("USD -2.20"));
    assertThat(r.invoiceLines()).extracting(InvoiceLine::amount).containsExactly(Money.parse("USD -2.00"),
        Money.parse("USD -0.20"));
    assertThat(r.explain()).contains("difference USD -2.20 (a credit to the customer)");
    assertThat(Rebill.between(high, high).isZero()).isTrue();
    assertThat(Rebill.between(high, high).invoiceLines()).isEmpty();
  }

  @Test
  void aLineOnOneBillOnlyIsMatchedWithNothing() {
    RatingPlan plain = RatingPlan.compile(tariff(CurrencyUnit.USD), JUNE, IntervalLength.SIXTY_MINUTES);
    Tariff withFixed = Tariff.builder().from(tariff(CurrencyUnit.USD)).versions(List.of(TariffVersion.builder()
        .from(tariff(CurrencyUnit.USD).versions().get(0)).addFixedCharge(FixedCharge.builder().id("fixed")
            .description("Service").amount(d("5")).basis(FixedChargeBasis.PER_BILL).build()).build())).build();
    IntervalSeries s = VEE.run("M-1", june(true), GRID, VeeContext.empty()).series();
    Bill a = Rater.create().rate(plain, s).bill();
    Bill b = Rater.create().rate(RatingPlan.compile(withFixed, JUNE, IntervalLength.SIXTY_MINUTES), s).bill();
    Rebill r = Rebill.between(a, b);
    assertThat(r.lines()).hasSize(b.lines().size());
    assertThat(r.lines()).filteredOn(l -> l.componentId().equals("fixed")).singleElement().satisfies(l -> {
      assertThat(l.originalAmount()).isEqualTo(Money.parse("USD 0.00"));
      assertThat(l.originalQuantity()).isEmpty();
      assertThat(l.difference()).isEqualTo(Money.parse("USD 5.00"));
    });
    assertThat(r.difference()).isEqualTo(b.total().minus(a.total()));
  }

  // ---------------------------------------------------------------------------------------------- bad input

  private static Bill bill(String meter, CurrencyUnit currency, BillingPeriod period) {
    IntervalGrid g = IntervalGrid.forPeriod(period, IntervalLength.SIXTY_MINUTES);
    return Rater.create().rate(RatingPlan.compile(tariff(currency), period, IntervalLength.SIXTY_MINUTES),
        IntervalSeries.ofImports(meter, g, new long[g.count()])).bill();
  }

  @Test
  void billsOfAnotherMeterCannotBeCompared() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> Rebill.between(bill("M-1", CurrencyUnit.USD, JUNE), bill("M-2", CurrencyUnit.USD, JUNE)))
        .withMessage("corrected.meterId must be the original bill's meter M-1: M-2");
  }

  @Test
  void billsOfAnotherPeriodCannotBeCompared() {
    BillingPeriod july = BillingPeriod.of(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 8, 1), UTC);
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> Rebill.between(bill("M-1", CurrencyUnit.USD, JUNE), bill("M-1", CurrencyUnit.USD, july)))
        .withMessage("corrected.period must be the original bill's period " + JUNE + ": " + july);
  }

  @Test
  void billsInAnotherCurrencyCannotBeCompared() {
    assertThatExceptionOfType(CurrencyMismatchException.class)
        .isThrownBy(() -> Rebill.between(bill("M-1", CurrencyUnit.USD, JUNE), bill("M-1", CurrencyUnit.EUR, JUNE)))
        .withMessage("corrected.currency must be in the currency USD: EUR 0.00");
  }

  @Test
  void reratingAnotherPeriodIsRefused() {
    BillingPeriod july = BillingPeriod.of(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 8, 1), UTC);
    RatingPlan julyPlan = RatingPlan.compile(tariff(CurrencyUnit.USD), july, IntervalLength.SIXTY_MINUTES);
    Bill juneBill = bill("M-1", CurrencyUnit.USD, JUNE);
    IntervalGrid g = IntervalGrid.forPeriod(july, IntervalLength.SIXTY_MINUTES);
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> Rebill.rerate(julyPlan, IntervalSeries.ofImports("M-1", g, new long[g.count()]),
            BillingState.initial(), juneBill))
        .withMessage("plan.period must be the original bill's period " + JUNE + ": " + july);
  }

  @Test
  void reratingAnotherMetersDataIsRefused() {
    RatingPlan plan = RatingPlan.compile(tariff(CurrencyUnit.USD), JUNE, IntervalLength.SIXTY_MINUTES);
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> Rebill.rerate(plan, IntervalSeries.ofImports("M-2", GRID, new long[GRID.count()]),
            BillingState.initial(), bill("M-1", CurrencyUnit.USD, JUNE)))
        .withMessage("corrected.meterId must be the original bill's meter M-1: M-2");
  }

  // ---------------------------------------------------------------------------------------------- property

  @Provide
  Arbitrary<long[][]> twoMonths() {
    return Arbitraries.longs().between(0, 2_000_000).array(long[].class).ofSize(72).array(long[][].class).ofSize(2);
  }

  @Property(tries = 60, edgeCases = EdgeCasesMode.MIXIN)
  void theLineDifferencesAddUpToTheTotalDifferenceToTheCent(@ForAll("twoMonths") long[][] data) {
    BillingPeriod three = BillingPeriod.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 4), UTC);
    IntervalGrid g = IntervalGrid.forPeriod(three, IntervalLength.SIXTY_MINUTES);
    Tariff t = Tariff.builder().from(tariff(CurrencyUnit.USD)).versions(List.of(TariffVersion.builder()
        .from(tariff(CurrencyUnit.USD).versions().get(0)).addFixedCharge(FixedCharge.builder().id("fixed")
            .description("Service").amount(d("5")).basis(FixedChargeBasis.PER_BILL).build()).build())).build();
    RatingPlan plan = RatingPlan.compile(t, three, IntervalLength.SIXTY_MINUTES);
    Bill a = Rater.create().rate(plan, IntervalSeries.ofImports("M-1", g, data[0])).bill();
    Bill b = Rater.create().rate(plan, IntervalSeries.ofImports("M-1", g, data[1])).bill();
    Rebill r = Rebill.between(a, b);
    Money sum = Money.zero(CurrencyUnit.USD);
    for (RebillLine l : r.lines()) {
      assertThat(l.difference()).isEqualTo(l.correctedAmount().minus(l.originalAmount()));
      sum = sum.plus(l.difference());
    }
    assertThat(sum).isEqualTo(b.total().minus(a.total())).isEqualTo(r.difference());
    Money notes = Money.zero(CurrencyUnit.USD);
    for (InvoiceLine l : r.invoiceLines()) {
      notes = notes.plus(l.amount());
    }
    assertThat(notes).isEqualTo(r.difference());
  }
}
