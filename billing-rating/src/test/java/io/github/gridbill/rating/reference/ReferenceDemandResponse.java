package io.github.gridbill.rating.reference;

import io.github.gridbill.core.tariff.BaselineAdjustment;
import io.github.gridbill.core.tariff.BaselineMethod;
import io.github.gridbill.core.tariff.BaselineRule;
import io.github.gridbill.core.tariff.DemandResponseEvent;
import io.github.gridbill.core.tariff.DemandResponseProgram;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.ReductionBasis;
import io.github.gridbill.core.tariff.TariffVersion;
import io.github.gridbill.core.tariff.WeekendBaseline;
import io.github.gridbill.core.tariff.WeekendMatching;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.DayType;
import io.github.gridbill.core.time.IntervalLength;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reference's demand-response settlement: RATING.md's "Demand response" section read literally, one day and one
 * interval at a time, in {@code BigDecimal} kWh, with the rounding points RATING.md declares (averages and offsets
 * HALF_UP to 9 decimals of a kWh, a ratio HALF_UP to 6 decimals, an adjusted baseline HALF_UP to 9 decimals).
 */
final class ReferenceDemandResponse {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private ReferenceDemandResponse() {}

  /** A like day with data: how far back it is and its kWh in each event interval. */
  private record Day(int back, List<BigDecimal> kwh) {
    BigDecimal total() {
      return kwh.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /**
   * The kWh credited for one event: {@code Σ max(0, adjusted baseline − actual)} per interval or per clock hour.
   *
   * @param p the program
   * @param e the event
   * @param v the version in force on the event day
   * @param zone the tariff's zone
   * @param length the grid's interval length
   * @param meter the meter's readings, history included
   * @return the reduction in kWh
   */
  static BigDecimal reductionKwh(DemandResponseProgram p, DemandResponseEvent e, TariffVersion v, ZoneId zone,
      IntervalLength length, ReferenceRater.Meter meter) {
    BaselineRule r = p.baseline();
    // "Day types come from the rule's calendar, else from the tariff's first TOU calendar, else Saturday/Sunday"
    DayCalendar cal = r.calendar().orElse(DayCalendar.standard());
    if (r.calendar().isEmpty()) {
      for (EnergyCharge ec : v.energyCharges()) {
        if (ec.schedule().isPresent()) {
          cal = ec.schedule().get().calendar();
          break;
        }
      }
    }
    LocalDate day = e.startInclusive().toLocalDate();
    DayType type = cal.dayType(day);
    // "for an event on a weekend day or holiday, the weekend variant's like days when it is set"
    Optional<WeekendBaseline> w = type == DayType.WEEKDAY ? Optional.empty() : r.weekend();
    BaselineMethod method = w.isPresent() ? w.get().method() : r.method();
    int x = w.isPresent() ? w.get().days() : r.days();
    int y = w.isPresent() ? w.get().window() : r.window();

    List<Instant> event = new ArrayList<>();
    Instant end = e.endExclusive().atZone(zone).toInstant();
    for (Instant t = e.startInclusive().atZone(zone).toInstant(); t.isBefore(end);
        t = t.plusSeconds(length.seconds())) {
      event.add(t);
    }
    int n = event.size();
    Set<LocalDate> eventDays = new HashSet<>();
    p.events().forEach(ev -> eventDays.add(ev.startInclusive().toLocalDate()));

    // "walking back one day at a time from the day before the event, at most maxLookbackDays days: a like day is
    //  excluded when it is an event day, an excluded day, or has no complete data; the walk stops at Y eligible days"
    List<Day> found = new ArrayList<>();
    for (int back = 1; back <= r.maxLookbackDays() && found.size() < y; back++) {
      LocalDate d = day.minusDays(back);
      if (!likeDay(cal, w, day, type, d) || eventDays.contains(d) || p.excludedDays().contains(d)) {
        continue;
      }
      Optional<List<BigDecimal>> u = meter.kwh(d.atTime(e.startInclusive().toLocalTime()), n, zone);
      if (u.isPresent()) {
        found.add(new Day(back, u.get()));
      }
    }

    // "a day whose usage in the event hours is below lowUsagePercent of their average is excluded"
    List<Day> eligible = new ArrayList<>();
    BigDecimal sum = found.stream().map(Day::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    for (Day d : found) {
      // total < pct/100 × sum/count  <=>  total × 100 × count < pct × sum
      boolean low = r.lowUsagePercent().signum() > 0 && d.total().multiply(HUNDRED)
          .multiply(BigDecimal.valueOf(found.size())).compareTo(r.lowUsagePercent().multiply(sum)) < 0;
      if (!low) {
        eligible.add(d);
      }
    }

    // "AVERAGE takes the X most recent, HIGHEST_X_OF_Y the X with the highest usage (ties: the more recent)"
    List<Day> chosen = new ArrayList<>();
    List<Day> pool = new ArrayList<>(eligible);
    while (chosen.size() < x && !pool.isEmpty()) {
      Day best = pool.get(0);
      if (method == BaselineMethod.HIGHEST_X_OF_Y) {
        for (Day d : pool) {
          int c = d.total().compareTo(best.total());
          if (c > 0 || (c == 0 && d.back() < best.back())) {
            best = d;
          }
        }
      }
      chosen.add(best);
      pool.remove(best);
    }
    int k = chosen.size();

    // "the baseline of each event interval is the average of the same intervals on the chosen days"
    List<BigDecimal> baseline = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      BigDecimal s = BigDecimal.ZERO;
      for (Day d : chosen) {
        s = s.add(d.kwh().get(j));
      }
      baseline.add(k == 0 ? BigDecimal.ZERO : s.divide(BigDecimal.valueOf(k), 9, RoundingMode.HALF_UP));
    }

    // "over the adjustmentHours hours ending adjustmentGapHours before the event start, the event day's actual load
    //  against the chosen days' average for the same hours"
    if (r.adjustment() != BaselineAdjustment.NONE && k > 0) {
      int m = r.adjustmentHours() * length.perHour();
      int hoursBack = r.adjustmentHours() + r.adjustmentGapHours();
      Optional<List<BigDecimal>> actual = meter.kwh(e.startInclusive().minusHours(hoursBack), m, zone);
      BigDecimal base = BigDecimal.ZERO;
      boolean complete = actual.isPresent();
      for (Day d : chosen) {
        Optional<List<BigDecimal>> u = meter.kwh(day.minusDays(d.back()).atTime(e.startInclusive().toLocalTime())
            .minusHours(hoursBack), m, zone);
        if (u.isEmpty()) {
          complete = false;
        } else {
          base = base.add(u.get().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        }
      }
      if (complete) {
        BigDecimal a = actual.get().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal b = base.divide(BigDecimal.valueOf(k), 9, RoundingMode.HALF_UP);
        BigDecimal cap = r.adjustmentCapPercent().divide(HUNDRED);
        List<BigDecimal> adjusted = new ArrayList<>();
        if (r.adjustment() == BaselineAdjustment.MULTIPLICATIVE && b.signum() != 0) {
          BigDecimal ratio = a.divide(b, 6, RoundingMode.HALF_UP);
          BigDecimal factor = clamp(ratio, BigDecimal.ONE.subtract(cap).max(BigDecimal.ZERO), BigDecimal.ONE.add(cap));
          baseline.forEach(u -> adjusted.add(u.multiply(factor).setScale(9, RoundingMode.HALF_UP)));
        } else if (r.adjustment() == BaselineAdjustment.ADDITIVE) {
          BigDecimal intervals = BigDecimal.valueOf(m);
          BigDecimal limit = b.multiply(cap).divide(intervals, 9, RoundingMode.HALF_UP);
          BigDecimal offset = clamp(a.subtract(b).divide(intervals, 9, RoundingMode.HALF_UP), limit.negate(), limit);
          baseline.forEach(u -> adjusted.add(u.add(offset).max(BigDecimal.ZERO)));
        } else {
          adjusted.addAll(baseline); // a zero baseline in the window: not applied
        }
        baseline = adjusted;
      }
    }

    // "settlement per interval (INTERVAL) or per local clock hour (HOUR) = max(0, baseline − actual)"
    List<BigDecimal> actual = meter.kwh(e.startInclusive(), n, zone).orElseThrow();
    BigDecimal reduction = BigDecimal.ZERO;
    if (p.reductionBasis() == ReductionBasis.INTERVAL) {
      for (int j = 0; j < n; j++) {
        reduction = reduction.add(baseline.get(j).subtract(actual.get(j)).max(BigDecimal.ZERO));
      }
    } else {
      Map<Instant, BigDecimal> byHour = new LinkedHashMap<>();
      for (int j = 0; j < n; j++) {
        Instant hour = event.get(j).atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
        byHour.merge(hour, baseline.get(j).subtract(actual.get(j)), BigDecimal::add);
      }
      for (BigDecimal d : byHour.values()) {
        reduction = reduction.add(d.max(BigDecimal.ZERO));
      }
    }
    return reduction;
  }

  private static BigDecimal clamp(BigDecimal v, BigDecimal lo, BigDecimal hi) {
    return v.compareTo(lo) < 0 ? lo : v.compareTo(hi) > 0 ? hi : v;
  }

  /** "Like days": weekdays, or the weekend variant's weekend days and holidays. */
  private static boolean likeDay(DayCalendar cal, Optional<WeekendBaseline> w, LocalDate eventDay, DayType eventType,
      LocalDate d) {
    DayType t = cal.dayType(d);
    if (w.isEmpty()) {
      return t == DayType.WEEKDAY;
    }
    if (w.get().matching() == WeekendMatching.ANY_WEEKEND_OR_HOLIDAY) {
      return t == DayType.WEEKEND || t == DayType.HOLIDAY;
    }
    // SAME_DAY_OF_WEEK: holidays go with holidayLikeDay (PJM's Sunday/holiday CBL)
    if (eventType == DayType.HOLIDAY || eventDay.getDayOfWeek() == w.get().holidayLikeDay()) {
      return t == DayType.HOLIDAY || (t == DayType.WEEKEND && d.getDayOfWeek() == w.get().holidayLikeDay());
    }
    return t == DayType.WEEKEND && d.getDayOfWeek() == eventDay.getDayOfWeek();
  }
}
