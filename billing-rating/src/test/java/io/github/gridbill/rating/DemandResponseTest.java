package io.github.gridbill.rating;

import static io.github.gridbill.rating.Fixtures.UTC;
import static io.github.gridbill.rating.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.tariff.BaselineAdjustment;
import io.github.gridbill.core.tariff.BaselineMethod;
import io.github.gridbill.core.tariff.BaselineRule;
import io.github.gridbill.core.tariff.DemandResponseEvent;
import io.github.gridbill.core.tariff.DemandResponseProgram;
import io.github.gridbill.core.tariff.ReductionBasis;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.tariff.WeekendBaseline;
import io.github.gridbill.core.tariff.WeekendMatching;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.DayType;
import io.github.gridbill.core.time.HolidayCalendar;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.joda.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Demand-response settlement on hand-made data, every baseline, adjustment and credit computed by hand in the
 * comments. Unless a test says otherwise: hourly UTC data from 1 June 2024, a July bill, a program paying 0.50 per kWh,
 * and the event on Monday 15 July 14:00–18:00 during which the customer uses 0.5 kWh an hour (2 kWh in all).
 */
class DemandResponseTest {
  static final IntervalLength H = IntervalLength.SIXTY_MINUTES;
  static final IntervalLength Q = IntervalLength.FIFTEEN_MINUTES;
  static final BillingPeriod JULY = BillingPeriod.of(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 8, 1), UTC);
  static final LocalDate HISTORY = LocalDate.of(2024, 6, 1);
  static final LocalDateTime EVENT = LocalDateTime.of(2024, 7, 15, 14, 0);

  static LocalDate jul(int day) {
    return LocalDate.of(2024, 7, day);
  }

  static LocalDate jun(int day) {
    return LocalDate.of(2024, 6, day);
  }

  static DemandResponseEvent event(String id, LocalDateTime start, int hours) {
    return DemandResponseEvent.of(id, start, start.plusHours(hours));
  }

  static DemandResponseProgram.Builder program(BaselineRule rule) {
    return DemandResponseProgram.builder().id("dr").description("Peak saver").incentiveRate(d("0.50"))
        .baseline(rule);
  }

  /** A series on a grid from 1 June to the end of the bill, kWh per interval from f. */
  static IntervalSeries series(BillingPeriod bill, IntervalLength len, ToDoubleFunction<LocalDateTime> kwh) {
    IntervalGrid g = IntervalGrid.between(HISTORY.atStartOfDay(UTC).toInstant(), bill.endInstant(), len);
    long[] imp = new long[g.count()];
    for (int i = 0; i < imp.length; i++) {
      imp[i] = Math.round(kwh.applyAsDouble(LocalDateTime.ofInstant(g.intervalStart(i), UTC)) * 1_000_000);
    }
    return IntervalSeries.ofImports("M-1", g, imp);
  }

  /**
   * Hourly data: in the event hours (14:00–18:00) each day uses its level from the map (1 kWh/h when absent), the
   * event day 0.5 kWh/h; every other hour 1 kWh.
   */
  static IntervalSeries levels(Map<LocalDate, Double> level) {
    return series(JULY, H, t -> {
      boolean eventHours = t.getHour() >= 14 && t.getHour() < 18;
      if (!eventHours) {
        return 1.0;
      }
      return t.toLocalDate().equals(EVENT.toLocalDate()) ? 0.5 : level.getOrDefault(t.toLocalDate(), 1.0);
    });
  }

  /** Levels 1, 2, ... 10 kWh/h on the ten weekdays before the event, most recent first. */
  static Map<LocalDate, Double> tenWeekdays() {
    Map<LocalDate, Double> m = new HashMap<>();
    LocalDate[] days = {jul(12), jul(11), jul(10), jul(9), jul(8), jul(5), jul(4), jul(3), jul(2), jul(1)};
    for (int k = 0; k < days.length; k++) {
      m.put(days[k], k + 1.0);
    }
    return m;
  }

  static Bill rate(DemandResponseProgram dr, BillingPeriod p, IntervalLength len, IntervalSeries s) {
    Tariff t = Fixtures.tariff(UTC, v -> v.addDemandResponseProgram(dr));
    return Rater.create().rate(RatingPlan.compile(t, p, len), s).bill();
  }

  static DemandResponseEventReport report(Bill b, String eventId) {
    return b.demandResponseEvents().stream().filter(r -> r.eventId().equals(eventId)).findFirst().orElseThrow();
  }

  static BillLine line(Bill b, String eventId) {
    return b.lines().stream().filter(l -> l.demandResponse().map(r -> r.eventId().equals(eventId)).orElse(false))
        .findFirst().orElseThrow();
  }

  static List<String> statuses(DemandResponseEventReport r) {
    return r.consideredDays().stream().map(x -> x.date().getDayOfMonth() + " " + x.status()).toList();
  }

  @Nested
  class XofY {

    @Test
    void tenOfTenAveragesTheTenMostRecentWeekdays() {
      // levels 1..10 on 12, 11, 10, 9, 8, 5, 4, 3, 2, 1 July: baseline 55 / 10 = 5.5 kWh/h, 22 kWh over 4 hours;
      // reduction 22 − 2 = 20 kWh × 0.50 = 10.00 credit
      DemandResponseProgram dr = program(BaselineRule.builder().lowUsagePercent(BigDecimal.ZERO).build())
          .addEvent(event("E1", EVENT, 4)).build();
      Bill b = rate(dr, JULY, H, levels(tenWeekdays()));
      BillLine l = line(b, "E1");
      assertThat(l.kind()).isEqualTo(LineKind.DEMAND_RESPONSE_CREDIT);
      assertThat(l.quantity().orElseThrow().value()).isEqualByComparingTo("20");
      assertThat(l.amount()).isEqualTo(Money.parse("USD -10.00"));
      DemandResponseEventReport r = report(b, "E1");
      assertThat(r.chosenDays()).containsExactly(jul(12), jul(11), jul(10), jul(9), jul(8), jul(5), jul(4), jul(3),
          jul(2), jul(1));
      assertThat(statuses(r)).containsExactly("14 NOT_A_LIKE_DAY", "13 NOT_A_LIKE_DAY", "12 CHOSEN", "11 CHOSEN",
          "10 CHOSEN", "9 CHOSEN", "8 CHOSEN", "7 NOT_A_LIKE_DAY", "6 NOT_A_LIKE_DAY", "5 CHOSEN", "4 CHOSEN",
          "3 CHOSEN", "2 CHOSEN", "1 CHOSEN");
      assertThat(r.consideredDays().get(2).usageKwh().orElseThrow()).isEqualByComparingTo("4");
      assertThat(r.consideredDays().get(2).dayType()).isEqualTo(DayType.WEEKDAY);
      assertThat(r.likeDays()).isEqualTo("weekdays");
      assertThat(r.lowUsageThresholdKwh()).isEmpty();
      assertThat(r.hours()).hasSize(4).allSatisfy(h -> {
        assertThat(h.intervals()).isEqualTo(1);
        assertThat(h.unadjustedBaselineKwh()).isEqualByComparingTo("5.5");
        assertThat(h.baselineKwh()).isEqualByComparingTo("5.5");
        assertThat(h.actualKwh()).isEqualByComparingTo("0.5");
        assertThat(h.reductionKwh()).isEqualByComparingTo("5");
        assertThat(h.credit()).isEqualByComparingTo("2.5");
      });
      assertThat(r.hours().get(0).localStart()).isEqualTo(EVENT);
      assertThat(r.hours().get(3).localStart()).isEqualTo(EVENT.plusHours(3));
      assertThat(r.baselineKwh()).isEqualByComparingTo("22");
      assertThat(r.actualKwh()).isEqualByComparingTo("2");
      assertThat(r.reductionKwh()).isEqualByComparingTo("20");
      assertThat(r.credit()).isEqualByComparingTo("10");
    }

    @Test
    void lowUsageDaysAreExcludedAndNotReplaced() {
      // the 10 candidates' totals over the event hours are 4, 8, ... 40 kWh: average 22, 25% of it 5.5 kWh. 12 July
      // (4 kWh) is a low-usage day; the other nine average (2 + ... + 10) / 9 = 6 kWh/h, 24 kWh; 22 kWh × 0.50 = 11.00
      DemandResponseProgram dr = program(BaselineRule.builder().build()).addEvent(event("E1", EVENT, 4)).build();
      Bill b = rate(dr, JULY, H, levels(tenWeekdays()));
      DemandResponseEventReport r = report(b, "E1");
      assertThat(r.lowUsageThresholdKwh().orElseThrow()).isEqualByComparingTo("5.5");
      assertThat(r.consideredDays().get(2).status()).isEqualTo(BaselineDayStatus.LOW_USAGE);
      assertThat(r.consideredDays().get(2).usageKwh().orElseThrow()).isEqualByComparingTo("4");
      assertThat(r.chosenDays()).hasSize(9).doesNotContain(jul(12)).contains(jul(1));
      assertThat(r.baselineKwh()).isEqualByComparingTo("24");
      assertThat(line(b, "E1").amount()).isEqualTo(Money.parse("USD -11.00"));
    }

    @Test
    void highestFourOfFiveWeekdays() {
      // PJM High 4 of 5: the five most recent weekdays 12, 11, 10, 9, 8 July at 1..5 kWh/h (25% of their average
      // 12 kWh is 3 kWh: none is low); the highest four are 8, 9, 10, 11 July: (5 + 4 + 3 + 2) / 4 = 3.5 kWh/h,
      // 14 kWh; reduction 12 kWh × 0.50 = 6.00
      DemandResponseProgram dr = program(BaselineRule.builder().method(BaselineMethod.HIGHEST_X_OF_Y).days(4)
          .window(5).build()).addEvent(event("E1", EVENT, 4)).build();
      Bill b = rate(dr, JULY, H, levels(tenWeekdays()));
      DemandResponseEventReport r = report(b, "E1");
      assertThat(statuses(r)).containsExactly("14 NOT_A_LIKE_DAY", "13 NOT_A_LIKE_DAY", "12 NOT_CHOSEN",
          "11 CHOSEN", "10 CHOSEN", "9 CHOSEN", "8 CHOSEN");
      assertThat(r.lowUsageThresholdKwh().orElseThrow()).isEqualByComparingTo("3");
      assertThat(r.baselineKwh()).isEqualByComparingTo("14");
      assertThat(line(b, "E1").amount()).isEqualTo(Money.parse("USD -6.00"));
      assertThat(r.text()).contains("average of the 4 highest of the last 5 eligible weekdays within 45 days")
          .contains("2024-07-12 Fri weekday eligible, not chosen  4 kWh").contains("= credit 6");
    }

    @Test
    void highestFiveOfTenWeekdays() {
      // NYISO / PG&E 5 of 10: the highest five of the ten are 5, 4, 3, 2, 1 July at 6..10 kWh/h: 8 kWh/h, 32 kWh;
      // reduction 30 kWh × 0.50 = 15.00
      DemandResponseProgram dr = program(BaselineRule.builder().method(BaselineMethod.HIGHEST_X_OF_Y).days(5)
          .lowUsagePercent(BigDecimal.ZERO).build()).addEvent(event("E1", EVENT, 4)).build();
      Bill b = rate(dr, JULY, H, levels(tenWeekdays()));
      DemandResponseEventReport r = report(b, "E1");
      assertThat(r.chosenDays()).containsExactly(jul(5), jul(4), jul(3), jul(2), jul(1));
      assertThat(r.baselineKwh()).isEqualByComparingTo("32");
      assertThat(line(b, "E1").amount()).isEqualTo(Money.parse("USD -15.00"));
    }

    @Test
    void tiesInUsageGoToTheMoreRecentDay() {
      // highest 1 of 2 with 12 and 11 July both at 3 kWh/h: 12 July is chosen
      DemandResponseProgram dr = program(BaselineRule.builder().method(BaselineMethod.HIGHEST_X_OF_Y).days(1)
          .window(2).build()).addEvent(event("E1", EVENT, 4)).build();
      Bill b = rate(dr, JULY, H, levels(Map.of(jul(12), 3.0, jul(11), 3.0)));
      assertThat(report(b, "E1").chosenDays()).containsExactly(jul(12));
    }
  }

  @Nested
  class Eligibility {

    @Test
    void holidaysEventDaysExcludedDaysMissingDataAndTheLookbackLimit() {
      // bill 8 July to 8 August, so the days before 8 July are history; 4 July is a holiday by the program's
      // calendar, 10 July another event, 8 July an excluded day, 3 July MISSING, and the search stops 12 days back
      // (3 July). Eligible: 12, 11, 9, 5 July at 1, 2, 4, 6 kWh/h: 13 / 4 = 3.25 kWh/h, 13 kWh; 11 kWh × 0.50 = 5.50
      BillingPeriod p = BillingPeriod.of(jul(8), LocalDate.of(2024, 8, 8), UTC);
      DayCalendar cal = DayCalendar.standard(HolidayCalendar.builder().name("program").addDates(jul(4)).build());
      DemandResponseProgram dr = program(BaselineRule.builder().maxLookbackDays(12).lowUsagePercent(BigDecimal.ZERO)
          .calendar(cal).build()).addEvent(event("E1", EVENT, 4))
          .addEvent(event("E0", LocalDateTime.of(2024, 7, 10, 14, 0), 4)).addExcludedDays(jul(8)).build();
      Map<LocalDate, Double> lv = tenWeekdays();
      IntervalSeries base = series(p, H, t -> t.getHour() >= 14 && t.getHour() < 18
          ? (t.toLocalDate().equals(EVENT.toLocalDate()) ? 0.5 : lv.getOrDefault(t.toLocalDate(), 1.0)) : 1.0);
      byte[] quality = new byte[base.size()];
      int missing = base.grid().indexOf(LocalDateTime.of(2024, 7, 3, 15, 0).atZone(UTC).toInstant());
      quality[missing] = ReadingQuality.MISSING.code();
      long[] imp = new long[base.size()];
      for (int i = 0; i < imp.length; i++) {
        imp[i] = i == missing ? 0 : base.importAt(i);
      }
      IntervalSeries s = IntervalSeries.builder("M-1", base.grid()).imports(imp).quality(quality).build();
      Bill b = rate(dr, p, H, s);
      DemandResponseEventReport r = report(b, "E1");
      assertThat(statuses(r)).containsExactly("14 NOT_A_LIKE_DAY", "13 NOT_A_LIKE_DAY", "12 CHOSEN", "11 CHOSEN",
          "10 EVENT_DAY", "9 CHOSEN", "8 EXCLUDED_DAY", "7 NOT_A_LIKE_DAY", "6 NOT_A_LIKE_DAY", "5 CHOSEN",
          "4 HOLIDAY", "3 NO_DATA");
      assertThat(r.consideredDays().get(10).dayType()).isEqualTo(DayType.HOLIDAY);
      assertThat(r.baselineKwh()).isEqualByComparingTo("13");
      assertThat(line(b, "E1").amount()).isEqualTo(Money.parse("USD -5.50"));
      assertThat(r.text()).contains("2024-07-04 Thu holiday holiday\n")
          .contains("2024-07-03 Wed weekday no complete data\n").contains("4 day(s) chosen");
    }

    @Test
    void noEligibleDayGivesNoCredit() {
      // history starts on the event day: nothing to compare with
      BillingPeriod p = BillingPeriod.of(jul(15), jul(16), UTC);
      DemandResponseProgram dr = program(BaselineRule.builder().maxLookbackDays(10).build())
          .addEvent(event("E1", EVENT, 4)).build();
      IntervalSeries s = Fixtures.constant(p, H, 500_000);
      Bill b = rate(dr, p, H, s);
      DemandResponseEventReport r = report(b, "E1");
      assertThat(r.chosenDays()).isEmpty();
      assertThat(r.consideredDays()).hasSize(10).allSatisfy(x -> assertThat(x.status()).isIn(
          BaselineDayStatus.NOT_A_LIKE_DAY, BaselineDayStatus.NO_DATA));
      assertThat(r.baselineKwh()).isEqualByComparingTo("0");
      assertThat(line(b, "E1").amount()).isEqualTo(Money.parse("USD 0.00"));
    }
  }

  @Nested
  class SameDayAdjustment {

    /** Every hour 2 kWh; on the event day p kWh/h from 10:00 to 13:00 (q from 12:00), 0.5 kWh/h in the event. */
    IntervalSeries flatWithMorning(double p, double q) {
      return series(JULY, H, t -> {
        if (!t.toLocalDate().equals(EVENT.toLocalDate())) {
          return 2.0;
        }
        int h = t.getHour();
        return h >= 14 && h < 18 ? 0.5 : h >= 10 && h < 12 ? p : h == 12 ? q : 2.0;
      });
    }

    Bill adjusted(BaselineAdjustment kind, double p, double q, BaselineRule.Builder rule) {
      DemandResponseProgram dr = program(rule.adjustment(kind).build()).addEvent(event("E1", EVENT, 4)).build();
      return rate(dr, JULY, H, flatWithMorning(p, q));
    }

    @Test
    void multiplicativeWithinTheCap() {
      // 10:00–13:00: actual 6.6 kWh, baseline 6.0 kWh, ratio 1.1 (within 0.8–1.2): 2.2 kWh/h, 8.8 kWh;
      // reduction 6.8 × 0.50 = 3.40
      Bill b = adjusted(BaselineAdjustment.MULTIPLICATIVE, 2.2, 2.2, BaselineRule.builder());
      DemandResponseEventReport r = report(b, "E1");
      BaselineAdjustmentDetail a = r.adjustment().orElseThrow();
      assertThat(a.windowStart()).isEqualTo(LocalDateTime.of(2024, 7, 15, 10, 0));
      assertThat(a.windowEnd()).isEqualTo(LocalDateTime.of(2024, 7, 15, 13, 0));
      assertThat(a.actualKwh().orElseThrow()).isEqualByComparingTo("6.6");
      assertThat(a.baselineKwh().orElseThrow()).isEqualByComparingTo("6");
      assertThat(a.rawValue().orElseThrow()).isEqualByComparingTo("1.1");
      assertThat(a.lowerBound().orElseThrow()).isEqualByComparingTo("0.8");
      assertThat(a.upperBound().orElseThrow()).isEqualByComparingTo("1.2");
      assertThat(a.value()).isEqualByComparingTo("1.1");
      assertThat(a.capped()).isFalse();
      assertThat(a.notAppliedBecause()).isEmpty();
      assertThat(r.hours().get(0).unadjustedBaselineKwh()).isEqualByComparingTo("2");
      assertThat(r.hours().get(0).baselineKwh()).isEqualByComparingTo("2.2");
      assertThat(r.unadjustedBaselineKwh()).isEqualByComparingTo("8");
      assertThat(r.baselineKwh()).isEqualByComparingTo("8.8");
      assertThat(line(b, "E1").amount()).isEqualTo(Money.parse("USD -3.40"));
    }

    @Test
    void multiplicativeCappedUpAndDown() {
      // ratio 9.0 / 6.0 = 1.5 capped to 1.2: 2.4 kWh/h, 9.6 kWh; 7.6 × 0.50 = 3.80
      Bill up = adjusted(BaselineAdjustment.MULTIPLICATIVE, 3.0, 3.0, BaselineRule.builder());
      assertThat(report(up, "E1").adjustment().orElseThrow().capped()).isTrue();
      assertThat(report(up, "E1").adjustment().orElseThrow().value()).isEqualByComparingTo("1.2");
      assertThat(line(up, "E1").amount()).isEqualTo(Money.parse("USD -3.80"));
      // ratio 3.0 / 6.0 = 0.5 capped to 0.8: 1.6 kWh/h, 6.4 kWh; 4.4 × 0.50 = 2.20
      Bill down = adjusted(BaselineAdjustment.MULTIPLICATIVE, 1.0, 1.0, BaselineRule.builder());
      assertThat(report(down, "E1").adjustment().orElseThrow().rawValue().orElseThrow()).isEqualByComparingTo("0.5");
      assertThat(report(down, "E1").adjustment().orElseThrow().value()).isEqualByComparingTo("0.8");
      assertThat(line(down, "E1").amount()).isEqualTo(Money.parse("USD -2.20"));
      // a ±40% cap lets 1.5 through as 1.4: 2.8 kWh/h, 11.2 kWh; 9.2 × 0.50 = 4.60
      Bill forty = adjusted(BaselineAdjustment.MULTIPLICATIVE, 3.0, 3.0,
          BaselineRule.builder().adjustmentCapPercent(d("40")));
      assertThat(line(forty, "E1").amount()).isEqualTo(Money.parse("USD -4.60"));
    }

    @Test
    void additiveWithinAndBeyondTheCap() {
      // 10:00–13:00: actual 6.9, baseline 6.0: offset (6.9 − 6.0) / 3 = 0.3 kWh per interval, cap 6.0 × 20% / 3 = 0.4:
      // 2.3 kWh/h, 9.2 kWh; 7.2 × 0.50 = 3.60
      Bill within = adjusted(BaselineAdjustment.ADDITIVE, 2.3, 2.3, BaselineRule.builder());
      BaselineAdjustmentDetail a = report(within, "E1").adjustment().orElseThrow();
      assertThat(a.rawValue().orElseThrow()).isEqualByComparingTo("0.3");
      assertThat(a.lowerBound().orElseThrow()).isEqualByComparingTo("-0.4");
      assertThat(a.upperBound().orElseThrow()).isEqualByComparingTo("0.4");
      assertThat(a.capped()).isFalse();
      assertThat(line(within, "E1").amount()).isEqualTo(Money.parse("USD -3.60"));
      // offset (9.0 − 6.0) / 3 = 1.0 capped to 0.4: 2.4 kWh/h, 9.6 kWh; 3.80
      Bill up = adjusted(BaselineAdjustment.ADDITIVE, 3.0, 3.0, BaselineRule.builder());
      assertThat(report(up, "E1").adjustment().orElseThrow().value()).isEqualByComparingTo("0.4");
      assertThat(report(up, "E1").adjustment().orElseThrow().capped()).isTrue();
      assertThat(line(up, "E1").amount()).isEqualTo(Money.parse("USD -3.80"));
      // offset (3.0 − 6.0) / 3 = −1.0 capped to −0.4: 1.6 kWh/h, 6.4 kWh; 2.20
      Bill down = adjusted(BaselineAdjustment.ADDITIVE, 1.0, 1.0, BaselineRule.builder());
      assertThat(report(down, "E1").adjustment().orElseThrow().value()).isEqualByComparingTo("-0.4");
      assertThat(line(down, "E1").amount()).isEqualTo(Money.parse("USD -2.20"));
    }

    @Test
    void nyisoWindowOfTwoHoursStartingFourHoursBefore() {
      // adjustmentHours 2, gap 2: 10:00–12:00 only (12:00–14:00 at 5 kWh/h is ignored): 4.4 / 4.0 = 1.1; 3.40
      Bill b = adjusted(BaselineAdjustment.MULTIPLICATIVE, 2.2, 5.0,
          BaselineRule.builder().adjustmentHours(2).adjustmentGapHours(2));
      BaselineAdjustmentDetail a = report(b, "E1").adjustment().orElseThrow();
      assertThat(a.windowStart().toLocalTime()).isEqualTo(LocalTime.of(10, 0));
      assertThat(a.windowEnd().toLocalTime()).isEqualTo(LocalTime.of(12, 0));
      assertThat(a.value()).isEqualByComparingTo("1.1");
      assertThat(line(b, "E1").amount()).isEqualTo(Money.parse("USD -3.40"));
    }

    @Test
    void notAppliedOnAZeroBaseline() {
      // every other day reads zero: the window's baseline is 0, so no ratio; the baseline stays 0 and nothing is paid
      DemandResponseProgram dr = program(BaselineRule.builder().adjustment(BaselineAdjustment.MULTIPLICATIVE)
          .lowUsagePercent(BigDecimal.ZERO).build()).addEvent(event("E1", EVENT, 4)).build();
      Bill b = rate(dr, JULY, H, series(JULY, H, t -> t.toLocalDate().equals(EVENT.toLocalDate()) ? 1.0 : 0.0));
      BaselineAdjustmentDetail a = report(b, "E1").adjustment().orElseThrow();
      assertThat(a.notAppliedBecause()).contains("the baseline is zero in the adjustment window");
      assertThat(a.value()).isEqualByComparingTo("1");
      assertThat(line(b, "E1").amount()).isEqualTo(Money.parse("USD 0.00"));
    }
  }

  @Nested
  class WeekendsAndHolidays {
    final DayCalendar julyFourth = DayCalendar.standard(HolidayCalendar.builder().name("h").addDates(jul(4)).build());

    /** Event-hour levels: 7 July (Sun) 3, 6 July (Sat) 5, 4 July (holiday) 4, 29 June (Sat) 6, 22 June (Sat) 1. */
    IntervalSeries weekendLevels(LocalDate eventDay) {
      Map<LocalDate, Double> m = Map.of(jul(7), 3.0, jul(6), 5.0, jul(4), 4.0, jun(29), 6.0, jun(22), 1.0,
          jun(30), 3.0, jun(23), 2.0, jun(16), 1.0);
      return series(JULY, H, t -> t.getHour() >= 14 && t.getHour() < 18
          ? (t.toLocalDate().equals(eventDay) ? 0.5 : m.getOrDefault(t.toLocalDate(), 1.0)) : 1.0);
    }

    Bill weekend(WeekendMatching matching, LocalDateTime start) {
      DemandResponseProgram dr = program(BaselineRule.builder().calendar(julyFourth)
          .weekend(WeekendBaseline.builder().matching(matching).build()).build()).addEvent(event("W", start, 4))
          .build();
      return rate(dr, JULY, H, weekendLevels(start.toLocalDate()));
    }

    @Test
    void saturdayEventAgainstWeekendDaysAndHolidays() {
      // like days back from 12 July: 7 July (Sun, 3), 6 July (Sat, 5), 4 July (holiday, 4); highest 2 of 3:
      // (5 + 4) / 2 = 4.5 kWh/h, 18 kWh; 16 kWh × 0.50 = 8.00
      Bill b = weekend(WeekendMatching.ANY_WEEKEND_OR_HOLIDAY, LocalDateTime.of(2024, 7, 13, 14, 0));
      DemandResponseEventReport r = report(b, "W");
      assertThat(r.eventDayType()).isEqualTo(DayType.WEEKEND);
      assertThat(r.likeDays()).isEqualTo("weekend days and holidays");
      assertThat(r.method()).isEqualTo(BaselineMethod.HIGHEST_X_OF_Y);
      assertThat(List.of(r.days(), r.window())).containsExactly(2, 3);
      assertThat(statuses(r)).containsExactly("12 NOT_A_LIKE_DAY", "11 NOT_A_LIKE_DAY", "10 NOT_A_LIKE_DAY",
          "9 NOT_A_LIKE_DAY", "8 NOT_A_LIKE_DAY", "7 NOT_CHOSEN", "6 CHOSEN", "5 NOT_A_LIKE_DAY", "4 CHOSEN");
      assertThat(r.baselineKwh()).isEqualByComparingTo("18");
      assertThat(line(b, "W").amount()).isEqualTo(Money.parse("USD -8.00"));
    }

    @Test
    void saturdayEventAgainstSaturdays() {
      // PJM Saturday CBL: 6 July (5), 29 June (6), 22 June (1; 25% of the average 16 kWh is 4 kWh, and its 4 kWh is
      // not below it); highest 2: (6 + 5) / 2 = 5.5 kWh/h, 22 kWh; 20 kWh × 0.50 = 10.00
      Bill b = weekend(WeekendMatching.SAME_DAY_OF_WEEK, LocalDateTime.of(2024, 7, 13, 14, 0));
      DemandResponseEventReport r = report(b, "W");
      assertThat(r.likeDays()).isEqualTo("Saturdays");
      assertThat(r.chosenDays()).containsExactly(jul(6), jun(29));
      assertThat(r.consideredDays()).hasSize(21);
      assertThat(r.consideredDays().get(r.consideredDays().size() - 1).status())
          .isEqualTo(BaselineDayStatus.NOT_CHOSEN);
      assertThat(r.consideredDays().get(8).date()).isEqualTo(jul(4));
      assertThat(r.consideredDays().get(8).status()).isEqualTo(BaselineDayStatus.HOLIDAY);
      assertThat(line(b, "W").amount()).isEqualTo(Money.parse("USD -10.00"));
    }

    @Test
    void holidayEventAgainstSundaysAndHolidays() {
      // 4 July (Thursday, a holiday): Sundays and holidays back from 3 July: 30 June (3), 23 June (2), 16 June (1);
      // highest 2: 2.5 kWh/h, 10 kWh; 8 kWh × 0.50 = 4.00
      Bill b = weekend(WeekendMatching.SAME_DAY_OF_WEEK, LocalDateTime.of(2024, 7, 4, 14, 0));
      DemandResponseEventReport r = report(b, "W");
      assertThat(r.eventDayType()).isEqualTo(DayType.HOLIDAY);
      assertThat(r.likeDays()).isEqualTo("Sundays and holidays");
      assertThat(r.chosenDays()).containsExactly(jun(30), jun(23));
      assertThat(line(b, "W").amount()).isEqualTo(Money.parse("USD -4.00"));
    }

    @Test
    void withoutAWeekendVariantWeekendEventsUseWeekdays() {
      // the 10 weekdays before 13 July read 1 kWh/h in the event hours but 4 July (no holiday by the standard
      // calendar) 4 kWh/h: (9 + 4) / 10 = 1.3 kWh/h, 5.2 kWh; 3.2 kWh × 0.50 = 1.60
      DemandResponseProgram dr = program(BaselineRule.builder().build())
          .addEvent(event("W", LocalDateTime.of(2024, 7, 13, 14, 0), 4)).build();
      Bill b = rate(dr, JULY, H, weekendLevels(jul(13)));
      assertThat(report(b, "W").likeDays()).isEqualTo("weekdays");
      assertThat(report(b, "W").chosenDays()).hasSize(10).allSatisfy(x -> assertThat(x.getDayOfWeek().getValue())
          .isLessThan(6));
      assertThat(line(b, "W").amount()).isEqualTo(Money.parse("USD -1.60"));
    }
  }

  @Nested
  class ReductionPerHourOrInterval {

    Bill quarterHours(ReductionBasis basis) {
      // 15-minute data, 1 kWh every interval; the event hour 14:00–15:00 on 15 July reads 1.2, 0.6, 0.6, 0.6
      double[] event = {1.2, 0.6, 0.6, 0.6};
      IntervalSeries s = series(JULY, Q, t -> t.toLocalDate().equals(EVENT.toLocalDate()) && t.getHour() == 14
          ? event[t.getMinute() / 15] : 1.0);
      DemandResponseProgram dr = program(BaselineRule.builder().build()).reductionBasis(basis)
          .addEvent(event("E1", EVENT, 1)).build();
      return rate(dr, JULY, Q, s);
    }

    @Test
    void perIntervalFloorsEachInterval() {
      // 0 + 0.4 + 0.4 + 0.4 = 1.2 kWh × 0.50 = 0.60
      Bill b = quarterHours(ReductionBasis.INTERVAL);
      DemandResponseHour h = report(b, "E1").hours().get(0);
      assertThat(h.intervals()).isEqualTo(4);
      assertThat(h.baselineKwh()).isEqualByComparingTo("4");
      assertThat(h.actualKwh()).isEqualByComparingTo("3");
      assertThat(h.reductionKwh()).isEqualByComparingTo("1.2");
      assertThat(line(b, "E1").amount()).isEqualTo(Money.parse("USD -0.60"));
    }

    @Test
    void perHourFloorsTheHour() {
      // max(0, 4.0 − 3.0) = 1.0 kWh × 0.50 = 0.50
      Bill b = quarterHours(ReductionBasis.HOUR);
      assertThat(report(b, "E1").hours()).singleElement().satisfies(h ->
          assertThat(h.reductionKwh()).isEqualByComparingTo("1"));
      assertThat(report(b, "E1").reductionBasis()).isEqualTo(ReductionBasis.HOUR);
      assertThat(line(b, "E1").amount()).isEqualTo(Money.parse("USD -0.50"));
    }
  }

  @Nested
  class Reports {

    @Test
    void reportsAreValues() {
      DemandResponseProgram dr = program(BaselineRule.builder().adjustment(BaselineAdjustment.ADDITIVE).build())
          .addEvent(event("E1", EVENT, 4)).build();
      DemandResponseEventReport a = report(rate(dr, JULY, H, levels(tenWeekdays())), "E1");
      DemandResponseEventReport b = report(rate(dr, JULY, H, levels(tenWeekdays())), "E1");
      assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotSameAs(b);
      assertThat(a.withCredit(BigDecimal.ONE)).isNotEqualTo(a);
      assertThat(a.credit()).isEqualByComparingTo(b.credit());
      assertThat(line(rate(dr, JULY, H, levels(tenWeekdays())), "E1").demandResponse()).contains(a);
    }

    @Test
    void explanationAndAccountReportFollowTheEventHourByHour() {
      DemandResponseProgram dr = program(BaselineRule.builder().adjustment(BaselineAdjustment.MULTIPLICATIVE).build())
          .addEvent(event("E1", EVENT, 4)).addEvent(event("E2", EVENT.plusDays(1), 2)).build();
      IntervalSeries s = series(JULY, H, t -> {
        if (t.toLocalDate().equals(EVENT.toLocalDate())) {
          return t.getHour() >= 14 && t.getHour() < 18 ? 0.5 : t.getHour() >= 10 && t.getHour() < 13 ? 3.0 : 2.0;
        }
        return t.toLocalDate().equals(jul(16)) && t.getHour() >= 14 && t.getHour() < 16 ? 1.0 : 2.0;
      });
      Bill b = rate(dr, JULY, H, s);
      // E1: capped factor 1.2, 9.6 − 2 = 7.6 kWh; E2 (16 July, no adjustment data issue: 10:00–13:00 at 2 kWh/h,
      // but 15 July is an event day so the baseline days are 12 July back): 2 × 2 kWh, factor 1, 4 − 2 = 2 kWh
      DemandResponseReport acct = DemandResponseReport.of(b);
      assertThat(acct.meterId()).isEqualTo("M-1");
      assertThat(acct.events()).extracting(DemandResponseEventReport::eventId).containsExactly("E1", "E2");
      assertThat(acct.totalReductionKwh()).isEqualByComparingTo("9.6");
      assertThat(acct.totalCredit()).isEqualByComparingTo("4.8");
      assertThat(report(b, "E2").consideredDays().get(0).status()).isEqualTo(BaselineDayStatus.EVENT_DAY);
      assertThat(acct.text()).contains("Demand response for meter M-1, bill 2024-07-01 to 2024-07-31: 2 event(s)")
          .contains("ratio 1.5, cap 0.8 to 1.2, applied 1.2 (capped)").contains("applied 1 (within the cap)")
          .contains("Account total: reduction 9.6 kWh, credit 4.8 USD");
      String why = BillExplanation.of(b).text();
      assertThat(why).contains("Demand response, hour by hour:").contains("Event E1 of Peak saver (dr)")
          .contains("2024-07-15T14:00").contains("= credit 3.8");
      assertThat(b.total()).isEqualTo(Money.parse("USD -4.80"));
    }
  }
}
