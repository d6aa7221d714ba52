package io.github.gridbill.core.tariff;

import static io.github.gridbill.core.Expect.invalid;
import static io.github.gridbill.core.Expect.thrown;
import static io.github.gridbill.core.tariff.TariffFixtures.NEW_YORK;
import static io.github.gridbill.core.tariff.TariffFixtures.SUMMER;
import static io.github.gridbill.core.tariff.TariffFixtures.USD;
import static io.github.gridbill.core.tariff.TariffFixtures.WINTER;
import static io.github.gridbill.core.tariff.TariffFixtures.bd;
import static io.github.gridbill.core.tariff.TariffFixtures.date;
import static io.github.gridbill.core.tariff.TariffFixtures.domainTiers;
import static io.github.gridbill.core.tariff.TariffFixtures.flatEnergy;
import static io.github.gridbill.core.tariff.TariffFixtures.hours;
import static io.github.gridbill.core.tariff.TariffFixtures.twoSeasonSchedule;
import static io.github.gridbill.core.tariff.TariffFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.DayType;
import io.github.gridbill.core.time.Season;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every validation rule of the tariff model: exact type and exact message, one test per rule. */
class TariffValidationTest {

  static TouSchedule.Builder scheduleBuilder() {
    return TouSchedule.builder().name("s").addPeriodNames("off", "on");
  }

  static List<Integer> flat24() {
    return hours(0, 0, 0, 0);
  }

  @Nested
  class Ids {
    static final String MESSAGE =
        "id must be letters, digits, '.', '_' or '-', starting with a letter or digit: \"energy tou\"";

    List<ThrowingCallable> everyComponentType() {
      PeriodTiers p = PeriodTiers.flat(0, bd("1"));
      String bad = "energy tou";
      return List.of(
          () -> FixedCharge.of(bad, "d", bd("1"), FixedChargeBasis.PER_BILL),
          () -> EnergyCharge.builder().id(bad).description("d").addPeriod(p).build(),
          () -> DemandCharge.builder().id(bad).description("d").addPeriod(p).build(),
          () -> Rider.builder().id(bad).description("d").kind(RiderKind.PER_KWH).rate(bd("1")).build(),
          () -> TaxRule.onAll(bad, "d", bd("1")),
          () -> MinimumCharge.builder().id(bad).build(),
          () -> DemandResponseProgram.builder().id(bad).description("d").incentiveRate(bd("1")).build());
    }

    @Test
    void component_id_must_be_letters_digits_dot_underscore_dash() {
      for (ThrowingCallable c : everyComponentType()) {
        invalid(MESSAGE, c);
      }
    }

    @Test
    void component_id_must_start_with_a_letter_or_digit() {
      invalid("id must be letters, digits, '.', '_' or '-', starting with a letter or digit: \"-energy\"",
          () -> FixedCharge.of("-energy", "d", bd("1"), FixedChargeBasis.PER_BILL));
      invalid("id must be letters, digits, '.', '_' or '-', starting with a letter or digit: \"\"",
          () -> FixedCharge.of("", "d", bd("1"), FixedChargeBasis.PER_BILL));
      assertThat(FixedCharge.of("a.b_c-9", "d", bd("1"), FixedChargeBasis.PER_BILL).id()).isEqualTo("a.b_c-9");
    }
  }

  @Nested
  class Tiers {
    @Test
    void bound_must_be_positive() {
      invalid("upTo must be positive: 0", () -> Tier.upTo(BigDecimal.ZERO, bd("0.10")));
    }

    @Test
    void negative_bound_is_refused() {
      invalid("upTo must be positive: -5", () -> Tier.upToKw(bd("-5"), bd("1")));
    }

    @Test
    void copy_methods_validate_too() {
      Tier t = Tier.upTo(bd("100"), bd("0.10"));
      invalid("upTo must be positive: 0.0", () -> t.withUpTo(bd("0.0")));
      assertThat(t.upTo()).contains(bd("100"));
    }

    @Test
    void period_must_not_be_negative() {
      invalid("period must not be negative: -1", () -> PeriodTiers.flat(-1, bd("0.10")));
    }

    @Test
    void tiers_must_not_be_empty() {
      invalid("periods[0].tiers must not be empty: []", () -> PeriodTiers.of(0, List.of()));
    }

    @Test
    void only_the_last_tier_may_be_unbounded() {
      invalid("periods[2].tiers[0].upTo must be bounded unless it is the last tier: unbounded",
          () -> PeriodTiers.of(2, List.of(Tier.unbounded(bd("0.10")), Tier.upTo(bd("100"), bd("0.20")))));
    }

    @Test
    void bounds_must_increase() {
      invalid("periods[0].tiers[1].upTo must be greater than the previous tier's bound 300: 100",
          () -> PeriodTiers.of(0, List.of(Tier.upTo(bd("300"), bd("0.10")), Tier.upTo(bd("100"), bd("0.20")))));
    }

    @Test
    void equal_bounds_are_refused() {
      invalid("periods[0].tiers[1].upTo must be greater than the previous tier's bound 100: 100.0",
          () -> PeriodTiers.of(0, List.of(Tier.upTo(bd("100"), bd("0.10")), Tier.upTo(bd("100.0"), bd("0.20")))));
    }
  }

  @Nested
  class DayProfiles {
    @Test
    void slot_count_must_be_a_supported_resolution() {
      invalid("profiles[summer/WEEKDAY].slots must have 24, 48, 96, 288 or 1440 entries: 23",
          () -> DayProfile.of("summer", DayType.WEEKDAY, Collections.nCopies(23, 0)));
    }

    @Test
    void a_divisor_of_a_day_that_is_not_supported_is_refused() {
      invalid("profiles[summer/WEEKDAY].slots must have 24, 48, 96, 288 or 1440 entries: 144",
          () -> DayProfile.of("summer", DayType.WEEKDAY, Collections.nCopies(144, 0)));
    }

    @Test
    void empty_profile_is_refused() {
      invalid("profiles[summer/HOLIDAY].slots must have 24, 48, 96, 288 or 1440 entries: 0",
          () -> DayProfile.of("summer", DayType.HOLIDAY, List.of()));
    }

    @Test
    void slot_must_not_be_negative() {
      List<Integer> slots = new ArrayList<>(flat24());
      slots.set(5, -1);
      invalid("profiles[summer/WEEKDAY].slots[5] must not be negative: -1",
          () -> DayProfile.of("summer", DayType.WEEKDAY, slots));
    }
  }

  @Nested
  class Schedules {
    @Test
    void period_names_must_not_be_empty() {
      Season all = Season.allYear();
      invalid("periodNames must not be empty: []", () -> TouSchedule.builder().name("s").addSeason(all)
          .addProfile(DayProfile.of(all.name(), DayType.WEEKDAY, flat24()))
          .addProfile(DayProfile.of(all.name(), DayType.WEEKEND, flat24())).build());
    }

    @Test
    void seasons_must_not_be_empty() {
      invalid("seasons must not be empty: []", () -> scheduleBuilder().build());
    }

    @Test
    void seasons_must_cover_every_day() {
      invalid("seasons must cover every day of the year: --10-01", () -> scheduleBuilder().addSeason(SUMMER)
          .addSeason(Season.of("spring", MonthDay.of(1, 1), MonthDay.of(5, 31)))
          .addSeason(Season.of("late", MonthDay.of(10, 2), MonthDay.of(12, 31)))
          .build());
    }

    @Test
    void seasons_must_cover_29_february() {
      invalid("seasons must cover every day of the year: --02-29", () -> scheduleBuilder()
          .addSeason(Season.of("a", MonthDay.of(3, 1), MonthDay.of(2, 28)))
          .build());
    }

    @Test
    void seasons_must_not_overlap() {
      invalid("seasons must not overlap, but 2 seasons contain: --06-01", () -> scheduleBuilder()
          .addSeason(Season.of("winter", MonthDay.of(10, 1), MonthDay.of(6, 1))).addSeason(SUMMER).build());
    }

    @Test
    void every_season_needs_weekday_and_weekend_profiles() {
      invalid("profiles must include every season's WEEKDAY and WEEKEND: summer/WEEKEND", () -> scheduleBuilder()
          .addSeasons(SUMMER, WINTER)
          .addProfile(DayProfile.of("summer", DayType.WEEKDAY, flat24()))
          .addProfile(DayProfile.of("summer", DayType.HOLIDAY, flat24()))
          .addProfile(DayProfile.of("winter", DayType.WEEKDAY, flat24()))
          .addProfile(DayProfile.of("winter", DayType.WEEKEND, flat24()))
          .build());
    }

    @Test
    void a_season_and_day_type_must_not_repeat() {
      Season all = Season.allYear();
      invalid("profiles[2] must not repeat a season and day type: all year/WEEKDAY", () -> scheduleBuilder()
          .addSeason(all)
          .addProfile(DayProfile.of(all.name(), DayType.WEEKDAY, flat24()))
          .addProfile(DayProfile.of(all.name(), DayType.WEEKEND, flat24()))
          .addProfile(DayProfile.of(all.name(), DayType.WEEKDAY, hours(0, 17, 20, 1)))
          .build());
    }

    @Test
    void a_profile_must_name_a_season_of_the_schedule() {
      Season all = Season.allYear();
      invalid("profiles[autumn/HOLIDAY].season must name a season of the schedule: autumn", () -> scheduleBuilder()
          .addSeason(all)
          .addProfile(DayProfile.of(all.name(), DayType.WEEKDAY, flat24()))
          .addProfile(DayProfile.of(all.name(), DayType.WEEKEND, flat24()))
          .addProfile(DayProfile.of("autumn", DayType.HOLIDAY, flat24()))
          .build());
    }

    @Test
    void a_slot_must_name_a_period_of_the_schedule() {
      Season all = Season.allYear();
      invalid("profiles[all year/WEEKDAY].slots[17] must name a period 0 to 1: 2", () -> scheduleBuilder()
          .addSeason(all)
          .addProfile(DayProfile.of(all.name(), DayType.WEEKDAY, hours(0, 17, 18, 2)))
          .addProfile(DayProfile.of(all.name(), DayType.WEEKEND, flat24()))
          .build());
    }

    int[][] matrix(int rows, int cols) {
      return new int[rows][cols];
    }

    @Test
    void month_hour_matrix_needs_12_rows() {
      invalid("weekday must have 12 rows (months): 11 rows", () -> TouSchedule.fromMonthHourMatrices("m",
          List.of("p"), matrix(11, 24), matrix(12, 24), DayCalendar.standard()));
    }

    @Test
    void month_hour_matrix_needs_24_entries_a_row() {
      int[][] weekend = matrix(12, 24);
      weekend[3] = new int[23];
      invalid("weekend[3] must have 24 entries (hours): 23 entries", () -> TouSchedule.fromMonthHourMatrices("m",
          List.of("p"), matrix(12, 24), weekend, DayCalendar.standard()));
    }

    @Test
    void month_hour_matrix_must_name_known_periods() {
      int[][] weekday = matrix(12, 24);
      weekday[0][5] = 3;
      invalid("profiles[Jan/WEEKDAY].slots[5] must name a period 0 to 2: 3", () -> TouSchedule.fromMonthHourMatrices(
          "m", List.of("a", "b", "c"), weekday, matrix(12, 24), DayCalendar.standard()));
    }

    @Test
    void month_hour_matrix_must_not_hold_negative_periods() {
      int[][] weekend = matrix(12, 24);
      weekend[11][23] = -1;
      invalid("profiles[Dec/WEEKEND].slots[23] must not be negative: -1", () -> TouSchedule.fromMonthHourMatrices(
          "m", List.of("a"), matrix(12, 24), weekend, DayCalendar.standard()));
    }
  }

  @Nested
  class EnergyCharges {
    @Test
    void periods_must_not_be_empty() {
      invalid("energy.periods must not be empty: []",
          () -> EnergyCharge.builder().id("energy").description("d").build());
    }

    @Test
    void a_period_must_not_repeat() {
      invalid("energy.periods must not repeat a period: 0", () -> EnergyCharge.builder().id("energy").description("d")
          .addPeriod(PeriodTiers.flat(0, bd("1"))).addPeriod(PeriodTiers.flat(0, bd("2"))).build());
    }

    @Test
    void a_period_must_exist_in_the_schedule() {
      invalid("energy.periods[3] must name a period of the schedule, 0 to 2: 3", () -> EnergyCharge.builder()
          .id("energy").description("d").schedule(twoSeasonSchedule()).addPeriod(PeriodTiers.flat(3, bd("1")))
          .build());
    }

    @Test
    void without_a_schedule_only_period_0_exists() {
      invalid("energy.periods[1] must name a period of the schedule, 0 to 0: 1", () -> EnergyCharge.builder()
          .id("energy").description("d").addPeriod(PeriodTiers.flat(1, bd("1"))).build());
    }

    @Test
    void tiers_must_be_in_an_energy_unit() {
      invalid("energy.periods[0].tiers.unit must be an energy unit "
              + "(KWH, KWH_PER_DAY, KWH_PER_KW, KWH_PER_KW_PER_DAY): KW",
          () -> EnergyCharge.builder().id("energy").description("d")
              .addPeriod(PeriodTiers.of(0, List.of(Tier.upToKw(bd("50"), bd("1")), Tier.unbounded(bd("2"))))).build());
    }
  }

  @Nested
  class DemandCharges {
    @Test
    void periods_must_not_be_empty() {
      invalid("demand.periods must not be empty: []",
          () -> DemandCharge.builder().id("demand").description("d").build());
    }

    @Test
    void a_period_must_not_repeat() {
      invalid("demand.periods must not repeat a period: 0", () -> DemandCharge.builder().id("demand").description("d")
          .addPeriod(PeriodTiers.flat(0, bd("1"))).addPeriod(PeriodTiers.flat(0, bd("2"))).build());
    }

    @Test
    void a_period_must_exist_in_the_schedule() {
      invalid("demand.periods[1] must name a period of the schedule, 0 to 0: 1", () -> DemandCharge.builder()
          .id("demand").description("d").addPeriod(PeriodTiers.flat(1, bd("1"))).build());
    }

    @Test
    void bounded_tiers_must_be_in_kw() {
      invalid("demand.periods[0].tiers[0].unit must be KW for a demand tier: KWH", () -> DemandCharge.builder()
          .id("demand").description("d").addPeriod(PeriodTiers.of(0, domainTiers())).build());
    }
  }

  @Nested
  class Ratchets {
    Ratchet.Builder valid() {
      return Ratchet.builder().from(Ratchet.uniform(bd("80"), 11));
    }

    @Test
    void twelve_percentages() {
      invalid("ratchet.percentByMonth must have 12 entries: 11 entries",
          () -> valid().percentByMonth(Collections.nCopies(11, bd("80"))).build());
    }

    @Test
    void twelve_peak_flags() {
      invalid("ratchet.includeCurrentPeakByMonth must have 12 entries: 0 entries",
          () -> valid().includeCurrentPeakByMonth(List.of()).build());
    }

    @Test
    void percentage_not_negative() {
      List<BigDecimal> p = new ArrayList<>(Collections.nCopies(12, bd("80")));
      p.set(3, bd("-1"));
      invalid("ratchet.percentByMonth[3] must be 0 to 1000: -1", () -> valid().percentByMonth(p).build());
    }

    @Test
    void percentage_at_most_1000() {
      invalid("ratchet.percentByMonth[0] must be 0 to 1000: 1000.01", () -> Ratchet.uniform(bd("1000.01"), 11));
      assertThat(Ratchet.uniform(bd("1000"), 11).percentByMonth()).hasSize(12);
    }

    @Test
    void lookback_not_negative() {
      invalid("ratchet.lookbackMonths must be 0 to 36: -1", () -> Ratchet.uniform(bd("80"), -1));
      assertThat(Ratchet.uniform(bd("80"), 0).lookbackMonths()).isZero();
    }

    @Test
    void lookback_at_most_36() {
      invalid("ratchet.lookbackMonths must be 0 to 36: 37", () -> Ratchet.uniform(bd("80"), 37));
    }

    @Test
    void minimum_not_negative() {
      invalid("ratchet.minimumKw must not be negative: -1", () -> valid().minimumKw(bd("-1")).build());
    }
  }

  @Nested
  class ExportRates {
    @Test
    void flat_needs_a_rate() {
      invalid("exportRate.flatRate must be present for a FLAT export rate: null",
          () -> ExportRate.builder().kind(ExportRateKind.FLAT).build());
    }

    @Test
    void per_period_needs_a_schedule() {
      invalid("exportRate.schedule must be present for a PER_PERIOD export rate: null",
          () -> ExportRate.builder().kind(ExportRateKind.PER_PERIOD).addPeriodRate(bd("0.05")).build());
    }

    @Test
    void per_period_needs_one_rate_per_period() {
      invalid("exportRate.periodRates must give one rate per schedule period (3): 2 rates",
          () -> ExportRate.perPeriod(twoSeasonSchedule(), List.of(bd("0.03"), bd("0.05"))));
    }

    @Test
    void time_series_needs_a_series() {
      invalid("exportRate.series must be present for a TIME_SERIES export rate: null",
          () -> ExportRate.builder().kind(ExportRateKind.TIME_SERIES).build());
    }

    @Test
    void price_series_must_not_be_empty() {
      invalid("prices must not be empty: []", () -> PriceSeries.builder().start(Instant.parse("2024-01-01T00:00:00Z"))
          .intervalLength(io.github.gridbill.core.time.IntervalLength.FIFTEEN_MINUTES).build());
    }
  }

  @Nested
  class NetMetering {
    @Test
    void buy_all_sell_all_carries_nothing() {
      invalid("netMetering.carry must be NONE for BUY_ALL_SELL_ALL: KWH", () -> NetMeteringRule.builder()
          .mode(NetMeteringMode.BUY_ALL_SELL_ALL).carry(CreditCarry.KWH).build());
      invalid("netMetering.carry must be NONE for BUY_ALL_SELL_ALL: MONEY", () -> NetMeteringRule.builder()
          .mode(NetMeteringMode.BUY_ALL_SELL_ALL).carry(CreditCarry.MONEY).build());
    }

    @Test
    void net_billing_cannot_bank_kwh() {
      invalid("netMetering.carry must be NONE or MONEY for NET_BILLING: KWH", () -> NetMeteringRule.builder()
          .mode(NetMeteringMode.NET_BILLING).carry(CreditCarry.KWH).build());
    }

    @Test
    void surplus_rate_not_negative() {
      invalid("netMetering.surplusRate must not be negative: -0.01", () -> NetMeteringRule.builder()
          .mode(NetMeteringMode.NET_METERING).carry(CreditCarry.KWH).surplusRate(bd("-0.01")).build());
    }
  }

  @Nested
  class Others {
    @Test
    void minimum_monthly_not_negative() {
      invalid("minimum.monthly must not be negative: -1", () -> MinimumCharge.builder().monthly(bd("-1")).build());
    }

    @Test
    void minimum_annual_not_negative() {
      invalid("minimum.annual must not be negative: -120", () -> MinimumCharge.builder().annual(bd("-120")).build());
    }

    @Test
    void percent_rider_names_components() {
      invalid("duty.appliesTo must name components for a PERCENT rider: []", () -> Rider.builder().id("duty")
          .description("Duty").kind(RiderKind.PERCENT).rate(bd("5")).build());
    }

    @Test
    void tax_percent_not_negative() {
      invalid("cgst.percent must not be negative: -9", () -> TaxRule.onAll("cgst", "CGST", bd("-9")));
    }

    @Test
    void escalation_factor_positive() {
      invalid("escalation.annualFactor must be positive: 0", () -> Escalation.of(2024, BigDecimal.ZERO));
      invalid("escalation.annualFactor must be positive: -1.02", () -> Escalation.of(2024, bd("-1.02")));
    }

    @Test
    void incentive_rate_not_negative() {
      invalid("dr.incentiveRate must not be negative: -0.5", () -> DemandResponseProgram.builder().id("dr")
          .description("DR").incentiveRate(bd("-0.5")).build());
    }

    @Test
    void event_ids_unique() {
      DemandResponseEvent e = DemandResponseEvent.of("E1", LocalDateTime.parse("2024-07-15T14:00"),
          LocalDateTime.parse("2024-07-15T18:00"));
      DemandResponseEvent again = DemandResponseEvent.of("E1", LocalDateTime.parse("2024-07-16T14:00"),
          LocalDateTime.parse("2024-07-16T18:00"));
      invalid("dr.events must not repeat an event id: E1", () -> DemandResponseProgram.builder().id("dr")
          .description("DR").incentiveRate(bd("0.5")).addEvents(e, again).build());
    }

    @Test
    void event_end_after_start() {
      invalid("events[E1].endExclusive must be after startInclusive 2024-07-15T14:00: 2024-07-15T14:00",
          () -> DemandResponseEvent.of("E1", LocalDateTime.parse("2024-07-15T14:00"),
              LocalDateTime.parse("2024-07-15T14:00")));
    }

    @Test
    void event_within_one_day() {
      invalid("events[E1].endExclusive must be on the same day as startInclusive 2024-07-15T22:00: 2024-07-16T02:00",
          () -> DemandResponseEvent.of("E1", LocalDateTime.parse("2024-07-15T22:00"),
              LocalDateTime.parse("2024-07-16T02:00")));
    }

    @Test
    void baseline_days_at_least_1() {
      invalid("baseline.days must be at least 1: 0", () -> BaselineRule.builder().days(0).build());
    }

    @Test
    void baseline_window_at_least_days() {
      invalid("baseline.window must be at least baseline.days 10: 5", () -> BaselineRule.builder().window(5).build());
    }

    @Test
    void baseline_lookback_at_least_window() {
      invalid("baseline.maxLookbackDays must be at least baseline.window 10: 9",
          () -> BaselineRule.builder().maxLookbackDays(9).build());
    }

    @Test
    void baseline_adjustment_hours_1_to_12() {
      invalid("baseline.adjustmentHours must be 1 to 12: 0", () -> BaselineRule.builder().adjustmentHours(0).build());
      invalid("baseline.adjustmentHours must be 1 to 12: 13", () -> BaselineRule.builder().adjustmentHours(13).build());
    }

    @Test
    void baseline_low_usage_percent_0_to_100() {
      invalid("baseline.lowUsagePercent must be 0 to 100: -1",
          () -> BaselineRule.builder().lowUsagePercent(bd("-1")).build());
      invalid("baseline.lowUsagePercent must be 0 to 100: 100.5",
          () -> BaselineRule.builder().lowUsagePercent(bd("100.5")).build());
    }

    @Test
    void baseline_adjustment_gap_0_to_12() {
      invalid("baseline.adjustmentGapHours must be 0 to 12: -1",
          () -> BaselineRule.builder().adjustmentGapHours(-1).build());
      invalid("baseline.adjustmentGapHours must be 0 to 12: 13",
          () -> BaselineRule.builder().adjustmentGapHours(13).build());
    }

    @Test
    void baseline_adjustment_cap_not_negative() {
      invalid("baseline.adjustmentCapPercent must not be negative: -20",
          () -> BaselineRule.builder().adjustmentCapPercent(bd("-20")).build());
    }

    @Test
    void weekend_baseline_days_at_least_1() {
      invalid("baseline.weekend.days must be at least 1: 0", () -> WeekendBaseline.builder().days(0).build());
    }

    @Test
    void weekend_baseline_window_at_least_days() {
      invalid("baseline.weekend.window must be at least baseline.weekend.days 2: 1",
          () -> WeekendBaseline.builder().window(1).build());
    }

    @Test
    void weekend_baseline_window_within_lookback() {
      WeekendBaseline fiveOfFifty = WeekendBaseline.builder().days(5).window(50).build();
      invalid("baseline.weekend.window must be at most baseline.maxLookbackDays 45: 50",
          () -> BaselineRule.builder().weekend(fiveOfFifty).build());
    }
  }

  @Nested
  class Versions {
    @Test
    void rounding_must_round() {
      invalid("roundingMode must round (UNNECESSARY would fail on real bills): UNNECESSARY",
          () -> version("2024-01-01").roundingMode(RoundingMode.UNNECESSARY).build());
    }

    @Test
    void effective_until_after_from() {
      invalid("effectiveUntil must be after effectiveFrom 2024-01-01: 2024-01-01",
          () -> version("2024-01-01").effectiveUntil(date("2024-01-01")).build());
    }

    @Test
    void component_ids_unique() {
      invalid("components.id must be unique within a tariff version: energy", () -> version("2024-01-01")
          .addEnergyCharge(flatEnergy("energy", "0.1"))
          .addFixedCharge(FixedCharge.of("energy", "Fixed", bd("5"), FixedChargeBasis.PER_BILL))
          .build());
    }

    @Test
    void rider_must_name_an_existing_component() {
      invalid("duty.appliesTo must name another component of this version: demand", () -> version("2024-01-01")
          .addEnergyCharge(flatEnergy("energy", "0.1"))
          .addRider(Rider.builder().id("duty").description("Duty").kind(RiderKind.PERCENT).rate(bd("5"))
              .addAppliesTo("demand").build())
          .build());
    }

    @Test
    void rider_must_not_name_itself() {
      invalid("duty.appliesTo must name another component of this version: duty", () -> version("2024-01-01")
          .addRider(Rider.builder().id("duty").description("Duty").kind(RiderKind.PERCENT).rate(bd("5"))
              .addAppliesTo("duty").build())
          .build());
    }

    @Test
    void tax_must_name_an_existing_component() {
      invalid("cgst.appliesTo must name another component of this version: fixed", () -> version("2024-01-01")
          .addEnergyCharge(flatEnergy("energy", "0.1"))
          .addTax(TaxRule.builder().id("cgst").description("CGST").percent(bd("9")).addAppliesTo("fixed").build())
          .build());
    }

    @Test
    void billing_demand_needs_a_ratchet() {
      invalid("demand.basis needs the version's ratchet rule: BILLING_DEMAND", () -> version("2024-01-01")
          .addDemandCharge(DemandCharge.builder().id("demand").description("d")
              .addPeriod(PeriodTiers.flat(0, bd("9"))).basis(DemandBasis.BILLING_DEMAND).build())
          .build());
    }

    DemandCharge touDemand(String id, TouSchedule schedule) {
      DemandCharge.Builder b = DemandCharge.builder().id(id).description("d").schedule(schedule);
      for (int p = 0; p < schedule.periodNames().size(); p++) {
        b.addPeriod(PeriodTiers.flat(p, bd("9")));
      }
      return b.build();
    }

    /** Two periods: "a" before noon, "b" after. */
    TouSchedule halfDays() {
      int[][] m = new int[12][24];
      for (int[] row : m) {
        java.util.Arrays.fill(row, 12, 24, 1);
      }
      return TouSchedule.fromMonthHourMatrices("half days", List.of("a", "b"), m, m, DayCalendar.standard());
    }

    Ratchet ratchet(String demandCharge, Integer... periods) {
      Ratchet.Builder b = Ratchet.builder().from(Ratchet.uniform(bd("80"), 11)).addAllDemandPeriods(List.of(periods));
      if (!demandCharge.isEmpty()) {
        b.demandCharge(demandCharge);
      }
      return b.build();
    }

    @Test
    void ratchet_demand_periods_must_be_periods_of_the_demand_charge_it_names() {
      // twoSeasonSchedule has periods 0 to 2
      DemandCharge tou = touDemand("tou", twoSeasonSchedule());
      invalid("ratchet.demandPeriods must be periods of demand charge tou: 7",
          () -> version("2024-01-01").addDemandCharge(tou).ratchet(ratchet("tou", 1, 7)).build());
      invalid("ratchet.demandPeriods must be periods of demand charge tou: -1",
          () -> version("2024-01-01").addDemandCharge(tou).ratchet(ratchet("tou", -1, 1)).build());
      // a flat charge has one period, 0
      DemandCharge flat = DemandCharge.builder().id("flat").description("d").addPeriod(PeriodTiers.flat(0, bd("9")))
          .build();
      invalid("ratchet.demandPeriods must be periods of demand charge flat: 1",
          () -> version("2024-01-01").addDemandCharge(tou).addDemandCharge(flat).ratchet(ratchet("flat", 1)).build());
      assertThat(version("2024-01-01").addDemandCharge(tou).ratchet(ratchet("tou", 0, 1, 2)).build().ratchet()
          .orElseThrow().demandPeriods()).containsExactlyInAnyOrder(0, 1, 2);
      assertThat(version("2024-01-01").addDemandCharge(flat).ratchet(ratchet("flat", 0)).build().ratchet())
          .isPresent();
    }

    @Test
    void ratchet_demand_periods_naming_no_charge_must_be_periods_of_a_tou_demand_charge() {
      // RATING.md: "of every TOU charge when it names none": period 2 is one of "tou"'s (0 to 2), not of "half"'s
      DemandCharge tou = touDemand("tou", twoSeasonSchedule());
      DemandCharge half = touDemand("half", halfDays());
      invalid("ratchet.demandPeriods must be periods of the version's TOU demand charges (the ratchet names no demand "
              + "charge): 3",
          () -> version("2024-01-01").addDemandCharge(half).addDemandCharge(tou).ratchet(ratchet("", 2, 3)).build());
      assertThat(version("2024-01-01").addDemandCharge(half).addDemandCharge(tou).ratchet(ratchet("", 2)).build()
          .ratchet()).isPresent();
      // a flat charge is no TOU charge
      DemandCharge flat = DemandCharge.builder().id("flat").description("d").addPeriod(PeriodTiers.flat(0, bd("9")))
          .build();
      invalid("ratchet.demandPeriods must be periods of the version's TOU demand charges (the ratchet names no demand "
              + "charge): 0", () -> version("2024-01-01").addDemandCharge(flat).ratchet(ratchet("", 0)).build());
    }

    @Test
    void ratchet_with_demand_periods_must_name_a_demand_charge_of_the_version() {
      DemandCharge tou = touDemand("tou", twoSeasonSchedule());
      invalid("ratchet.demandCharge must name a demand charge of this version when ratchet.demandPeriods are given: "
              + "demand-tou",
          () -> version("2024-01-01").addDemandCharge(tou).ratchet(ratchet("demand-tou", 1)).build());
      // without demand periods the name changes nothing (SAM's importer names its TOU demand charge even without one)
      assertThat(version("2024-01-01").ratchet(ratchet("demand-tou")).build().ratchet()).isPresent();
    }

    @Test
    void tier_sell_rates_need_tiers_with_a_sell_rate() {
      invalid("netMetering.exportRate needs energy tiers with a sellRate: TIER_SELL_RATES", () -> version("2024-01-01")
          .addEnergyCharge(flatEnergy("energy", "0.1"))
          .netMetering(NetMeteringRule.builder().mode(NetMeteringMode.NET_BILLING)
              .exportRate(ExportRate.tierSellRates()).build())
          .build());
    }

    EnergyCharge unevenTouTiers() {
      return EnergyCharge.builder().id("energy").description("d").schedule(twoSeasonSchedule())
          .addPeriod(PeriodTiers.of(0, List.of(Tier.upTo(bd("100"), bd("0.1")), Tier.unbounded(bd("0.2")))))
          .addPeriod(PeriodTiers.of(1, List.of(Tier.upTo(bd("200"), bd("0.1")), Tier.unbounded(bd("0.2")))))
          .build();
    }

    @Test
    void uniform_tier_bounds_when_the_conventions_ask_for_them() {
      invalid("energy tier 1 bound in jan period \"shoulder\" must equal period \"off-peak\"'s 100 kWh "
              + "(tiers should have the same max usage across periods in the same month for TOU rates): 200 kWh",
          () -> version("2024-01-01").addEnergyCharge(unevenTouTiers())
              .conventions(RatingConventions.builder().uniformTierBoundsAcrossPeriods(true).build()).build());
      // without the convention the same tariff is fine
      assertThat(version("2024-01-01").addEnergyCharge(unevenTouTiers()).build().energyCharges()).hasSize(1);
    }

    @Test
    void uniform_tier_bounds_apply_to_demand_charges_too() {
      DemandCharge uneven = DemandCharge.builder().id("demand").description("d").schedule(twoSeasonSchedule())
          .addPeriod(PeriodTiers.of(1, List.of(Tier.upToKw(bd("50"), bd("5")), Tier.unbounded(bd("6")))))
          .addPeriod(PeriodTiers.of(2, List.of(Tier.unbounded(bd("12")))))
          .build();
      invalid("demand tier 1 bound in jan period \"peak\" must equal period \"shoulder\"'s 50 kW "
              + "(tiers should have the same max usage across periods in the same month for TOU rates): unbounded kW",
          () -> version("2024-01-01").addDemandCharge(uneven)
              .conventions(RatingConventions.builder().uniformTierBoundsAcrossPeriods(true).build()).build());
    }

    @Test
    void a_tariff_needs_a_version() {
      invalid("versions must not be empty: []", () -> Tariff.builder().id("T").name("T").currency(USD).zone(NEW_YORK)
          .build());
    }

    @Test
    void versions_in_increasing_order() {
      TariffVersion a = version("2024-03-15").build();
      TariffVersion b = version("2024-03-15").roundingMode(RoundingMode.HALF_EVEN).build();
      invalid("versions[1].effectiveFrom must be after the previous version's effectiveFrom 2024-03-15: 2024-03-15",
          () -> Tariff.builder().id("T").name("T").currency(USD).zone(NEW_YORK).addVersions(a, b).build());
    }

    @Test
    void versions_out_of_order() {
      invalid("versions[1].effectiveFrom must be after the previous version's effectiveFrom 2024-03-15: 2024-01-01",
          () -> Tariff.builder().id("T").name("T").currency(USD).zone(NEW_YORK)
              .addVersions(version("2024-03-15").build(), version("2024-01-01").build()).build());
    }
  }

  @Test
  void a_missing_required_attribute_is_an_illegal_state() {
    // representative of every builder: Immutables refuses to build without required attributes
    thrown(IllegalStateException.class, "Cannot build Tier, some of required attributes are not set [rate]",
        () -> Tier.builder().upTo(bd("100")).build());
  }
}
