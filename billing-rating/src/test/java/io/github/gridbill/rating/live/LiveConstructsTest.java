package io.github.gridbill.rating.live;

import static io.github.gridbill.rating.live.LiveFixtures.GRID;
import static io.github.gridbill.rating.live.LiveFixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.ExportRate;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.PriceSeries;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TierAllocation;
import io.github.gridbill.core.tariff.TierCounter;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.RatedBill;
import io.github.gridbill.rating.Rater;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Constructs the random tariffs do not reach, or reach rarely, live against batch: prices with more than nine decimals
 * (summed as exact decimals, not nano-units), export credits at the tier sell rates of chronological tiers, and a
 * chronological counter through the periods a charge does not price.
 */
class LiveConstructsTest {

  /** A household with solar: import in the evening, export at midday, seeded. */
  private static IntervalSeries solarHome(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] imp = new long[GRID.count()];
    long[] exp = new long[GRID.count()];
    for (int i = 0; i < imp.length; i++) {
      int h = i % 24;
      if (h >= 10 && h < 15) {
        exp[i] = 500_000L + r.nextInt(2_500_000);
        imp[i] = r.nextInt(300_000);
      } else {
        imp[i] = 200_000L + r.nextInt(h >= 17 && h < 21 ? 4_000_000 : 1_200_000);
      }
    }
    return IntervalSeries.builder("M-1", GRID).imports(imp).exports(exp).build();
  }

  private static RatedBill live(Tariff t, IntervalSeries s, int lateness, long seed) {
    LiveAccount a = LiveFixtures.rater(t, lateness).open("M-1", AccountSetup.builder().generation(true).build());
    LiveEqualsBatchProperties.Arrival arr = new LiveEqualsBatchProperties.Arrival(seed, lateness, 10, 5, 30, 0, 0);
    LiveEqualsBatchProperties.feed(a, s, arr, new SplittableRandom(seed));
    return a.billToDate().ratedBill();
  }

  @Test
  void pricesWithMoreThanNineDecimalsAreSummedExactly() {
    SplittableRandom r = new SplittableRandom(7);
    List<BigDecimal> buy = new ArrayList<>();
    List<BigDecimal> sell = new ArrayList<>();
    for (int i = 0; i < GRID.count(); i++) {
      buy.add(BigDecimal.valueOf(500_000_000_000L + r.nextInt(1_000_000_000), 13)); // 0.05… with 13 decimals
      sell.add(BigDecimal.valueOf(200_000_000_000L + r.nextInt(1_000_000_000), 13));
    }
    Tariff t = LiveFixtures.tariff(v -> v.addEnergyCharge(EnergyCharge.builder().id("rtp").description("Real time")
            .addPeriod(PeriodTiers.flat(0, BigDecimal.ZERO))
            .priceSeries(PriceSeries.builder().start(GRID.start()).intervalLength(LiveFixtures.H).prices(buy).build())
            .build())
        .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_BILLING).exportRate(ExportRate.timeSeries(
            PriceSeries.builder().start(GRID.start()).intervalLength(LiveFixtures.H).prices(sell).build())).build()));
    IntervalSeries s = solarHome(3);
    RatedBill batch = Rater.create().rate(LiveFixtures.plan(t), s);
    assertThat(batch.bill().lines()).extracting(l -> l.exactAmount().scale()).allMatch(sc -> sc >= 19);
    RatedBill live = live(t, s, 5, 11);
    LiveEqualsBatchProperties.assertEqual(live, batch);
  }

  @Test
  void exportsCreditedAtTheSellRatesOfChronologicalTiers() {
    int[][] m = new int[12][24];
    for (int[] row : m) {
      for (int h = 17; h < 21; h++) {
        row[h] = 1;
      }
    }
    TouSchedule s = TouSchedule.fromMonthHourMatrices("tou", List.of("off-peak", "peak"), m, m,
        DayCalendar.standard());
    EnergyCharge chrono = EnergyCharge.builder().id("energy").description("Energy").schedule(s)
        .counter(TierCounter.ALL_PERIODS).allocation(TierAllocation.CHRONOLOGICAL)
        .addPeriod(PeriodTiers.of(0, List.of(Tier.builder().upTo(d("40")).rate(d("0.10")).sellRate(d("0.04")).build(),
            Tier.builder().rate(d("0.14")).sellRate(d("0.03")).build())))
        .addPeriod(PeriodTiers.of(1, List.of(Tier.builder().upTo(d("40")).rate(d("0.30")).sellRate(d("0.07")).build(),
            Tier.builder().rate(d("0.36")).sellRate(d("0.05")).build())))
        .build();
    for (NetMeteringMode mode : List.of(NetMeteringMode.NET_BILLING, NetMeteringMode.BUY_ALL_SELL_ALL)) {
      Tariff t = LiveFixtures.tariff(v -> v.addEnergyCharge(chrono).netMetering(NetMeteringRule.builder().mode(mode)
          .exportRate(ExportRate.tierSellRates()).build()));
      IntervalSeries series = solarHome(5);
      RatedBill batch = Rater.create().rate(LiveFixtures.plan(t), series);
      assertThat(batch.bill().lines()).as("%s: credits in both tiers", mode)
          .filteredOn(l -> l.kind() == LineKind.EXPORT_CREDIT).extracting(l -> l.tier().orElse(0))
          .contains(1, 2);
      for (int lateness : new int[] {0, 3, 9}) {
        LiveEqualsBatchProperties.assertEqual(live(t, series, lateness, lateness * 31L + mode.name().length()), batch);
      }
    }
  }

  /**
   * A chronological counter moves through the intervals of a period the charge does not price (RATING.md: "the bill
   * total ... counts every period of the charge's schedule, priced by the charge or not"), live as in the batch, for
   * imports and for exports at the tier sell rates. The charge prices only "peak" (17:00–21:00): 10 kWh at 0.10 (sell
   * 0.04), the rest at 0.30 (sell 0.02). Imports: 8 kWh at 03:00 move the counter to 8, 8 kWh at 18:00 are 2 × 0.10 +
   * 6 × 0.30 = 2.00. Exports: 8 kWh at 12:00 the next day, then 8 kWh at 19:00: 2 × 0.04 + 6 × 0.02 = 0.20 of credit.
   * The live counter skipped the off-peak intervals (0.80 and 0.32).
   */
  @Test
  void chronologicalCounterMovesThroughUnpricedPeriods() {
    int[][] m = new int[12][24];
    for (int[] row : m) {
      for (int h = 17; h < 21; h++) {
        row[h] = 1;
      }
    }
    TouSchedule s = TouSchedule.fromMonthHourMatrices("tou", List.of("off-peak", "peak"), m, m,
        DayCalendar.standard());
    EnergyCharge onlyPeak = EnergyCharge.builder().id("energy").description("Energy").schedule(s)
        .counter(TierCounter.ALL_PERIODS).allocation(TierAllocation.CHRONOLOGICAL)
        .addPeriod(PeriodTiers.of(1, List.of(Tier.builder().upTo(d("10")).rate(d("0.10")).sellRate(d("0.04")).build(),
            Tier.builder().rate(d("0.30")).sellRate(d("0.02")).build())))
        .build();
    Tariff t = LiveFixtures.tariff(v -> v.addEnergyCharge(onlyPeak).netMetering(NetMeteringRule.builder()
        .mode(NetMeteringMode.NET_BILLING).exportRate(ExportRate.tierSellRates()).build()));
    long[] imp = new long[GRID.count()];
    long[] exp = new long[GRID.count()];
    imp[3] = 8 * LiveFixtures.KWH;
    imp[18] = 8 * LiveFixtures.KWH;
    exp[24 + 12] = 8 * LiveFixtures.KWH;
    exp[24 + 19] = 8 * LiveFixtures.KWH;
    IntervalSeries series = IntervalSeries.builder("M-1", GRID).imports(imp).exports(exp).build();
    RatedBill batch = Rater.create().rate(LiveFixtures.plan(t), series);
    assertThat(batch.bill().lines()).extracting(l -> l.kind() + " " + l.amount().getAmount().toPlainString())
        .containsExactly("ENERGY 0.20", "ENERGY 1.80", "EXPORT_CREDIT -0.08", "EXPORT_CREDIT -0.12");
    for (int lateness : new int[] {0, 2, 30}) {
      LiveEqualsBatchProperties.assertEqual(live(t, series, lateness, 17L + lateness), batch);
    }
  }
}
