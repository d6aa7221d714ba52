package io.github.gridbill.rating;

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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Settles one demand-response event: the customer baseline from like days before the event (per
 * {@link BaselineRule}), the same-day adjustment, and the credit for the reduction below the adjusted baseline, with a
 * {@link DemandResponseEventReport} of every step.
 *
 * <p>Arithmetic is exact with declared rounding points, so the report's figures are the ones used: the baseline of an
 * interval is {@code Σ chosen days ÷ X}, rounded HALF_UP to 9 decimals of a kWh; the adjustment window's baseline
 * likewise; a multiplicative ratio is rounded HALF_UP to 6 decimals, an additive offset per interval to 9 decimals of a
 * kWh; an adjusted interval baseline is rounded HALF_UP to 9 decimals. Reductions and credits are then exact.
 */
final class DemandResponseSettlement {
  /** Decimals of a kWh kept for baselines and offsets. */
  static final int KWH_SCALE = 9;
  /** Decimals kept for a multiplicative ratio. */
  static final int RATIO_SCALE = 6;
  private static final BigDecimal MWH_PER_KWH = BigDecimal.valueOf(1_000_000L);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private DemandResponseSettlement() {}

  /** The outcome of one event. */
  static final class EventResult {
    private final BigDecimal baselineKwh;
    private final BigDecimal actualKwh;
    private final BigDecimal reductionKwh;
    private final int daysUsed;
    private final DemandResponseEventReport report;

    EventResult(BigDecimal baselineKwh, BigDecimal actualKwh, BigDecimal reductionKwh, int daysUsed,
        DemandResponseEventReport report) {
      this.baselineKwh = baselineKwh;
      this.actualKwh = actualKwh;
      this.reductionKwh = reductionKwh;
      this.daysUsed = daysUsed;
      this.report = report;
    }

    /** The adjusted baseline over the event, kWh. */
    BigDecimal baselineKwh() {
      return baselineKwh;
    }

    /** The actual load over the event, kWh. */
    BigDecimal actualKwh() {
      return actualKwh;
    }

    /** The reduction credited, kWh (9 decimals at most). */
    BigDecimal reductionKwh() {
      return reductionKwh;
    }

    /** How many days the baseline averaged. */
    int daysUsed() {
      return daysUsed;
    }

    /** Every step, for the bill line and the auditor. */
    DemandResponseEventReport report() {
      return report;
    }
  }

  /** One day of the look-back with data: its event-hour intervals (mWh) and their sum. */
  private static final class Candidate {
    final LocalDate date;
    final DayType type;
    final long[] usage;
    final long total;
    BaselineDayStatus status = BaselineDayStatus.NOT_CHOSEN;

    Candidate(LocalDate date, DayType type, long[] usage) {
      this.date = date;
      this.type = type;
      this.usage = usage;
      long t = 0;
      for (long v : usage) {
        t += v;
      }
      this.total = t;
    }
  }

  /**
   * Settles an event whose window is {@code [from, to)} of the bill grid.
   *
   * @param series the meter data, history before the period included
   * @param shift the series index of the bill grid's first interval
   */
  static EventResult settle(DemandResponseProgram prog, DemandResponseEvent ev, int from, int to,
      IntervalSeries series, int shift, SegmentPlan sp) {
    BaselineRule rule = prog.baseline();
    ZoneId zone = sp.zone;
    DayCalendar cal = rule.calendar().orElseGet(() -> tariffCalendar(sp.version));
    int n = to - from;
    LocalDate day = ev.startInclusive().toLocalDate();
    LocalTime startTime = ev.startInclusive().toLocalTime();
    DayType eventType = cal.dayType(day);
    Optional<WeekendBaseline> weekend = eventType == DayType.WEEKDAY ? Optional.empty() : rule.weekend();
    BaselineMethod method = weekend.map(WeekendBaseline::method).orElse(rule.method());
    int x = weekend.map(WeekendBaseline::days).orElse(rule.days());
    int y = weekend.map(WeekendBaseline::window).orElse(rule.window());
    Set<LocalDate> eventDays = new HashSet<>();
    for (DemandResponseEvent e : prog.events()) {
      eventDays.add(e.startInclusive().toLocalDate());
    }

    // 1-2. like days and eligibility, walking back from the day before the event
    List<BaselineDay> considered = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    List<Integer> candidateAt = new ArrayList<>();
    for (int back = 1; back <= rule.maxLookbackDays() && candidates.size() < y; back++) {
      LocalDate d = day.minusDays(back);
      DayType dt = cal.dayType(d);
      BaselineDayStatus excluded = null;
      if (!isLikeDay(weekend, day, eventType, d, dt)) {
        excluded = dt == DayType.HOLIDAY ? BaselineDayStatus.HOLIDAY : BaselineDayStatus.NOT_A_LIKE_DAY;
      } else if (eventDays.contains(d)) {
        excluded = BaselineDayStatus.EVENT_DAY;
      } else if (prog.excludedDays().contains(d)) {
        excluded = BaselineDayStatus.EXCLUDED_DAY;
      }
      long[] u = excluded == null ? window(series, d.atTime(startTime), n, zone) : null;
      if (u == null) {
        considered.add(BaselineDay.of(d, dt, excluded == null ? BaselineDayStatus.NO_DATA : excluded,
            Optional.empty()));
        continue;
      }
      candidateAt.add(considered.size());
      considered.add(BaselineDay.of(d, dt, BaselineDayStatus.NOT_CHOSEN, Optional.empty()));
      candidates.add(new Candidate(d, dt, u));
    }

    // 3. low-usage days: usage × 100 × count < percent × Σ usage
    Optional<BigDecimal> threshold = Optional.empty();
    BigDecimal pct = rule.lowUsagePercent();
    if (pct.signum() > 0 && !candidates.isEmpty()) {
      long sum = 0;
      for (Candidate c : candidates) {
        sum += c.total;
      }
      BigDecimal limit = pct.multiply(BigDecimal.valueOf(sum));
      BigDecimal count = BigDecimal.valueOf(candidates.size());
      threshold = Optional.of(limit.divide(HUNDRED.multiply(count).multiply(MWH_PER_KWH), KWH_SCALE,
          RoundingMode.HALF_UP));
      for (Candidate c : candidates) {
        if (BigDecimal.valueOf(c.total).multiply(HUNDRED).multiply(count).compareTo(limit) < 0) {
          c.status = BaselineDayStatus.LOW_USAGE;
        }
      }
    }

    // 4. selection
    List<Candidate> eligible = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.status != BaselineDayStatus.LOW_USAGE) {
        eligible.add(c);
      }
    }
    if (method == BaselineMethod.HIGHEST_X_OF_Y) {
      eligible.sort(Comparator.comparingLong((Candidate c) -> c.total).reversed()); // stable: ties stay recent first
    }
    List<Candidate> chosen = eligible.subList(0, Math.min(x, eligible.size()));
    for (Candidate c : chosen) {
      c.status = BaselineDayStatus.CHOSEN;
    }
    for (int k = 0; k < candidates.size(); k++) {
      Candidate c = candidates.get(k);
      considered.set(candidateAt.get(k), BaselineDay.of(c.date, c.type, c.status, Optional.of(kwh(c.total))));
    }
    int days = chosen.size();

    BigDecimal[] unadjusted = new BigDecimal[n];
    for (int j = 0; j < n; j++) {
      long s = 0;
      for (Candidate c : chosen) {
        s += c.usage[j];
      }
      unadjusted[j] = average(s, days);
    }

    // 5. same-day adjustment
    BigDecimal factor = BigDecimal.ONE;
    BigDecimal offset = BigDecimal.ZERO;
    Optional<BaselineAdjustmentDetail> detail = Optional.empty();
    if (rule.adjustment() != BaselineAdjustment.NONE) {
      int adjN = rule.adjustmentHours() * sp.grid.length().perHour();
      LocalDateTime ws = ev.startInclusive().minusHours((long) rule.adjustmentGapHours() + rule.adjustmentHours());
      LocalDateTime we = ev.startInclusive().minusHours(rule.adjustmentGapHours());
      BaselineAdjustmentDetail.Builder a = BaselineAdjustmentDetail.builder().kind(rule.adjustment())
          .windowStart(ws).windowEnd(we).capped(false);
      String why = null;
      long[] act = window(series, ws, adjN, zone);
      long baseSum = 0;
      if (days == 0) {
        why = "no baseline day";
      } else if (act == null) {
        why = "no complete data for the adjustment window on the event day";
      } else {
        for (Candidate c : chosen) {
          long[] w = window(series, c.date.atTime(startTime).minusHours(
              (long) rule.adjustmentGapHours() + rule.adjustmentHours()), adjN, zone);
          if (w == null) {
            why = "no complete data for the adjustment window on " + c.date;
            break;
          }
          baseSum += total(w);
        }
      }
      if (why == null && act != null) {
        BigDecimal actual = kwh(total(act));
        BigDecimal base = average(baseSum, days);
        BigDecimal cap = rule.adjustmentCapPercent().divide(HUNDRED);
        a.actualKwh(actual).baselineKwh(base);
        if (rule.adjustment() == BaselineAdjustment.MULTIPLICATIVE) {
          if (base.signum() == 0) {
            why = "the baseline is zero in the adjustment window";
          } else {
            BigDecimal raw = actual.divide(base, RATIO_SCALE, RoundingMode.HALF_UP);
            BigDecimal lo = BigDecimal.ONE.subtract(cap).max(BigDecimal.ZERO);
            BigDecimal hi = BigDecimal.ONE.add(cap);
            factor = raw.max(lo).min(hi);
            a.rawValue(raw).lowerBound(lo).upperBound(hi).capped(factor.compareTo(raw) != 0);
          }
        } else {
          BigDecimal intervals = BigDecimal.valueOf(adjN);
          BigDecimal raw = actual.subtract(base).divide(intervals, KWH_SCALE, RoundingMode.HALF_UP);
          BigDecimal limit = base.multiply(cap).divide(intervals, KWH_SCALE, RoundingMode.HALF_UP);
          offset = raw.max(limit.negate()).min(limit);
          a.rawValue(raw).lowerBound(limit.negate()).upperBound(limit).capped(offset.compareTo(raw) != 0);
        }
      }
      if (why != null) {
        a.notAppliedBecause(why);
      }
      a.value(rule.adjustment() == BaselineAdjustment.MULTIPLICATIVE ? factor : offset);
      detail = Optional.of(a.build());
    }

    // 6. per interval, then per local clock hour
    BigDecimal rate = prog.incentiveRate().multiply(sp.escalation);
    boolean perHour = prog.reductionBasis() == ReductionBasis.HOUR;
    List<DemandResponseHour> hours = new ArrayList<>();
    BigDecimal totU = BigDecimal.ZERO;
    BigDecimal totB = BigDecimal.ZERO;
    BigDecimal totA = BigDecimal.ZERO;
    BigDecimal totR = BigDecimal.ZERO;
    Instant hourKey = null;
    Instant hourStart = null;
    int count = 0;
    BigDecimal hu = BigDecimal.ZERO;
    BigDecimal hb = BigDecimal.ZERO;
    BigDecimal ha = BigDecimal.ZERO;
    BigDecimal hr = BigDecimal.ZERO;
    for (int j = 0; j <= n; j++) {
      Instant t = j < n ? series.grid().intervalStart(from + j + shift) : null;
      Instant key = t == null ? null : t.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
      if (hourKey != null && hourStart != null && (key == null || !key.equals(hourKey))) {
        BigDecimal r = perHour ? hb.subtract(ha).max(BigDecimal.ZERO) : hr;
        hours.add(DemandResponseHour.builder().startInclusive(hourStart)
            .localStart(LocalDateTime.ofInstant(hourStart, zone)).intervals(count).unadjustedBaselineKwh(hu)
            .baselineKwh(hb).actualKwh(ha).reductionKwh(r).credit(r.multiply(rate)).build());
        totU = totU.add(hu);
        totB = totB.add(hb);
        totA = totA.add(ha);
        totR = totR.add(r);
        count = 0;
        hu = BigDecimal.ZERO;
        hb = BigDecimal.ZERO;
        ha = BigDecimal.ZERO;
        hr = BigDecimal.ZERO;
      }
      if (t == null) {
        break;
      }
      if (count == 0) {
        hourKey = key;
        hourStart = t;
      }
      BigDecimal u = unadjusted[j];
      BigDecimal b = rule.adjustment() == BaselineAdjustment.MULTIPLICATIVE
          ? u.multiply(factor).setScale(KWH_SCALE, RoundingMode.HALF_UP) : u.add(offset).max(BigDecimal.ZERO);
      BigDecimal a = kwh(series.importAt(from + j + shift));
      count++;
      hu = hu.add(u);
      hb = hb.add(b);
      ha = ha.add(a);
      hr = hr.add(b.subtract(a).max(BigDecimal.ZERO));
    }

    DemandResponseEventReport report = DemandResponseEventReport.builder().programId(prog.id())
        .programDescription(prog.description()).eventId(ev.id()).startInclusive(ev.startInclusive())
        .endExclusive(ev.endExclusive()).eventDayType(eventType).likeDays(likeDays(weekend, day, eventType))
        .method(method).days(x).window(y).maxLookbackDays(rule.maxLookbackDays()).lowUsageThresholdKwh(threshold)
        .consideredDays(considered).adjustment(detail).reductionBasis(prog.reductionBasis()).incentiveRate(rate)
        .hours(hours).unadjustedBaselineKwh(totU).baselineKwh(totB).actualKwh(totA).reductionKwh(totR)
        .credit(totR.multiply(rate)).build();
    return new EventResult(totB, totA, totR, days, report);
  }

  /** The calendar of the version's first TOU energy schedule, else Saturday/Sunday weekends without holidays. */
  private static DayCalendar tariffCalendar(TariffVersion v) {
    for (EnergyCharge ec : v.energyCharges()) {
      if (ec.schedule().isPresent()) {
        return ec.schedule().get().calendar();
      }
    }
    return DayCalendar.standard();
  }

  /** Whether day {@code d} of type {@code dt} is a like day of an event on {@code day} of type {@code type}. */
  private static boolean isLikeDay(Optional<WeekendBaseline> weekend, LocalDate day, DayType type, LocalDate d,
      DayType dt) {
    if (weekend.isEmpty()) {
      return dt == DayType.WEEKDAY;
    }
    WeekendBaseline w = weekend.get();
    if (w.matching() == WeekendMatching.ANY_WEEKEND_OR_HOLIDAY) {
      return dt != DayType.WEEKDAY;
    }
    if (type == DayType.HOLIDAY || day.getDayOfWeek() == w.holidayLikeDay()) {
      return dt == DayType.HOLIDAY || (dt == DayType.WEEKEND && d.getDayOfWeek() == w.holidayLikeDay());
    }
    return dt == DayType.WEEKEND && d.getDayOfWeek() == day.getDayOfWeek();
  }

  private static String likeDays(Optional<WeekendBaseline> weekend, LocalDate day, DayType type) {
    if (weekend.isEmpty()) {
      return "weekdays";
    }
    WeekendBaseline w = weekend.get();
    if (w.matching() == WeekendMatching.ANY_WEEKEND_OR_HOLIDAY) {
      return "weekend days and holidays";
    }
    if (type == DayType.HOLIDAY || day.getDayOfWeek() == w.holidayLikeDay()) {
      return plural(w.holidayLikeDay()) + " and holidays";
    }
    return plural(day.getDayOfWeek());
  }

  private static String plural(DayOfWeek d) {
    String n = d.name();
    return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT) + "s";
  }

  /** {@code mwh ÷ days} in kWh, rounded HALF_UP to 9 decimals; zero for no days. */
  private static BigDecimal average(long mwh, int days) {
    if (days == 0) {
      return BigDecimal.ZERO.setScale(KWH_SCALE);
    }
    return BigDecimal.valueOf(mwh).divide(MWH_PER_KWH.multiply(BigDecimal.valueOf(days)), KWH_SCALE,
        RoundingMode.HALF_UP);
  }

  /** kWh, exactly, from mWh. */
  private static BigDecimal kwh(long mwh) {
    return BigDecimal.valueOf(mwh, 6);
  }

  /** The n intervals from a local time, or null if the series does not hold them all as readings. */
  private static long @Nullable [] window(IntervalSeries series, LocalDateTime start, int n, ZoneId zone) {
    Instant t = start.atZone(zone).toInstant();
    int i = series.grid().indexOf(t);
    if (i < 0 || !series.grid().intervalStart(i).equals(t) || i + n > series.size()) {
      return null;
    }
    long[] u = new long[n];
    for (int j = 0; j < n; j++) {
      if (series.quality(i + j) == ReadingQuality.MISSING) {
        return null;
      }
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
