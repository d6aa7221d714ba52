package io.github.gridbill.rating.vee;

import io.github.gridbill.core.time.DayCalendar;
import io.github.gridbill.core.time.DayType;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.rating.EstimationMethod;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.ReadingQuality;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The working state of one estimation: values, qualities, methods and the basis of each estimated interval, filled by
 * the steps in order. Steps only ever change MISSING intervals (and register scaling only intervals estimated in this
 * run), so actual intervals are never touched. Not thread-safe; one per run.
 */
final class EstimationRun {
  static final byte ACTUAL = ReadingQuality.ACTUAL.code();
  static final byte MISSING = ReadingQuality.MISSING.code();

  final GridReadings g;
  final VeeContext ctx;
  final DayCalendar calendar;
  final ZoneId zone;
  final IntervalGrid grid;
  final int n;
  final long[] imp;
  final long[] exp;
  final byte[] q;
  final byte[] m;
  final @Nullable String[] basis;
  final List<Finding> out = new ArrayList<>();
  final @Nullable IntervalSeries history;
  private final Map<LocalDate, Boolean> eligible = new HashMap<>();

  EstimationRun(ValidationResult v, VeeContext ctx, DayCalendar calendar) {
    this.g = v.readings();
    this.ctx = ctx;
    this.calendar = calendar;
    this.zone = g.zone;
    this.grid = g.grid;
    this.n = g.imports.length;
    this.imp = new long[n];
    this.exp = new long[n];
    this.q = new byte[n];
    this.m = new byte[n];
    this.basis = new String[n];
    for (int i = 0; i < n; i++) {
      if (v.isValid(i)) {
        imp[i] = g.imports[i];
        exp[i] = g.exports[i];
        q[i] = ACTUAL;
      } else {
        q[i] = MISSING;
      }
    }
    this.history = ctx.history().orElse(null);
  }

  boolean missing(int i) {
    return q[i] == MISSING;
  }

  void set(int i, long importMwh, long exportMwh, ReadingQuality quality, EstimationMethod method, String why) {
    imp[i] = importMwh;
    exp[i] = exportMwh;
    q[i] = quality.code();
    m[i] = method.code();
    basis[i] = why;
  }

  LocalDate day(int i) {
    return grid.intervalStart(i).atZone(zone).toLocalDate();
  }

  /** The day type used to match like days: a holiday is matched like a weekend day. */
  DayType likeType(LocalDate d) {
    DayType t = calendar.dayType(d);
    return t == DayType.HOLIDAY ? DayType.WEEKEND : t;
  }

  /**
   * Whether a day can serve as a like day: not a holiday, not an event day, and every interval of it actual (in the
   * window: read, not rejected, not estimated, no power outage flag; in the history: quality ACTUAL).
   */
  boolean eligible(LocalDate c) {
    Boolean e = eligible.get(c);
    if (e == null) {
      e = !calendar.holidays().isHoliday(c) && !ctx.eventDays().contains(c) && allActual(c);
      eligible.put(c, e);
    }
    return e;
  }

  private boolean allActual(LocalDate c) {
    Instant t = c.atStartOfDay(zone).toInstant();
    Instant end = c.plusDays(1).atStartOfDay(zone).toInstant();
    long len = grid.length().seconds();
    int count = 0;
    for (; t.isBefore(end); t = t.plusSeconds(len)) {
      if (!actualAt(t)) {
        return false;
      }
      count++;
    }
    return count > 0;
  }

  /** The instant at the same local time on another day (a skipped local time moves forward, a repeated one is the
   * earlier). */
  Instant sameLocalTime(int i, LocalDate c) {
    LocalDateTime lt = grid.intervalStart(i).atZone(zone).toLocalDateTime();
    return ZonedDateTime.of(LocalDateTime.of(c, lt.toLocalTime()), zone).toInstant();
  }

  /** Whether the interval starting at t is actual, in the window or the history. */
  boolean actualAt(Instant t) {
    int w = grid.indexOf(t);
    if (w >= 0 && grid.intervalStart(w).equals(t)) {
      return q[w] == ACTUAL && (g.events[w] & MeterEvent.POWER_OUTAGE.bit()) == 0;
    }
    IntervalSeries h = history;
    if (h != null) {
      int k = h.grid().indexOf(t);
      return k >= 0 && h.grid().intervalStart(k).equals(t) && h.quality(k) == ReadingQuality.ACTUAL;
    }
    return false;
  }

  /** The import and export of the actual interval starting at t (which must be {@link #actualAt}). */
  long importAt(Instant t) {
    int w = grid.indexOf(t);
    if (w >= 0) {
      return imp[w];
    }
    IntervalSeries h = history;
    return h == null ? 0 : h.importAt(h.grid().indexOf(t));
  }

  long exportAt(Instant t) {
    int w = grid.indexOf(t);
    if (w >= 0) {
      return exp[w];
    }
    IntervalSeries h = history;
    return h == null ? 0 : h.exportAt(h.grid().indexOf(t));
  }

  /** Runs of MISSING intervals within one local day: {from, to} pairs. */
  List<int[]> missingRunsByDay() {
    List<int[]> runs = new ArrayList<>();
    GridReadings gr = g;
    for (int d = 0; d < gr.days.length; d++) {
      int i = gr.dayStart[d];
      int end = gr.dayStart[d + 1];
      while (i < end) {
        if (!missing(i)) {
          i++;
          continue;
        }
        int j = i;
        while (j < end && missing(j)) {
          j++;
        }
        runs.add(new int[] {i, j});
        i = j;
      }
    }
    return runs;
  }
}
