package io.github.gridbill.rating;

import io.github.gridbill.core.tariff.BaselineAdjustment;
import io.github.gridbill.core.tariff.BaselineMethod;
import io.github.gridbill.core.tariff.BaselineRule;
import io.github.gridbill.core.tariff.DemandResponseEvent;
import io.github.gridbill.core.tariff.DemandResponseProgram;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.DayType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Settles one demand-response event: the customer baseline from like days before the event, and the credit for
 * max(0, baseline − actual) in each interval of the event window.
 *
 * <p>Eligible days are weekdays (by the tariff's first TOU calendar, holidays excluded) before the event day that are
 * not event days of the program and whose data the series holds; low-usage days (window usage below the rule's
 * percentage of the candidates' average) are dropped. AVERAGE takes the most recent X of the Y eligible days,
 * HIGHEST_X_OF_Y the X with the highest window usage. Baselines are exact rationals until the reduction is expressed
 * in kWh with 9 decimals.
 */
final class DemandResponseSettlement {
  private static final MathContext MC = MathContext.DECIMAL64;

  private DemandResponseSettlement() {}

  /** The outcome of one event. */
  static final class EventResult {
    private final BigDecimal baselineKwh;
    private final BigDecimal actualKwh;
    private final BigDecimal reductionKwh;
    private final int daysUsed;

    EventResult(BigDecimal baselineKwh, BigDecimal actualKwh, BigDecimal reductionKwh, int daysUsed) {
      this.baselineKwh = baselineKwh;
      this.actualKwh = actualKwh;
      this.reductionKwh = reductionKwh;
      this.daysUsed = daysUsed;
    }

    BigDecimal baselineKwh() {
      return baselineKwh;
    }

    BigDecimal actualKwh() {
      return actualKwh;
    }

    BigDecimal reductionKwh() {
      return reductionKwh;
    }

    int daysUsed() {
      return daysUsed;
    }
  }

  static EventResult settle(DemandResponseProgram prog, DemandResponseEvent ev, int from, int to,
      IntervalSeries series, int shift, SegmentPlan sp) {
    BaselineRule rule = prog.baseline();
    ZoneId zone = sp.zone;
    DayCalendar cal = DayCalendar.standard();
    for (EnergyCharge ec : sp.version.energyCharges()) {
      if (ec.schedule().isPresent()) {
        cal = ec.schedule().get().calendar();
        break;
      }
    }
    Set<LocalDate> eventDays = new HashSet<>();
    for (DemandResponseEvent e : prog.events()) {
      eventDays.add(e.startInclusive().toLocalDate());
    }
    int n = to - from;
    long[] actual = new long[n];
    for (int j = 0; j < n; j++) {
      actual[j] = series.importAt(from + j + shift);
    }
    LocalDate day = ev.startInclusive().toLocalDate();
    List<long[]> candidates = new ArrayList<>();
    for (int back = 1; back <= rule.maxLookbackDays() && candidates.size() < rule.window(); back++) {
      LocalDate d = day.minusDays(back);
      if (cal.dayType(d) != DayType.WEEKDAY || eventDays.contains(d)) {
        continue;
      }
      long[] u = window(series, d.atTime(ev.startInclusive().toLocalTime()), n, zone);
      if (u != null) {
        candidates.add(u);
      }
    }
    // drop low-usage days
    if (rule.lowUsagePercent().signum() > 0 && !candidates.isEmpty()) {
      long sum = 0;
      for (long[] c : candidates) {
        sum += total(c);
      }
      BigDecimal avg = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(candidates.size()), MC);
      BigDecimal floor = avg.multiply(rule.lowUsagePercent()).movePointLeft(2);
      candidates.removeIf(c -> BigDecimal.valueOf(total(c)).compareTo(floor) < 0);
    }
    List<long[]> chosen = new ArrayList<>(candidates);
    if (rule.method() == BaselineMethod.HIGHEST_X_OF_Y) {
      chosen.sort(Comparator.comparingLong(DemandResponseSettlement::total).reversed());
    }
    if (chosen.size() > rule.days()) {
      chosen = chosen.subList(0, rule.days());
    }
    int x = chosen.size();
    if (x == 0) {
      BigDecimal act = BigDecimal.valueOf(total(actual), 6);
      return new EventResult(BigDecimal.ZERO, act, BigDecimal.ZERO, 0);
    }
    long[] sums = new long[n];
    for (long[] c : chosen) {
      for (int j = 0; j < n; j++) {
        sums[j] += c[j];
      }
    }
    // baseline_j = sums_j / x, times the same-day adjustment
    BigDecimal factorAdd = BigDecimal.ZERO;
    BigDecimal factorMul = BigDecimal.ONE;
    if (rule.adjustment() != BaselineAdjustment.NONE) {
      int adjN = rule.adjustmentHours() * sp.grid.length().perHour();
      long[] adjActual = window(series, ev.startInclusive().minusHours(rule.adjustmentHours() + 1L), adjN, zone);
      long adjBase = 0;
      List<long[]> chosenAdj = new ArrayList<>();
      for (int back = 1; back <= rule.maxLookbackDays() && chosenAdj.size() < x; back++) {
        LocalDate d = day.minusDays(back);
        if (cal.dayType(d) != DayType.WEEKDAY || eventDays.contains(d)) {
          continue;
        }
        long[] u = window(series, d.atTime(ev.startInclusive().toLocalTime()).minusHours(rule.adjustmentHours() + 1L),
            adjN, zone);
        if (u != null) {
          chosenAdj.add(u);
        }
      }
      for (long[] c : chosenAdj) {
        adjBase += total(c);
      }
      if (adjActual != null && !chosenAdj.isEmpty()) {
        BigDecimal base = BigDecimal.valueOf(adjBase).divide(BigDecimal.valueOf(chosenAdj.size()), MC);
        BigDecimal act = BigDecimal.valueOf(total(adjActual));
        BigDecimal unadjusted = BigDecimal.valueOf(total(sums)).divide(BigDecimal.valueOf(x), MC);
        BigDecimal cap = rule.adjustmentCapPercent().movePointLeft(2);
        if (rule.adjustment() == BaselineAdjustment.MULTIPLICATIVE && base.signum() > 0) {
          BigDecimal f = act.divide(base, MC);
          factorMul = f.max(BigDecimal.ONE.subtract(cap)).min(BigDecimal.ONE.add(cap));
        } else if (rule.adjustment() == BaselineAdjustment.ADDITIVE) {
          BigDecimal perInterval = act.subtract(base).divide(BigDecimal.valueOf(adjN), MC);
          BigDecimal limit = unadjusted.multiply(cap).divide(BigDecimal.valueOf(n), MC);
          factorAdd = perInterval.max(limit.negate()).min(limit);
        }
      }
    }
    BigDecimal baseline = BigDecimal.ZERO;
    BigDecimal reduction = BigDecimal.ZERO;
    for (int j = 0; j < n; j++) {
      BigDecimal b = BigDecimal.valueOf(sums[j]).divide(BigDecimal.valueOf(x), MC).multiply(factorMul)
          .add(factorAdd).max(BigDecimal.ZERO);
      baseline = baseline.add(b);
      BigDecimal r = b.subtract(BigDecimal.valueOf(actual[j]));
      if (r.signum() > 0) {
        reduction = reduction.add(r);
      }
    }
    return new EventResult(baseline.movePointLeft(6).setScale(9, RoundingMode.HALF_UP),
        BigDecimal.valueOf(total(actual), 6), reduction.movePointLeft(6).setScale(9, RoundingMode.HALF_UP), x);
  }

  /** The n intervals from a local time, or null if the series does not hold them all. */
  private static long @org.jspecify.annotations.Nullable [] window(IntervalSeries series, LocalDateTime start, int n, ZoneId zone) {
    Instant t = start.atZone(zone).toInstant();
    int i = series.grid().indexOf(t);
    if (i < 0 || !series.grid().intervalStart(i).equals(t) || i + n > series.size()) {
      return null;
    }
    long[] u = new long[n];
    for (int j = 0; j < n; j++) {
      u[j] = series.importAt(i + j);
    }
    return u;
  }

  private static long total(long[] a) {
    long s = 0;
    for (long v : a) {
      s += v;
    }
    return s;
  }
}
