package io.github.gridbill.rating;

import static io.github.gridbill.rating.Fixtures.UTC;
import static io.github.gridbill.rating.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.tariff.CreditCarry;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.PriceSeries;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.TouSchedule;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every validation rule of meter data and rating: exact type and message, and nothing returned. */
class ValidationTest {
  private static final BillingPeriod DAY = BillingPeriod.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 2), UTC);
  private static final IntervalGrid HOURS = IntervalGrid.forPeriod(DAY, IntervalLength.SIXTY_MINUTES);
  private static final Instant T0 = DAY.startInstant();

  private static long[] zeros(int n) {
    return new long[n];
  }

  @Test
  void negativeImportNamesIndexAndTimestamp() {
    long[] v = zeros(24);
    v[5] = -5;
    assertThatExceptionOfType(MeterDataException.class)
        .isThrownBy(() -> IntervalSeries.ofImports("M", HOURS, v))
        .withMessage("imports[5] (2024-06-01T05:00:00Z) must not be negative: -5 mWh")
        .satisfies(e -> {
          assertThat(e.index()).isEqualTo(5);
          assertThat(e.timestamp()).contains(T0.plusSeconds(5 * 3600));
        });
  }

  @Test
  void negativeExport() {
    long[] x = zeros(24);
    x[2] = -1;
    assertThatExceptionOfType(MeterDataException.class)
        .isThrownBy(() -> IntervalSeries.builder("M", HOURS).imports(zeros(24)).exports(x).build())
        .withMessage("exports[2] (2024-06-01T02:00:00Z) must not be negative: -1 mWh");
  }

  @Test
  void wrongLengthForThePeriod() {
    assertThatExceptionOfType(MeterDataException.class)
        .isThrownBy(() -> IntervalSeries.ofImports("M", HOURS, zeros(23)))
        .withMessage("imports must have one value per interval of the grid (24, 24 × 60 min from "
            + "2024-06-01T00:00:00Z): 23 values");
  }

  @Test
  void valuePastTheSaneMaximum() {
    long[] v = zeros(24);
    v[0] = 2_000_000_000L;
    assertThatExceptionOfType(MeterDataException.class)
        .isThrownBy(() -> IntervalSeries.builder("M", HOURS).imports(v).maxDemand(Power.ofWatts(1_000_000)).build())
        .withMessage("imports[0] (2024-06-01T00:00:00Z) must not exceed the sane maximum of 1000000000 mWh per "
            + "interval (1000 kW): 2000000000 mWh");
  }

  @Test
  void missingIntervalMustHoldZero() {
    long[] v = zeros(24);
    v[3] = 7;
    byte[] q = new byte[24];
    q[3] = ReadingQuality.MISSING.code();
    assertThatExceptionOfType(MeterDataException.class)
        .isThrownBy(() -> IntervalSeries.builder("M", HOURS).imports(v).quality(q).build())
        .withMessage("imports[3] (2024-06-01T03:00:00Z) must be 0 for a MISSING interval: 7 mWh");
  }

  @Test
  void unsortedReadings() {
    IntervalReadings r = IntervalReadings.forMeter("M", IntervalLength.SIXTY_MINUTES)
        .add(T0.plusSeconds(7200), 1).add(T0.plusSeconds(3600), 1);
    assertThatExceptionOfType(MeterDataException.class)
        .isThrownBy(() -> r.toSeries(DAY, GapFill.zero()))
        .withMessage("readings[1] (2024-06-01T01:00:00Z) must be in time order, but come after "
            + "2024-06-01T02:00:00Z: 2024-06-01T01:00:00Z");
  }

  @Test
  void duplicateReading() {
    IntervalReadings r = IntervalReadings.forMeter("M", IntervalLength.SIXTY_MINUTES).add(T0, 1).add(T0, 2);
    assertThatExceptionOfType(MeterDataException.class)
        .isThrownBy(() -> r.toSeries(DAY, GapFill.zero()))
        .withMessage("readings[1] (2024-06-01T00:00:00Z) must not repeat an interval (duplicate reading): "
            + "2024-06-01T00:00:00Z");
  }

  @Test
  void overlappingReadingOffTheGrid() {
    IntervalReadings r = IntervalReadings.forMeter("M", IntervalLength.SIXTY_MINUTES).add(T0, 1)
        .add(T0.plusSeconds(1800), 2);
    assertThatExceptionOfType(MeterDataException.class)
        .isThrownBy(() -> r.toSeries(DAY, GapFill.zero()))
        .withMessage("readings[1] (2024-06-01T00:30:00Z) must start on the 60-minute grid from 2024-06-01T00:00:00Z "
            + "(it overlaps its neighbours): 2024-06-01T00:30:00Z");
  }

  @Test
  void readingOutsideThePeriod() {
    IntervalReadings r = IntervalReadings.forMeter("M", IntervalLength.SIXTY_MINUTES).add(T0.plusSeconds(86400), 1);
    assertThatExceptionOfType(MeterDataException.class)
        .isThrownBy(() -> r.toSeries(DAY, GapFill.zero()))
        .withMessage("readings[0] (2024-06-02T00:00:00Z) must fall inside the billing period "
            + "[2024-06-01, 2024-06-02) UTC: 2024-06-02T00:00:00Z");
  }

  @Test
  void negativeReading() {
    IntervalReadings r = IntervalReadings.forMeter("M", IntervalLength.SIXTY_MINUTES).add(T0, -3);
    assertThatExceptionOfType(MeterDataException.class)
        .isThrownBy(() -> r.toSeries(DAY, GapFill.zero()))
        .withMessage("import[0] (2024-06-01T00:00:00Z) must not be negative: -3 mWh");
  }

  @Test
  void gapsWithoutADeclaredRule() {
    IntervalReadings r = IntervalReadings.forMeter("M", IntervalLength.SIXTY_MINUTES);
    for (int h = 0; h < 24; h++) {
      if (h != 7 && h != 8) {
        r.add(T0.plusSeconds(h * 3600L), 1000);
      }
    }
    assertThatExceptionOfType(MeterDataException.class)
        .isThrownBy(() -> r.toSeries(DAY, GapFill.none()))
        .withMessage("readings[7] (2024-06-01T07:00:00Z) must have no gaps (2 intervals missing; declare a GapFill "
            + "rule to estimate them): PT2H");
  }

  @Test
  void linearGapFillIsFlaggedEstimatedAndCountedOnTheBill() {
    IntervalReadings r = IntervalReadings.forMeter("M", IntervalLength.SIXTY_MINUTES);
    for (int h = 0; h < 24; h++) {
      if (h != 7 && h != 8) {
        r.add(T0.plusSeconds(h * 3600L), h == 6 ? 1000 : h == 9 ? 4000 : 1000);
      }
    }
    IntervalSeries s = r.toSeries(DAY, GapFill.linear(Duration.ofHours(2)));
    assertThat(s.importAt(7)).isEqualTo(2000);
    assertThat(s.importAt(8)).isEqualTo(3000);
    assertThat(s.quality(7)).isEqualTo(ReadingQuality.ESTIMATED);
    assertThat(s.method(8)).isEqualTo(EstimationMethod.LINEAR_INTERPOLATION);
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.flatEnergy("0.10")));
    Bill b = Fixtures.rate(t, DAY, s);
    assertThat(b.estimatedIntervals()).isEqualTo(2);
    assertThat(b.lines().get(0).estimatedIntervals()).isEqualTo(2);
    assertThat(b.lines().get(0).estimationMethods()).containsExactly(EstimationMethod.LINEAR_INTERPOLATION);
    assertThat(b.explain()).contains("[energy; 2 estimated intervals (linear interpolation)]");
  }

  @Test
  void gapLongerThanTheRuleStaysMissingAndCannotBeRated() {
    IntervalReadings r = IntervalReadings.forMeter("M", IntervalLength.SIXTY_MINUTES);
    for (int h = 0; h < 24; h++) {
      if (h < 5 || h > 9) {
        r.add(T0.plusSeconds(h * 3600L), 1000);
      }
    }
    IntervalSeries s = r.toSeries(DAY, GapFill.linear(Duration.ofHours(1)));
    assertThat(s.count(ReadingQuality.MISSING)).isEqualTo(5);
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.flatEnergy("0.10")));
    RatingPlan plan = RatingPlan.compile(t, DAY, IntervalLength.SIXTY_MINUTES);
    assertThatExceptionOfType(MeterDataException.class)
        .isThrownBy(() -> Rater.create().rate(plan, s))
        .withMessage("quality[5] (2024-06-01T05:00:00Z) must be estimated before rating (missing intervals are "
            + "filled only by a declared estimation rule): MISSING");
  }

  @Test
  void seriesOfAnotherIntervalLength() {
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.flatEnergy("0.10")));
    RatingPlan plan = RatingPlan.compile(t, DAY, IntervalLength.FIFTEEN_MINUTES);
    assertThatExceptionOfType(MeterDataException.class)
        .isThrownBy(() -> Rater.create().rate(plan, IntervalSeries.ofImports("M", HOURS, zeros(24))))
        .withMessage("series.intervalLength must equal the plan's interval length of 15 minutes: 60 minutes");
  }

  @Test
  void seriesNotCoveringThePeriod() {
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.flatEnergy("0.10")));
    BillingPeriod twoDays = BillingPeriod.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 3), UTC);
    RatingPlan plan = RatingPlan.compile(t, twoDays, IntervalLength.SIXTY_MINUTES);
    assertThatExceptionOfType(MeterDataException.class)
        .isThrownBy(() -> Rater.create().rate(plan, IntervalSeries.ofImports("M", HOURS, zeros(24))))
        .withMessageStartingWith("series[24] (2024-06-02T00:00:00Z) must cover the billing period to its end "
            + "2024-06-03T00:00:00Z");
  }

  @Test
  void billsMustFollowOn() {
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.flatEnergy("0.10")));
    RatingPlan plan = RatingPlan.compile(t, DAY, IntervalLength.SIXTY_MINUTES);
    BillingState s = BillingState.builder().lastPeriodEnd(LocalDate.of(2024, 5, 15)).build();
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> Rater.create().rate(plan, IntervalSeries.ofImports("M", HOURS, zeros(24)), s))
        .withMessage("state.lastPeriodEnd must equal the billing period's start 2024-06-01 (bills must follow on; "
            + "use BillingState.initial() for a new account): 2024-05-15");
  }

  @Test
  void hourlyIntervalsStraddlingAHalfHourlyScheduleAreRefused() {
    java.util.List<Integer> halfHours = new java.util.ArrayList<>(java.util.Collections.nCopies(48, 0));
    halfHours.set(35, 1); // 17:30–18:00 is peak
    io.github.gridbill.core.time.Season all = io.github.gridbill.core.time.Season.allYear();
    TouSchedule fine = TouSchedule.builder().name("half-hourly").addPeriodNames("off", "peak").addSeason(all)
        .addProfile(io.github.gridbill.core.tariff.DayProfile.of(all.name(),
            io.github.gridbill.core.time.DayType.WEEKDAY, halfHours))
        .addProfile(io.github.gridbill.core.tariff.DayProfile.of(all.name(),
            io.github.gridbill.core.time.DayType.WEEKEND, halfHours))
        .build();
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(EnergyCharge.builder().id("energy").description("Energy")
        .schedule(fine).addPeriods(PeriodTiers.flat(0, d("5")), PeriodTiers.flat(1, d("9"))).build()));
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> RatingPlan.compile(t, DAY, IntervalLength.SIXTY_MINUTES))
        .withMessage("interval must not straddle a change of TOU period in schedule \"half-hourly\" (30-minute slots, "
            + "60-minute intervals): re-grid the meter data to 30 minutes or finer: 2024-06-01T17:00:00Z");
    // the same schedule on a 30-minute grid compiles
    assertThat(RatingPlan.compile(t, DAY, IntervalLength.THIRTY_MINUTES).runCount()).isEqualTo(3);
  }

  @Test
  void aPlanOfMoreIntervalsThanItsLimitIsRefused() {
    // 2000-01-01 to 2032-01-01: 11,688 days, 16,830,720 minutes, past 2^24 (16,777,216); it used to compile until the
    // heap ran out. The same 32 years in 15-minute intervals (1,122,048) are within it.
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.flatEnergy("0.10")));
    BillingPeriod years = BillingPeriod.of(LocalDate.of(2000, 1, 1), LocalDate.of(2032, 1, 1), UTC);
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> RatingPlan.compile(t, years, IntervalLength.ONE_MINUTE))
        .withMessage("period must hold at most 16777216 1-minute intervals for a rating plan, but holds 16830720: "
            + years);
    assertThat(RatingPlan.compile(t, years, IntervalLength.FIFTEEN_MINUTES).grid().count()).isEqualTo(1_122_048);
  }

  @Test
  void netMeteringRefusesChronologicalTiersAndTimeSeries() {
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(EnergyCharge.builder().id("energy").description("E")
        .addPeriod(PeriodTiers.flat(0, d("0.1"))).priceSeries(PriceSeries.builder().start(T0)
            .intervalLength(IntervalLength.SIXTY_MINUTES).addPrice(BigDecimal.ONE).build()).build())
        .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_METERING).carry(CreditCarry.KWH).build()));
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> RatingPlan.compile(t, DAY, IntervalLength.SIXTY_MINUTES))
        .withMessage("energy.priceSeries must be absent under NET_METERING (time-series prices need per-interval "
            + "netting: use NET_BILLING): present");
  }

  @Test
  void priceSeriesMustCoverThePeriod() {
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(EnergyCharge.builder().id("rtp").description("E")
        .addPeriod(PeriodTiers.flat(0, BigDecimal.ZERO)).priceSeries(PriceSeries.builder().start(T0)
            .intervalLength(IntervalLength.SIXTY_MINUTES).addPrice(BigDecimal.ONE).build()).build()));
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> RatingPlan.compile(t, DAY, IntervalLength.SIXTY_MINUTES))
        .withMessage("rtp.priceSeries must have a price for every interval of the billing period: "
            + "2024-06-01T01:00:00Z");
  }

  @Test
  void periodOutsideTheTariffsVersions() {
    Tariff t = Fixtures.tariff(UTC, v -> v.addEnergyCharge(Fixtures.flatEnergy("0.10")));
    BillingPeriod old = BillingPeriod.ofMonth(YearMonth.of(1999, 12), UTC);
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> RatingPlan.compile(t, old, IntervalLength.SIXTY_MINUTES))
        .withMessage("period must be covered by a version of tariff T in force: [1999-12-01, 2000-01-01) UTC");
  }

  @Test
  void registerReadsRollOver() {
    Instant t1 = T0.plusSeconds(86400 * 30L);
    assertThat(RegisterRead.consumption(RegisterRead.of("M", T0, 99_950), RegisterRead.of("M", t1, 120), 5,
        BigDecimal.ONE).toString()).isEqualTo("170 kWh");
    assertThat(RegisterRead.consumption(RegisterRead.of("M", T0, 100), RegisterRead.of("M", t1, 130), 5,
        d("40")).toString()).isEqualTo("1200 kWh");
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> RegisterRead.consumption(RegisterRead.of("M", t1, 1), RegisterRead.of("M", T0, 2), 5,
            BigDecimal.ONE))
        .withMessage("to.readAt must be after from.readAt 2024-07-01T00:00:00Z: 2024-06-01T00:00:00Z");
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> RegisterRead.of("M", T0, -1))
        .withMessage("kwh must not be negative: -1");
  }

  @Test
  void gapFillNeedsAPositiveLength() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> GapFill.linear(Duration.ZERO))
        .withMessage("maxGap must be positive: PT0S");
  }
}
