package io.github.gridbill.rating.live;

import static io.github.gridbill.rating.live.LiveFixtures.H;
import static io.github.gridbill.rating.live.LiveFixtures.KWH;
import static io.github.gridbill.rating.live.LiveFixtures.UTC;
import static io.github.gridbill.rating.live.LiveFixtures.firstFourDays;
import static io.github.gridbill.rating.live.LiveFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.rating.Bill;
import io.github.gridbill.rating.BillLine;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Projections with hand-computed numbers. The tariff: block tiers 0–100 kWh at 0.10 and above at 0.20, demand 5.00
 * per kW; the cycle 1–10 July 2024, hourly. Four days have arrived: 95 hours at 1 kWh and one at 4.84 kWh, 99.84 kWh.
 */
class ProjectionTest {

  /** The bill's lines as "KIND tier quantity unit = amount", for readable assertions. */
  static List<String> shown(Bill bill) {
    List<String> out = new ArrayList<>();
    for (BillLine l : bill.lines()) {
      out.add(l.kind() + l.tier().map(t -> " tier " + t).orElse("") + " "
          + l.quantity().map(q -> q.value().stripTrailingZeros().toPlainString() + " " + q.unit().symbol())
              .orElse("") + " = " + l.amount().getAmount().toPlainString());
    }
    return out;
  }

  @Test
  void billToDateAfterFourDays() {
    LiveAccount a = LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 0).open("M-1");
    firstFourDays(a);
    BillToDate b = a.billToDate();
    // 99.84 kWh × 0.10 = 9.984; peak 4.84 kW × 5.00 = 24.20
    assertThat(shown(b.bill())).containsExactly("ENERGY tier 1 99.84 kWh = 9.98", "DEMAND 4.84 kW = 24.20");
    assertThat(b.bill().total()).isEqualTo(usd("34.18"));
    assertThat(b.daysElapsed()).isEqualTo(4);
    assertThat(b.daysLeft()).isEqualTo(6);
    assertThat(b.asOf()).isEqualTo(LocalDate.of(2024, 7, 5).atStartOfDay(UTC).toInstant());
    assertThat(b.intervalsReceived()).isEqualTo(96);
    assertThat(b.isComplete()).isFalse();
  }

  @Test
  void runRateFillsTheRestWithTheAverageAndReRatesTheTiers() {
    LiveAccount a = LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 0).open("M-1");
    firstFourDays(a);
    Projection p = a.project(ProjectionMethod.RUN_RATE);
    // 144 hours left at the average 99.84 / 96 = 1.04 kWh = 149.76 kWh; 249.60 kWh in all:
    // 100 × 0.10 = 10.00 + 149.60 × 0.20 = 29.92; the peak stays 4.84 kW: 24.20. Total 64.12
    // (scaling the bill-to-date linearly would give 34.18 × 10 / 4 = 85.45)
    assertThat(shown(p.bill())).containsExactly("ENERGY tier 1 100 kWh = 10.00",
        "ENERGY tier 2 149.6 kWh = 29.92", "DEMAND 4.84 kW = 24.20");
    assertThat(p.total()).isEqualTo(usd("64.12"));
    assertThat(p.method()).isEqualTo(ProjectionMethod.RUN_RATE);
    assertThat(p.intervalsProjected()).isEqualTo(144);
    assertThat(p.fallbackIntervals()).isZero();
    assertThat(p.daysElapsed()).isEqualTo(4);
    assertThat(p.daysLeft()).isEqualTo(6);
    // the account is unaffected
    assertThat(a.billToDate().bill().total()).isEqualTo(usd("34.18"));
  }

  @Test
  void runRateIsPerTouPeriod() {
    // peak 12:00–18:00 at 0.30, off-peak at 0.10: peak hours so far 2 kWh, off-peak 0.5 kWh
    TouSchedule s = TouSchedule.fromMonthHourMatrices("tou", List.of("off-peak", "peak"), matrix(), matrix(),
        DayCalendar.standard());
    Tariff t = LiveFixtures.tariff(v -> v.addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy")
        .schedule(s).addPeriod(PeriodTiers.flat(0, LiveFixtures.d("0.10")))
        .addPeriod(PeriodTiers.flat(1, LiveFixtures.d("0.30"))).build()));
    LiveAccount a = LiveFixtures.rater(t, 0).open("M-1");
    for (int i = 0; i < 48; i++) {
      int h = i % 24;
      a.ingest(i, h >= 12 && h < 18 ? 2 * KWH : KWH / 2, 0);
    }
    Projection p = a.project(ProjectionMethod.RUN_RATE);
    // 10 days × 6 peak hours × 2 kWh = 120 kWh × 0.30 = 36.00; 10 × 18 × 0.5 = 90 kWh × 0.10 = 9.00
    assertThat(shown(p.bill())).containsExactly("ENERGY 90 kWh = 9.00", "ENERGY 120 kWh = 36.00");
  }

  private static int[][] matrix() {
    int[][] m = new int[12][24];
    for (int[] row : m) {
      for (int h = 12; h < 18; h++) {
        row[h] = 1;
      }
    }
    return m;
  }

  /** The previous cycle, 21 June to 1 July: 2 kWh every hour, 6 kWh at 27 June 15:00. */
  static LikeDayHistory lastCycle() {
    IntervalGrid g = IntervalGrid.forPeriod(io.github.gridbill.core.time.BillingPeriod.of(LocalDate.of(2024, 6, 21),
        LocalDate.of(2024, 7, 1), UTC), H);
    int spike = g.indexOf(LocalDate.of(2024, 6, 27).atTime(15, 0).atZone(UTC).toInstant());
    return LikeDayHistory.of(LiveFixtures.series(g, i -> i == spike ? 6 * KWH : 2 * KWH), Period.ofDays(10));
  }

  @Test
  void likeDayTakesTheSameHoursLastCycleAndReRatesDemandOnTheirPeak() {
    LiveAccount a = LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 0).open("M-1",
        AccountSetup.builder().likeDayHistory(lastCycle()).build());
    firstFourDays(a);
    Projection p = a.project();
    // 5–10 July are like 25–30 June: 143 hours at 2 kWh and 27 June 15:00 (→ 7 July 15:00) at 6 kWh = 292 kWh;
    // 99.84 + 292 = 391.84 kWh: 100 × 0.10 = 10.00 + 291.84 × 0.20 = 58.368; peak 6 kW × 5.00 = 30.00
    assertThat(p.method()).isEqualTo(ProjectionMethod.LIKE_DAY);
    assertThat(shown(p.bill())).containsExactly("ENERGY tier 1 100 kWh = 10.00",
        "ENERGY tier 2 291.84 kWh = 58.37", "DEMAND 6 kW = 30.00");
    assertThat(p.total()).isEqualTo(usd("98.37"));
    assertThat(p.bill().peakDemand()).isEqualTo(Power.ofWatts(6000));
    assertThat(p.intervalsProjected()).isEqualTo(144);
    assertThat(p.fallbackIntervals()).isZero();
  }

  @Test
  void likeDayFallsBackToTheRunRateWhereTheHistoryEnds() {
    // history 21–28 June only: 5–7 July are like 25–27 June, 8–10 July (72 hours) fall back to 1.04 kWh
    IntervalGrid g = IntervalGrid.forPeriod(io.github.gridbill.core.time.BillingPeriod.of(LocalDate.of(2024, 6, 21),
        LocalDate.of(2024, 6, 28), UTC), H);
    LiveAccount a = LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 0).open("M-1", AccountSetup.builder()
        .likeDayHistory(LikeDayHistory.of(LiveFixtures.series(g, i -> 2 * KWH), Period.ofDays(10))).build());
    firstFourDays(a);
    Projection p = a.project(ProjectionMethod.LIKE_DAY);
    assertThat(p.fallbackIntervals()).isEqualTo(72);
    // 99.84 + 72 × 2 + 72 × 1.04 = 99.84 + 144 + 74.88 = 318.72 kWh: 10.00 + 218.72 × 0.20 = 43.744 → 43.74;
    // peak 4.84 kW: 24.20
    assertThat(shown(p.bill())).containsExactly("ENERGY tier 1 100 kWh = 10.00",
        "ENERGY tier 2 218.72 kWh = 43.74", "DEMAND 4.84 kW = 24.20");
  }

  @Test
  void intervalsStillInTheLatenessWindowAreProjectedAndGapsBehindItAreNot() {
    // lateness 2 h: hour 10 arrives; hours 8 and 9 may still come and are projected, hours 0–7 are closed gaps
    LiveAccount a = LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 2).open("M-1");
    a.ingest(10, 3 * KWH, 0);
    Projection p = a.project(ProjectionMethod.RUN_RATE);
    assertThat(p.intervalsProjected()).isEqualTo(240 - 8 - 1);
    // 231 + 1 = 232 hours at 3 kWh = 696 kWh: 10.00 + 596 × 0.20 = 119.20; peak 3 kW: 15.00
    assertThat(p.total()).isEqualTo(usd("144.20"));
  }

  @Test
  void runRateWithNothingReceivedProjectsZeroUsage() {
    LiveAccount a = LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 0).open("M-1");
    Projection p = a.project();
    assertThat(p.method()).isEqualTo(ProjectionMethod.RUN_RATE);
    assertThat(p.intervalsProjected()).isEqualTo(240);
    assertThat(p.total()).isEqualTo(usd("0.00"));
    assertThat(p.daysElapsed()).isZero();
    assertThat(p.daysLeft()).isEqualTo(10);
    assertThat(p.bill().lines()).allMatch(l -> l.kind() == LineKind.ENERGY || l.kind() == LineKind.DEMAND);
  }

  @Test
  void likeDayWithoutHistoryIsRefused() {
    LiveAccount a = LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 0).open("M-1");
    assertThatThrownBy(() -> a.project(ProjectionMethod.LIKE_DAY)).isExactlyInstanceOf(ValidationException.class)
        .hasMessage("method needs a like-day history in the account's setup: LIKE_DAY");
  }

  @Test
  void aCompleteCycleProjectsItsOwnBill() {
    LiveAccount a = LiveFixtures.rater(LiveFixtures.tiersAndDemand(), 0).open("M-1",
        AccountSetup.builder().likeDayHistory(lastCycle()).build());
    for (int i = 0; i < 240; i++) {
      a.ingest(i, KWH, 0);
    }
    assertThat(a.project().bill()).isEqualTo(a.billToDate().bill());
    assertThat(a.project().intervalsProjected()).isZero();
  }
}
