package io.github.gridbill.rating;

import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.ExportRate;
import io.github.gridbill.core.tariff.ExportRateKind;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.TierAllocation;
import io.github.gridbill.core.tariff.TierCounter;
import io.github.gridbill.core.tariff.TierMode;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.rating.internal.LiveKernel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A plan compiled for live rating: which key each interval sums into, which price sums and chronological fills each
 * segment keeps, and whether the cycle's intervals must be retained one by one.
 *
 * <p>State layout of the {@code long[]}: per key (across segments) {@value #KEY_FIELDS} longs — import, export, net
 * import, net export, largest import, {@code readings << 32 | (index of the largest + 1)}, {@code non-actual << 32 |
 * method mask} — then two longs (a 128-bit sum) per price series with nano-unit prices. The fold of a reading adds,
 * compares and shifts {@code long}s only; maxima keep the earliest index among equal values, as the batch's time-order
 * scan does, so the order of arrival does not matter.
 */
final class LiveKernelImpl implements LiveKernel {
  static final int KEY_FIELDS = 7;
  static final int IMP = 0;
  static final int NET_IMP = 1;
  static final int EXP = 2;
  static final int NET_EXP = 3;

  final RatingPlan plan;
  private final int n;
  private final int[] keyOf;
  private final int[] keyBase;
  private final int[] segOfKey;
  private final int keys;
  /** Price sums: segment, flow, table, and (exact tables) the index into the side's sums. */
  final int[] accSeg;
  final int[] accFlow;
  final PriceTable[] accTable;
  final int[] accExact;
  private final int[] accExactScale;
  /** Per segment, the price sums it feeds. */
  private final int[][] accOfSeg;
  final int accBase;
  final ChronoSpec[] chrono;
  private final boolean retain;
  private final int longs;
  private final boolean side;

  private LiveKernelImpl(RatingPlan plan) {
    this.plan = plan;
    this.n = plan.grid().count();
    List<SegmentPlan> segs = plan.segments;
    this.keyBase = new int[segs.size()];
    int k = 0;
    for (int s = 0; s < segs.size(); s++) {
      keyBase[s] = k;
      k += segs.get(s).keyCount;
    }
    this.keys = k;
    this.segOfKey = new int[keys];
    this.keyOf = new int[n];
    for (int s = 0; s < segs.size(); s++) {
      SegmentPlan sp = segs.get(s);
      for (int j = 0; j < sp.keyCount; j++) {
        segOfKey[keyBase[s] + j] = s;
      }
      for (int r = 0; r < sp.runStart.length; r++) {
        for (int i = sp.runStart[r]; i < sp.runEnd[r]; i++) {
          keyOf[i] = keyBase[s] + sp.runKey[r];
        }
      }
    }

    // price sums and chronological fills, as BillAssembler asks for them
    List<Integer> aSeg = new ArrayList<>();
    List<Integer> aFlow = new ArrayList<>();
    List<PriceTable> aTable = new ArrayList<>();
    List<ChronoSpec> specs = new ArrayList<>();
    boolean keep = false;
    for (int s = 0; s < segs.size(); s++) {
      SegmentPlan sp = segs.get(s);
      NetMeteringRule rule = sp.version.netMetering().orElse(null);
      NetMeteringMode mode = rule == null ? null : rule.mode();
      boolean nb = mode == NetMeteringMode.NET_BILLING;
      for (int c = 0; c < sp.energy.size(); c++) {
        PriceTable pt = sp.energyPrices[c];
        if (pt != null) {
          aSeg.add(s);
          aFlow.add(nb ? NET_IMP : IMP);
          aTable.add(pt);
        }
        EnergyCharge ec = sp.energy.get(c);
        if (chronological(ec)) {
          if (ChronoSpec.demandFree(ec)) {
            specs.add(new ChronoSpec(s, c, nb, false, sp, ChronoSpec.resolve(ec, sp)));
          } else {
            keep = true;
          }
        }
      }
      ExportRate er = sp.exportRate;
      boolean credits = mode == NetMeteringMode.NET_BILLING || mode == NetMeteringMode.BUY_ALL_SELL_ALL;
      if (er != null && credits) {
        PriceTable xp = sp.exportPrices;
        if (er.kind() == ExportRateKind.TIME_SERIES && xp != null) {
          aSeg.add(s);
          aFlow.add(nb ? NET_EXP : EXP);
          aTable.add(xp);
        }
        if (er.kind() == ExportRateKind.TIER_SELL_RATES && !sp.energy.isEmpty() && chronological(sp.energy.get(0))) {
          if (ChronoSpec.demandFree(sp.energy.get(0))) {
            specs.add(new ChronoSpec(s, 0, nb, true, sp, ChronoSpec.resolve(sp.energy.get(0), sp)));
          } else {
            keep = true;
          }
        }
      }
      for (int[][] events : sp.drEvents) {
        for (int[] w : events) {
          keep |= w[0] >= 0;
        }
      }
    }
    int accs = aSeg.size();
    this.accSeg = aSeg.stream().mapToInt(Integer::intValue).toArray();
    this.accFlow = aFlow.stream().mapToInt(Integer::intValue).toArray();
    this.accTable = aTable.toArray(new PriceTable[0]);
    this.accExact = new int[accs];
    this.accExactScale = new int[accs];
    int exact = 0;
    int nanos = 0;
    for (int a = 0; a < accs; a++) {
      if (accTable[a].isNanos()) {
        accExact[a] = -1;
        nanos++;
      } else {
        accExact[a] = exact++;
        accExactScale[a] = segs.get(accSeg[a]).count == 0 ? 0 : accTable[a].exactSumScale();
      }
    }
    this.accOfSeg = new int[segs.size()][];
    for (int s = 0; s < segs.size(); s++) {
      int s0 = s;
      accOfSeg[s] = java.util.stream.IntStream.range(0, accs).filter(a -> accSeg[a] == s0).toArray();
    }
    this.accBase = keys * KEY_FIELDS;
    // nano sums are addressed by price-sum index: 2 longs each (exact ones leave theirs unused)
    this.longs = accBase + 2 * accs;
    this.chrono = specs.toArray(new ChronoSpec[0]);
    this.retain = keep;
    this.side = exact > 0 || chrono.length > 0 || retain;
    assert nanos + exact == accs;
  }

  static LiveKernelImpl compile(RatingPlan plan) {
    return new LiveKernelImpl(plan);
  }

  private static boolean chronological(EnergyCharge ec) {
    return ec.counter() == TierCounter.ALL_PERIODS && ec.allocation() == TierAllocation.CHRONOLOGICAL
        && ec.mode() == TierMode.BLOCK;
  }

  static int flow(boolean net, boolean imports) {
    return imports ? (net ? NET_IMP : IMP) : (net ? NET_EXP : EXP);
  }

  @Override
  public RatingPlan plan() {
    return plan;
  }

  @Override
  public int intervals() {
    return n;
  }

  @Override
  public int stateLongs() {
    return longs;
  }

  @Override
  public long sideBytes() {
    if (!side) {
      return 0;
    }
    long b = 32;
    for (ChronoSpec c : chrono) {
      b += ChronoCounter.bytes(c);
    }
    for (int a = 0; a < accTable.length; a++) {
      b += accExact[a] >= 0 ? 48 : 0;
    }
    if (retain) {
      b += 2 * (16 + 8L * n);
    }
    return b;
  }

  @Override
  public boolean ordered() {
    return chrono.length > 0;
  }

  @Override
  public @Nullable Object newSide() {
    if (!side) {
      return null;
    }
    ChronoCounter[] c = new ChronoCounter[chrono.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = new ChronoCounter(chrono[i]);
    }
    int exact = 0;
    for (int x : accExact) {
      exact += x >= 0 ? 1 : 0;
    }
    BigDecimal[] sums = new BigDecimal[exact];
    for (int a = 0; a < accTable.length; a++) {
      if (accExact[a] >= 0) {
        sums[accExact[a]] = BigDecimal.ZERO.setScale(accExactScale[a]);
      }
    }
    return new LiveSide(c, sums, retain ? new long[n] : null, retain ? new long[n] : null);
  }

  @Override
  public @Nullable Object copySide(@Nullable Object s) {
    return s == null ? null : ((LiveSide) s).copy();
  }

  @Override
  public void add(long[] s, @Nullable Object sideState, int i, long a, long x, int quality, int method) {
    final int k = keyOf[i];
    final int b = k * KEY_FIELDS;
    s[b] += a;
    s[b + 1] += x;
    final long d = a - x;
    if (d > 0) {
      s[b + 2] += d;
    } else {
      s[b + 3] -= d;
    }
    long meta = s[b + 5];
    final long max = s[b + 4];
    if (a > max || (a == max && a > 0 && i < (int) meta - 1)) {
      s[b + 4] = a;
      meta = (meta & 0xFFFF_FFFF_0000_0000L) | (i + 1);
    }
    s[b + 5] = meta + (1L << 32);
    if (quality != 0) {
      s[b + 6] = (s[b + 6] + (1L << 32)) | (1L << method);
    }
    if (side) {
      addSide(s, (LiveSide) java.util.Objects.requireNonNull(sideState, "side"), i, a, x, k);
    } else if (accTable.length > 0) {
      addPrices(s, null, i, a, x, k);
    }
  }

  private void addSide(long[] s, LiveSide sd, int i, long a, long x, int k) {
    if (accTable.length > 0) {
      addPrices(s, sd, i, a, x, k);
    }
    long[] ri = sd.retainedImport;
    long[] re = sd.retainedExport;
    if (ri != null && re != null) {
      ri[i] = a;
      re[i] = x;
    }
  }

  private void addPrices(long[] s, @Nullable LiveSide sd, int i, long a, long x, int k) {
    int seg = segOfKey[k];
    int j = i - plan.segments.get(seg).offset;
    for (int acc : accOfSeg[seg]) {
      long f;
      switch (accFlow[acc]) {
        case IMP:
          f = a;
          break;
        case NET_IMP:
          f = Math.max(a - x, 0);
          break;
        case EXP:
          f = x;
          break;
        default:
          f = Math.max(x - a, 0);
      }
      if (f == 0) {
        continue;
      }
      PriceTable pt = accTable[acc];
      if (pt.isNanos()) {
        long p = pt.nanosAt(j);
        int b = accBase + 2 * acc;
        long pl = f * p;
        long ph = Math.multiplyHigh(f, p);
        long lo = s[b + 1];
        long nlo = lo + pl;
        s[b] += ph + (Long.compareUnsigned(nlo, lo) < 0 ? 1 : 0);
        s[b + 1] = nlo;
      } else if (sd != null) {
        int e = accExact[acc];
        sd.exactSums[e] = sd.exactSums[e].add(BigDecimal.valueOf(f, 6).multiply(pt.priceAt(j)));
      }
    }
  }

  @Override
  public void addOrdered(@Nullable Object sideState, int i, long a, long x) {
    if (chrono.length == 0 || sideState == null) {
      return;
    }
    for (ChronoCounter c : ((LiveSide) sideState).chrono) {
      c.fold(i, a, x);
    }
  }

  @Override
  public int keyCount() {
    return keys;
  }

  @Override
  public int keyOf(int index) {
    return keyOf[index];
  }

  @Override
  public long keyImport(long[] s, int key) {
    return s[key * KEY_FIELDS];
  }

  @Override
  public long keyExport(long[] s, int key) {
    return s[key * KEY_FIELDS + 1];
  }

  @Override
  public int keyReadings(long[] s, int key) {
    return (int) (s[key * KEY_FIELDS + 5] >>> 32);
  }

  /** The segment's totals as the batch hot loop would have summed them. */
  SegmentTotals totals(long[] s, int segment) {
    SegmentPlan sp = plan.segments.get(segment);
    SegmentTotals t = new SegmentTotals(sp.keyCount, 0);
    for (int j = 0; j < sp.keyCount; j++) {
      int b = (keyBase[segment] + j) * KEY_FIELDS;
      t.imp[j] = s[b];
      t.exp[j] = s[b + 1];
      t.netImp[j] = s[b + 2];
      t.netExp[j] = s[b + 3];
      t.maxImp[j] = s[b + 4];
      t.maxImpIndex[j] = (int) s[b + 5] - 1;
      t.nonActual[j] = (int) (s[b + 6] >>> 32);
      t.methodMask[j] = (int) s[b + 6];
    }
    return t;
  }

  @Override
  public RatedBill assemble(long[] s, @Nullable Object sideState, String meterId, BillingState billingState,
      @Nullable IntervalSeries history, int pendingFrom, long[] pendingImport, long[] pendingExport) {
    LiveSide sd = (LiveSide) sideState;
    ChronoCounter[] fills = new ChronoCounter[0];
    SeriesSource retained = null;
    if (sd != null) {
      fills = new ChronoCounter[sd.chrono.length];
      for (int c = 0; c < fills.length; c++) {
        ChronoCounter f = sd.chrono[c].copy();
        for (int j = 0; j < pendingImport.length; j++) {
          f.fold(pendingFrom + j, pendingImport[j], pendingExport[j]);
        }
        f.finishRun();
        fills[c] = f;
      }
      long[] ri = sd.retainedImport;
      long[] re = sd.retainedExport;
      if (ri != null && re != null) {
        retained = retainedSource(meterId, history, ri, re);
      }
    }
    return new BillAssembler(plan, new LiveSource(this, s, sd, meterId, fills, retained), billingState).assemble();
  }

  /** The batch source over the retained cycle, after the history (for demand-response baselines). */
  private SeriesSource retainedSource(String meterId, @Nullable IntervalSeries history, long[] imp, long[] exp) {
    IntervalGrid g = plan.grid();
    int h = history == null ? 0 : history.size();
    long[] ai = new long[h + n];
    long[] ax = new long[h + n];
    if (history != null) {
      System.arraycopy(history.imports, 0, ai, 0, h);
      long[] he = history.exports;
      if (he != null) {
        System.arraycopy(he, 0, ax, 0, h);
      }
    }
    System.arraycopy(imp, 0, ai, h, n);
    System.arraycopy(exp, 0, ax, h, n);
    IntervalGrid all = history == null ? g : IntervalGrid.of(history.grid().start(), g.length(), h + n);
    IntervalSeries series = IntervalSeries.builder(meterId, all).imports(ai).exports(ax)
        .maxDemand(io.github.gridbill.core.quantity.Power.ofMilliwatts(Long.MAX_VALUE)).build();
    return new SeriesSource(plan, series, h);
  }
}
