package io.github.gridbill.rating.vee;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.rating.IntervalRange;
import io.github.gridbill.rating.IntervalSeries;
import io.github.gridbill.rating.ReadingQuality;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Raw readings laid on an interval grid: per interval, the import and export in mWh exactly as read (negative values
 * included, for validation to judge), whether a reading was there, and the meter's event flags; plus the findings of
 * laying them out and the local days of the grid in a zone.
 *
 * <p>Made by {@link #normalize} from readings in arrival order, or by {@link #ofSeries} from a series that is already
 * on a grid. Normalising puts each reading whose duration is the grid's interval length and whose start is on the grid
 * (or within the clock tolerance of it, CLOCK_TOLERANCE) in its interval; a second reading for an interval is an
 * identical or a conflicting duplicate ({@link DuplicatePolicy} decides which is kept); a reading of another duration
 * (INTERVAL_SIZE) or off the grid beyond the tolerance (OFF_GRID) is not used, and if its span covers intervals that
 * were read it is an identical overlap (its values equal theirs summed) or a conflicting one; readings outside the
 * grid are OUTSIDE_WINDOW. Intervals with no usable reading are missing.
 *
 * <p>{@code GridReadings g = GridReadings.normalize("M-1", readings, IntervalGrid.forPeriod(june, FIFTEEN_MINUTES),
 * ZoneId.of("America/Toronto"), NormalizationRules.defaults());}
 *
 * <p>This class is immutable and thread-safe: arrays are never exposed.
 */
public final class GridReadings {
  static final byte MISSING = 0;
  static final byte PRESENT = 1;
  static final byte REJECTED = 2;

  final String meterId;
  final IntervalGrid grid;
  final ZoneId zone;
  final long[] imports;
  final long[] exports;
  final boolean anyExport;
  /** Per interval: MISSING, PRESENT or REJECTED (a conflicting duplicate under {@link DuplicatePolicy#REJECT}). */
  final byte[] state;
  final int[] events;
  /** The local days touching the grid, and the index of each day's first interval; dayStart has days.length + 1. */
  final LocalDate[] days;
  final int[] dayStart;
  final List<Finding> findings;
  final int readingCount;

  private GridReadings(String meterId, IntervalGrid grid, ZoneId zone, long[] imports, long[] exports, byte[] state,
      int[] events, List<Finding> findings, int readingCount) {
    this.meterId = meterId;
    this.grid = grid;
    this.zone = zone;
    this.imports = imports;
    this.exports = exports;
    boolean x = false;
    for (long v : exports) {
      if (v != 0) {
        x = true;
        break;
      }
    }
    this.anyExport = x;
    this.state = state;
    this.events = events;
    this.findings = List.copyOf(findings);
    this.readingCount = readingCount;
    List<LocalDate> ds = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    int n = grid.count();
    if (n > 0) {
      LocalDate d = grid.start().atZone(zone).toLocalDate();
      int from = 0;
      while (from < n) {
        Instant next = d.plusDays(1).atStartOfDay(zone).toInstant();
        int to = Math.min(n, ceilIndex(grid, next));
        if (to > from) {
          ds.add(d);
          starts.add(from);
          from = to;
        }
        d = d.plusDays(1);
      }
    }
    this.days = ds.toArray(new LocalDate[0]);
    this.dayStart = new int[days.length + 1];
    for (int k = 0; k < days.length; k++) {
      dayStart[k] = starts.get(k);
    }
    dayStart[days.length] = n;
  }

  /** The index of the first interval starting at or after an instant (may be past the grid). */
  static int ceilIndex(IntervalGrid grid, Instant t) {
    long s = Duration.between(grid.start(), t).toSeconds();
    long len = grid.length().seconds();
    if (s <= 0) {
      return 0;
    }
    return (int) Math.min(Integer.MAX_VALUE, Math.floorDiv(s + len - 1, len));
  }

  /**
   * Lays raw readings, in the order they arrived, on a grid.
   *
   * @param meterId the meter id, not null
   * @param readings the readings in arrival order, not null
   * @param window the grid to lay them on (the window being validated), not null
   * @param zone the zone of the meter's local days (for per-day checks and like days), not null
   * @param rules the clock tolerance and duplicate policy, not null
   * @return the readings on the grid, with the findings of laying them out, never null
   * @throws ValidationException if the clock tolerance is not less than half the grid's interval length
   */
  public static GridReadings normalize(String meterId, List<RawReading> readings, IntervalGrid window, ZoneId zone,
      NormalizationRules rules) {
    Objects.requireNonNull(meterId, "meterId");
    Objects.requireNonNull(readings, "readings");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(rules, "rules");
    long lenNanos = window.length().seconds() * 1_000_000_000L;
    long tol = rules.clockTolerance().toNanos();
    if (tol * 2 >= lenNanos) {
      throw new ValidationException("clockTolerance", rules.clockTolerance(),
          "must be less than half the " + window.length().minutes() + "-minute interval");
    }
    for (int r = 0; r < readings.size(); r++) {
      Objects.requireNonNull(readings.get(r), "readings[" + r + "]");
    }
    return new Normalizer(meterId, readings, window, zone, rules, lenNanos, tol).run();
  }

  /**
   * The readings of a series that is already on a grid: every interval that is not {@link ReadingQuality#MISSING}
   * counts as read (whatever its quality), with no event flags and no findings.
   *
   * @param series the series, not null
   * @param zone the zone of the meter's local days, not null
   * @return the readings, never null
   */
  public static GridReadings ofSeries(IntervalSeries series, ZoneId zone) {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(zone, "zone");
    int n = series.size();
    byte[] st = new byte[n];
    for (int i = 0; i < n; i++) {
      st[i] = series.quality(i) == ReadingQuality.MISSING ? MISSING : PRESENT;
    }
    long[] exp = series.exportsCopy().orElse(new long[n]);
    return new GridReadings(series.meterId(), series.grid(), zone, series.importsCopy(), exp, st, new int[n],
        List.of(), n);
  }

  /**
   * The meter id.
   *
   * @return the id, never null
   */
  public String meterId() {
    return meterId;
  }

  /**
   * The grid.
   *
   * @return the grid, never null
   */
  public IntervalGrid grid() {
    return grid;
  }

  /**
   * The zone of the local days.
   *
   * @return the zone, never null
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The number of intervals.
   *
   * @return the grid's count
   */
  public int size() {
    return imports.length;
  }

  /**
   * The number of raw readings laid out.
   *
   * @return the count
   */
  public int readingCount() {
    return readingCount;
  }

  /**
   * Whether an interval has a usable reading.
   *
   * @param index the interval index
   * @return true if read and not rejected while laying out
   */
  public boolean isPresent(int index) {
    return state[index] == PRESENT;
  }

  /**
   * The import of an interval as read, 0 when missing.
   *
   * @param index the interval index
   * @return the mWh value, possibly negative
   */
  public long importAt(int index) {
    return imports[index];
  }

  /**
   * The export of an interval as read, 0 when missing.
   *
   * @param index the interval index
   * @return the mWh value, possibly negative
   */
  public long exportAt(int index) {
    return exports[index];
  }

  /**
   * Whether any interval has a non-zero export.
   *
   * @return true if there is export
   */
  public boolean hasExport() {
    return anyExport;
  }

  /**
   * The event flags of an interval.
   *
   * @param index the interval index
   * @return the events, a new set, never null
   */
  public Set<MeterEvent> events(int index) {
    return MeterEvent.ofMask(events[index]);
  }

  /**
   * The local days the grid touches, in order (the first and last may be partly outside the grid).
   *
   * @return the days, never null
   */
  public List<LocalDate> days() {
    return List.of(days);
  }

  /**
   * The index of the first interval of a local day.
   *
   * @param day the position of the day in {@link #days()}
   * @return the interval index
   */
  public int dayStartIndex(int day) {
    return dayStart[day];
  }

  /**
   * The index after the last interval of a local day.
   *
   * @param day the position of the day in {@link #days()}
   * @return the interval index (exclusive)
   */
  public int dayEndIndex(int day) {
    return dayStart[day + 1];
  }

  /**
   * The findings of laying out the readings, in arrival order of the readings concerned.
   *
   * @return the findings, never null
   */
  public List<Finding> findings() {
    return findings;
  }

  /** The range of intervals {@code [from, to)} of a grid, with their time span. */
  static IntervalRange range(IntervalGrid grid, int from, int to) {
    return IntervalRange.of(from, to - from, grid.intervalStart(from),
        to < grid.count() ? grid.intervalStart(to) : grid.end());
  }

  @Override
  public String toString() {
    return "GridReadings[" + meterId + ", " + grid + ", " + readingCount + " readings, " + findings.size()
        + " findings]";
  }

  /** One pass over the readings: aligned ones to their intervals, then the others judged against them. */
  private static final class Normalizer {
    private final String meterId;
    private final List<RawReading> readings;
    private final IntervalGrid grid;
    private final ZoneId zone;
    private final NormalizationRules rules;
    private final long lenNanos;
    private final long tol;
    private final int n;
    private final long[] imp;
    private final long[] exp;
    private final byte[] st;
    private final int[] ev;
    private final int[] keptReading;
    private final List<Finding> out = new ArrayList<>();

    Normalizer(String meterId, List<RawReading> readings, IntervalGrid grid, ZoneId zone, NormalizationRules rules,
        long lenNanos, long tol) {
      this.meterId = meterId;
      this.readings = readings;
      this.grid = grid;
      this.zone = zone;
      this.rules = rules;
      this.lenNanos = lenNanos;
      this.tol = tol;
      this.n = grid.count();
      this.imp = new long[n];
      this.exp = new long[n];
      this.st = new byte[n];
      this.ev = new int[n];
      this.keptReading = new int[n];
      Arrays.fill(keptReading, -1);
    }

    GridReadings run() {
      Instant s0 = grid.start();
      List<Integer> others = new ArrayList<>();
      long[] offsets = new long[readings.size()];
      for (int r = 0; r < readings.size(); r++) {
        RawReading rr = readings.get(r);
        Duration fromStart = Duration.between(s0, rr.start());
        // about 95 years away: far outside any window (and nanoseconds would overflow)
        if (Math.abs(fromStart.toSeconds()) > 3_000_000_000L) {
          out.add(finding(CheckId.OUTSIDE_WINDOW, Severity.INFO, -1, -1, r, List.of(rr.importMilliwattHours()),
              "reading starting " + rr.start() + " is outside the window " + window()));
          continue;
        }
        long offset = fromStart.toNanos();
        offsets[r] = offset;
        long off = Math.floorMod(offset, lenNanos);
        long nearest = off <= lenNanos / 2 ? offset - off : offset + (lenNanos - off);
        long drift = Math.abs(offset - nearest);
        boolean sized = rr.duration().toNanos() == lenNanos;
        if (!sized || drift > tol) {
          others.add(r);
          continue;
        }
        long slotL = Math.floorDiv(nearest, lenNanos);
        if (slotL < 0 || slotL >= n) {
          out.add(finding(CheckId.OUTSIDE_WINDOW, Severity.INFO, -1, -1, r, List.of(rr.importMilliwattHours()),
              "reading starting " + rr.start() + " is outside the window " + window()));
          continue;
        }
        int slot = (int) slotL;
        if (drift != 0) {
          out.add(finding(CheckId.CLOCK_TOLERANCE, Severity.INFO, slot, slot + 1, r,
              List.of(rr.importMilliwattHours()), "reading starting " + rr.start() + " is " + Duration.ofNanos(drift)
                  + " off the grid, within the clock tolerance of " + rules.clockTolerance() + ": taken as "
                  + grid.intervalStart(slot)));
        }
        place(r, rr, slot);
      }
      for (int r : others) {
        judgeUnaligned(r, readings.get(r), offsets[r]);
      }
      return new GridReadings(meterId, grid, zone, imp, exp, st, ev, out, readings.size());
    }

    private String window() {
      return "[" + grid.start() + ", " + grid.end() + ")";
    }

    private void place(int r, RawReading rr, int slot) {
      int prev = keptReading[slot];
      if (prev < 0) {
        set(slot, rr, r);
        return;
      }
      RawReading kept = readings.get(prev);
      if (kept.hasSameValues(rr)) {
        out.add(finding(CheckId.DUPLICATE_IDENTICAL, Severity.INFO, slot, slot + 1, List.of(prev, r),
            List.of(kept.importMilliwattHours(), rr.importMilliwattHours()),
            "reading " + r + " repeats reading " + prev + " for " + grid.intervalStart(slot)
                + " with the same values: dropped"));
        return;
      }
      DuplicatePolicy p = rules.duplicates();
      String what = "reading " + r + " for " + grid.intervalStart(slot) + " conflicts with reading " + prev
          + " (import " + rr.importMilliwattHours() + " against " + kept.importMilliwattHours() + " mWh, export "
          + rr.exportMilliwattHours() + " against " + kept.exportMilliwattHours() + " mWh, events " + rr.events()
          + " against " + kept.events() + ")";
      List<Long> values = List.of(kept.importMilliwattHours(), rr.importMilliwattHours());
      switch (p) {
        case KEEP_FIRST:
          out.add(finding(CheckId.DUPLICATE_CONFLICTING, Severity.WARNING, slot, slot + 1, List.of(prev, r), values,
              what + ": the first is kept"));
          return;
        case KEEP_LATEST:
          out.add(finding(CheckId.DUPLICATE_CONFLICTING, Severity.WARNING, slot, slot + 1, List.of(prev, r), values,
              what + ": the latest is kept"));
          set(slot, rr, r);
          return;
        default:
          out.add(Finding.builder().check(CheckId.DUPLICATE_CONFLICTING).severity(Severity.FAILURE)
              .range(range(grid, slot, slot + 1)).readingPositions(List.of(prev, r)).values(values).rejects(true)
              .message(what + ": both rejected, the interval is estimated").build());
          set(slot, rr, r);
          st[slot] = REJECTED;
      }
    }

    private void set(int slot, RawReading rr, int r) {
      imp[slot] = rr.importMilliwattHours();
      exp[slot] = rr.exportMilliwattHours();
      ev[slot] = rr.eventMask();
      keptReading[slot] = r;
      if (st[slot] != REJECTED) {
        st[slot] = PRESENT;
      }
    }

    private void judgeUnaligned(int r, RawReading rr, long offset) {
      long d = rr.duration().toNanos();
      long endOffset = offset + d;
      long a = Math.floorDiv(offset, lenNanos);
      long b = Math.floorDiv(endOffset + lenNanos - 1, lenNanos);
      if (a >= n || b <= 0) {
        out.add(finding(CheckId.OUTSIDE_WINDOW, Severity.INFO, -1, -1, r, List.of(rr.importMilliwattHours()),
            "reading starting " + rr.start() + " is outside the window " + window()));
        return;
      }
      int from = (int) Math.max(a, 0);
      int to = (int) Math.min(b, n);
      int read = 0;
      long sumImp = 0;
      long sumExp = 0;
      for (int i = from; i < to; i++) {
        if (keptReading[i] >= 0) {
          read++;
          sumImp += imp[i];
          sumExp += exp[i];
        }
      }
      String span = rr.start() + " +" + rr.duration();
      if (read > 0) {
        boolean whole = Math.floorMod(offset, lenNanos) == 0 && d % lenNanos == 0 && a >= 0 && b <= n;
        boolean identical = whole && read == to - from && sumImp == rr.importMilliwattHours()
            && sumExp == rr.exportMilliwattHours();
        List<Long> values = List.of(rr.importMilliwattHours(), sumImp);
        if (identical) {
          out.add(finding(CheckId.OVERLAP_IDENTICAL, Severity.INFO, from, to, r, values, "reading " + r + " (" + span
              + ") overlaps " + read + " intervals already read and equals their sum: dropped"));
        } else {
          out.add(finding(CheckId.OVERLAP_CONFLICTING, Severity.WARNING, from, to, r, values, "reading " + r + " ("
              + span + ") overlaps " + read + " of " + (to - from) + " intervals already read (import "
              + rr.importMilliwattHours() + " mWh against their " + sumImp + " mWh): not used"));
        }
        return;
      }
      if (d != lenNanos) {
        out.add(finding(CheckId.INTERVAL_SIZE, Severity.WARNING, from, to, r, List.of(rr.importMilliwattHours()),
            "reading " + r + " (" + span + ") lasts " + rr.duration() + ", not the grid's " + grid.length().minutes()
                + " minutes: not used"));
      } else {
        long off = Math.floorMod(offset, lenNanos);
        long drift = Math.min(off, lenNanos - off);
        out.add(Finding.builder().check(CheckId.OFF_GRID).severity(Severity.WARNING).range(range(grid, from, to))
            .addReadingPosition(r).addValue(rr.importMilliwattHours())
            .message("reading " + r + " starts " + rr.start() + ", " + Duration.ofNanos(drift)
                + " off the grid, beyond the clock tolerance of " + rules.clockTolerance() + ": not used")
            .build());
      }
    }

    private Finding finding(CheckId id, Severity s, int from, int to, int reading, List<Long> values, String msg) {
      return finding(id, s, from, to, List.of(reading), values, msg);
    }

    private Finding finding(CheckId id, Severity s, int from, int to, List<Integer> readingIdx, List<Long> values,
        String msg) {
      Finding.Builder b = Finding.builder().check(id).severity(s).readingPositions(readingIdx).values(values)
          .message(msg);
      if (from >= 0 && to > from) {
        b.range(range(grid, from, to));
      }
      return b.build();
    }
  }
}
