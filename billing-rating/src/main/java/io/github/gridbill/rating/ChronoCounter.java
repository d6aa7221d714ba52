package io.github.gridbill.rating;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A chronological tier fill kept as intervals arrive in time order: one counter over the segment, each interval
 * priced in its own period at the tier the counter has reached, split exactly at bounds; an interval of a period the
 * charge does not price moves the counter unpriced.
 *
 * <p>It walks every interval as {@link SeriesSource#chrono} walks the intervals of a run that crosses a bound, so the
 * kWh per tier (the same {@code BigDecimal} additions in the same order, and the same {@code long} sums) are the
 * batch's exactly. The batch adds a run that crosses no bound as a whole and marks the whole run as the tier's span;
 * the counter keeps the marks of the current run aside and, when the run ends, commits either them or the whole run,
 * as the batch would have. Not thread-safe; {@link #copy()} for a scratch fold.
 */
final class ChronoCounter {
  private final ChronoSpec spec;
  private long counter;
  private int tier;
  private final long[][] whole;
  private final BigDecimal[][] acc;
  private final int[][] spanFrom;
  private final int[][] spanTo;
  /** The run being folded (segment-local run index), the next interval expected. */
  private int run;
  private int next;
  private boolean runOpen;
  private long runC0;
  private int runT0;
  private long runSum;
  private final int[] tentFrom;
  private final int[] tentTo;

  ChronoCounter(ChronoSpec spec) {
    this.spec = spec;
    int n = spec.tables.length;
    this.whole = new long[n][spec.maxTiers];
    this.acc = new BigDecimal[n][spec.maxTiers];
    this.spanFrom = new int[n][spec.maxTiers];
    this.spanTo = new int[n][spec.maxTiers];
    for (int t = 0; t < n; t++) {
      Arrays.fill(acc[t], BigDecimal.ZERO);
      Arrays.fill(spanFrom[t], Integer.MAX_VALUE);
      Arrays.fill(spanTo[t], -1);
    }
    this.tentFrom = new int[spec.maxTiers];
    this.tentTo = new int[spec.maxTiers];
    this.next = spec.sp.offset;
  }

  private ChronoCounter(ChronoCounter o) {
    this.spec = o.spec;
    this.counter = o.counter;
    this.tier = o.tier;
    this.whole = deep(o.whole);
    this.acc = new BigDecimal[o.acc.length][];
    for (int t = 0; t < acc.length; t++) {
      acc[t] = o.acc[t].clone();
    }
    this.spanFrom = deep(o.spanFrom);
    this.spanTo = deep(o.spanTo);
    this.run = o.run;
    this.next = o.next;
    this.runOpen = o.runOpen;
    this.runC0 = o.runC0;
    this.runT0 = o.runT0;
    this.runSum = o.runSum;
    this.tentFrom = o.tentFrom.clone();
    this.tentTo = o.tentTo.clone();
  }

  private static long[][] deep(long[][] a) {
    long[][] c = new long[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  private static int[][] deep(int[][] a) {
    int[][] c = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  ChronoCounter copy() {
    return new ChronoCounter(this);
  }

  /** Bytes of this counter's arrays, roughly (for state-size reports). */
  static long bytes(ChronoSpec spec) {
    long perTier = 8 + 4 + 4 + 8 + 16; // whole, two span ends, a BigDecimal reference and a small BigDecimal
    return 64 + spec.tables.length * (spec.maxTiers * perTier + 4 * 16) + spec.maxTiers * 8L;
  }

  /**
   * Folds the next interval of the bill grid (intervals outside the segment are ignored).
   *
   * @param i the bill-grid index; every index of the segment must come once, in order
   */
  void fold(int i, long imp, long exp) {
    SegmentPlan sp = spec.sp;
    if (i < sp.offset || i >= sp.offset + sp.count) {
      return;
    }
    if (i != next) {
      throw new IllegalStateException("chronological fold out of order: " + i + ", expected " + next);
    }
    next++;
    while (sp.runEnd[run] <= i) {
      finishRun();
      run++;
    }
    if (!runOpen) {
      runOpen = true;
      runC0 = counter;
      runT0 = tier;
      runSum = 0;
      Arrays.fill(tentFrom, Integer.MAX_VALUE);
      Arrays.fill(tentTo, -1);
    }
    int tb = spec.tableOfKey[sp.runKey[run]];
    if (tb < 0) {
      counter += spec.flow(imp, exp); // a period the charge does not price still fills the bill's counter
      return;
    }
    long a = spec.flow(imp, exp);
    runSum += a;
    if (a == 0) {
      return;
    }
    TierTable tt = spec.tables[tb];
    long[] floor = spec.floors[tb];
    int last = tt.size() - 1;
    int ti = Math.min(tier, last);
    if (counter + a <= floor[ti] || ti == last) {
      counter += a;
      whole[tb][ti] += a;
      tent(ti, i);
      return;
    }
    BigDecimal after = BigDecimal.valueOf(counter + a);
    BigDecimal lower = BigDecimal.valueOf(counter);
    counter += a;
    while (true) {
      ti = Math.min(tier, last);
      BigDecimal b = spec.boundsMwh[tb][ti];
      if (b == null || after.compareTo(b) <= 0 || ti == last) {
        acc[tb][ti] = acc[tb][ti].add(after.subtract(lower));
        tent(ti, i);
        break;
      }
      BigDecimal part = b.subtract(lower);
      if (part.signum() > 0) {
        acc[tb][ti] = acc[tb][ti].add(part);
        tent(ti, i);
        lower = b;
      }
      tier++;
    }
  }

  private void tent(int ti, int i) {
    tentFrom[ti] = Math.min(tentFrom[ti], i);
    tentTo[ti] = Math.max(tentTo[ti], i + 1);
  }

  /** Ends the current run as the batch would: whole (one span) when it crossed no bound, else interval by interval. */
  void finishRun() {
    if (!runOpen) {
      return;
    }
    runOpen = false;
    SegmentPlan sp = spec.sp;
    int tb = spec.tableOfKey[sp.runKey[run]];
    if (tb < 0) {
      return;
    }
    int last = spec.tables[tb].size() - 1;
    int ti0 = Math.min(runT0, last);
    if (runC0 + runSum <= spec.floors[tb][ti0] || ti0 == last) {
      if (runSum > 0) {
        spanFrom[tb][ti0] = Math.min(spanFrom[tb][ti0], sp.runStart[run]);
        spanTo[tb][ti0] = Math.max(spanTo[tb][ti0], sp.runEnd[run]);
      }
      return;
    }
    for (int t = 0; t < tentFrom.length; t++) {
      if (tentTo[t] >= 0) {
        spanFrom[tb][t] = Math.min(spanFrom[tb][t], tentFrom[t]);
        spanTo[tb][t] = Math.max(spanTo[tb][t], tentTo[t]);
      }
    }
  }

  /** The fill so far (call {@link #finishRun()} first), as {@link SeriesSource#chrono} returns it. */
  ChronoFill result() {
    Map<Integer, BigDecimal[]> kwh = new TreeMap<>();
    Map<Integer, int[][]> spans = new TreeMap<>();
    for (int t = 0; t < spec.tables.length; t++) {
      BigDecimal[] q = new BigDecimal[spec.maxTiers];
      int[][] s = new int[spec.maxTiers][];
      for (int i = 0; i < q.length; i++) {
        q[i] = acc[t][i].add(BigDecimal.valueOf(whole[t][i])).movePointLeft(6);
        s[i] = new int[] {spanFrom[t][i], spanTo[t][i]};
      }
      kwh.put(spec.periods[t], q);
      spans.put(spec.periods[t], s);
    }
    return new ChronoFill(kwh, spans);
  }
}
