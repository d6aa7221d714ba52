package io.github.gridbill.rating;

import io.github.gridbill.core.tariff.DemandResponseEvent;
import io.github.gridbill.core.tariff.DemandResponseProgram;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Batch meter data: a whole series, summed run by run in one hot pass. */
final class SeriesSource extends MeterSource {
  private final IntervalSeries series;
  private final int shift;
  private final SegmentTotals[] totals;

  /**
   * Sums every segment of a plan over a series.
   *
   * @param shift the series index of the plan grid's first interval
   */
  SeriesSource(RatingPlan plan, IntervalSeries series, int shift) {
    this.series = series;
    this.shift = shift;
    this.totals = new SegmentTotals[plan.segments.size()];
    for (int s = 0; s < totals.length; s++) {
      SegmentPlan sp = plan.segments.get(s);
      totals[s] = new SegmentTotals(sp.keyCount, sp.runStart.length);
      accumulate(sp, series, shift, totals[s]);
    }
  }

  @Override
  String meterId() {
    return series.meterId();
  }

  @Override
  SegmentTotals totals(int segment) {
    return totals[segment];
  }

  @Override
  ChronoFill chrono(int segment, SegmentPlan sp, int charge, Map<Integer, TierTable> tables, boolean net,
      boolean exports) {
    int maxTiers = 0;
    for (TierTable tt : tables.values()) {
      maxTiers = Math.max(maxTiers, tt.size());
    }
    Map<Integer, BigDecimal[]> acc = new TreeMap<>();
    Map<Integer, long[]> whole = new TreeMap<>();
    Map<Integer, int[][]> spans = new TreeMap<>(); // per period, per tier: [first, last+1) interval index in bill grid
    for (Integer p : tables.keySet()) {
      BigDecimal[] a = new BigDecimal[maxTiers];
      java.util.Arrays.fill(a, BigDecimal.ZERO);
      acc.put(p, a);
      whole.put(p, new long[maxTiers]);
      int[][] sp2 = new int[maxTiers][];
      for (int i = 0; i < maxTiers; i++) {
        sp2[i] = new int[] {Integer.MAX_VALUE, -1};
      }
      spans.put(p, sp2);
    }
    // bounds in mWh: exact BigDecimal for splits, floor as long for the fast "does the run cross?" test
    Map<Integer, long[]> floors = new TreeMap<>();
    for (Map.Entry<Integer, TierTable> e : tables.entrySet()) {
      TierTable tt = e.getValue();
      long[] f = new long[tt.size()];
      for (int i = 0; i < f.length; i++) {
        f[i] = tt.bound[i] == null ? Long.MAX_VALUE
            : tt.bound[i].movePointRight(6).setScale(0, RoundingMode.FLOOR).min(BigDecimal.valueOf(Long.MAX_VALUE))
                .longValue();
      }
      floors.put(e.getKey(), f);
    }
    long counter = 0;
    int tier = 0;
    long[] imp = series.imports;
    long @Nullable [] exp = series.exports;
    SegmentTotals t = totals(segment);
    long[] runSums = exports ? (net ? t.runNetExp : t.runExp) : (net ? t.runNetImp : t.runImp);
    int[] periodOfKey = sp.energyPeriodOfKey[charge];
    int[] runKey = sp.runKey;
    for (int r = 0; r < sp.runStart.length; r++) {
      int p = periodOfKey[runKey[r]];
      TierTable tt = tables.get(p);
      if (tt == null) {
        counter += runSums[r]; // a period the charge does not price still fills the bill's counter
        continue;
      }
      long[] floor = Objects.requireNonNull(floors.get(p));
      long[] wholeP = Objects.requireNonNull(whole.get(p));
      int[][] spansP = Objects.requireNonNull(spans.get(p));
      BigDecimal[] accP = Objects.requireNonNull(acc.get(p));
      int ti = Math.min(tier, tt.size() - 1);
      long run = runSums[r];
      if (counter + run <= floor[ti] || ti == tt.size() - 1) {
        counter += run;
        wholeP[ti] += run;
        if (run > 0) {
          mark(spansP[ti], sp.runStart[r], sp.runEnd[r]);
        }
        continue;
      }
      // the run crosses a bound: walk its intervals
      for (int i = sp.runStart[r]; i < sp.runEnd[r]; i++) {
        long a;
        int si = i + shift;
        if (exports) {
          long x = exp == null ? 0 : exp[si];
          a = net ? Math.max(x - imp[si], 0) : x;
        } else {
          long x = imp[si];
          a = net && exp != null ? Math.max(x - exp[si], 0) : x;
        }
        if (a == 0) {
          continue;
        }
        ti = Math.min(tier, tt.size() - 1);
        if (counter + a <= floor[ti] || ti == tt.size() - 1) {
          counter += a;
          wholeP[ti] += a;
          mark(spansP[ti], i, i + 1);
          continue;
        }
        BigDecimal after = BigDecimal.valueOf(counter + a);
        BigDecimal lower = BigDecimal.valueOf(counter);
        counter += a;
        while (true) {
          ti = Math.min(tier, tt.size() - 1);
          BigDecimal b = tt.bound[ti] == null ? null : tt.bound[ti].movePointRight(6);
          if (b == null || after.compareTo(b) <= 0 || ti == tt.size() - 1) {
            accP[ti] = accP[ti].add(after.subtract(lower));
            mark(spansP[ti], i, i + 1);
            break;
          }
          BigDecimal part = b.subtract(lower);
          if (part.signum() > 0) {
            accP[ti] = accP[ti].add(part);
            mark(spansP[ti], i, i + 1);
            lower = b;
          }
          tier++;
        }
      }
    }
    Map<Integer, BigDecimal[]> kwh = new TreeMap<>();
    for (Map.Entry<Integer, TierTable> e : tables.entrySet()) {
      int p = e.getKey();
      BigDecimal[] accP = Objects.requireNonNull(acc.get(p));
      long[] wholeP = Objects.requireNonNull(whole.get(p));
      BigDecimal[] q = new BigDecimal[accP.length];
      for (int i = 0; i < q.length; i++) {
        q[i] = accP[i].add(BigDecimal.valueOf(wholeP[i])).movePointLeft(6);
      }
      kwh.put(p, q);
    }
    return new ChronoFill(kwh, spans);
  }

  private static void mark(int[] span, int from, int to) {
    span[0] = Math.min(span[0], from);
    span[1] = Math.max(span[1], to);
  }

  @Override
  BigDecimal priceAmount(int segment, SegmentPlan sp, PriceTable prices, boolean net, boolean imports) {
    long[] flow = new long[sp.count];
    for (int j = 0; j < sp.count; j++) {
      int i = sp.offset + j + shift;
      long a = series.importAt(i);
      long x = series.exportAt(i);
      flow[j] = imports ? (net ? Math.max(a - x, 0) : a) : (net ? Math.max(x - a, 0) : x);
    }
    return prices.sumProduct(flow);
  }

  @Override
  DemandResponseSettlement.EventResult demandResponse(SegmentPlan sp, DemandResponseProgram program,
      DemandResponseEvent event, int from, int to) {
    return DemandResponseSettlement.settle(program, event, from, to, series, shift, sp);
  }

  /**
   * The hot loop: per run, integer sums and maxima kept in locals. Maximum indices are bill-grid indices.
   *
   * <p>Keep the peak's {@code if} inside the loop: a branch-free variant that the JIT could vectorise (a sign test of
   * {@code peak - import} or-ed over the run, the peak searched only when it is set) crashed the C2 compiler of JDK
   * 17.0.15 ({@code ShouldNotReachHere} in {@code TypeVect::xmeet}) on this machine, and the run-by-run loops are too
   * short (28 intervals on average in the benchmark's month) for vectors to pay off.
   */
  static void accumulate(SegmentPlan sp, IntervalSeries series, int shift, SegmentTotals t) {
    final long[] imp = series.imports;
    final long @Nullable [] exp = series.exports;
    final int[] rs = sp.runStart;
    final int[] re = sp.runEnd;
    final int[] rk = sp.runKey;
    final int runs = rs.length;
    if (exp == null) {
      for (int r = 0; r < runs; r++) {
        final int k = rk[r];
        final int from = rs[r] + shift;
        final int to = re[r] + shift;
        long sum = 0;
        long max = t.maxImp[k];
        int maxAt = t.maxImpIndex[k];
        for (int i = from; i < to; i++) {
          final long a = imp[i];
          sum += a;
          if (a > max) {
            max = a;
            maxAt = i - shift;
          }
        }
        t.imp[k] += sum;
        t.netImp[k] += sum;
        t.runImp[r] = sum;
        t.runNetImp[r] = sum;
        t.maxImp[k] = max;
        t.maxImpIndex[k] = maxAt;
      }
    } else {
      for (int r = 0; r < runs; r++) {
        final int k = rk[r];
        final int from = rs[r] + shift;
        final int to = re[r] + shift;
        long si = 0;
        long se = 0;
        long sn = 0;
        long max = t.maxImp[k];
        int maxAt = t.maxImpIndex[k];
        for (int i = from; i < to; i++) {
          final long a = imp[i];
          final long b = exp[i];
          si += a;
          se += b;
          final long d = a - b;
          // max(d, 0) without a compare: d >> 63 is all ones when d < 0 (no overflow: both channels are validated
          // non-negative and at most IntervalSeries' sane maximum); about 35 % faster than Math.max here
          sn += d & ~(d >> 63);
          if (a > max) {
            max = a;
            maxAt = i - shift;
          }
        }
        // per interval max(d, 0) - max(-d, 0) = d, so the net export sum follows from the other three
        final long sx = sn - (si - se);
        t.imp[k] += si;
        t.exp[k] += se;
        t.runImp[r] = si;
        t.runExp[r] = se;
        t.runNetImp[r] = sn;
        t.runNetExp[r] = sx;
        t.netImp[k] += sn;
        t.netExp[k] += sx;
        t.maxImp[k] = max;
        t.maxImpIndex[k] = maxAt;
      }
    }
    final byte @Nullable [] q = series.quality;
    if (q != null) {
      final byte @Nullable [] m = series.methods;
      for (int r = 0; r < runs; r++) {
        final int k = rk[r];
        for (int i = rs[r] + shift; i < re[r] + shift; i++) {
          if (q[i] != 0) {
            t.nonActual[k]++;
            t.methodMask[k] |= 1 << (m == null ? 0 : m[i]);
          }
        }
      }
    }
  }
}
