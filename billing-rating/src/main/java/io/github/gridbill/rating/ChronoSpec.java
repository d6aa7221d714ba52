package io.github.gridbill.rating;

import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TierUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One chronological tier fill of a segment that a live account can fold in time order: the charge's tier tables are
 * known before any reading (no bound depends on demand), so the counter can run as intervals arrive. The fold is the
 * per-interval walk of {@link SeriesSource#chrono}, with the same results (see {@link ChronoCounter}).
 */
final class ChronoSpec {
  final int segment;
  final int charge;
  final boolean net;
  final boolean exports;
  final SegmentPlan sp;
  /** Table periods in ascending order; table index = position. */
  final int[] periods;
  final TierTable[] tables;
  /** Per segment key: the table index of its period, or -1 when the charge does not price it. */
  final int[] tableOfKey;
  final long[][] floors;
  final @Nullable BigDecimal[][] boundsMwh;
  final int maxTiers;

  ChronoSpec(int segment, int charge, boolean net, boolean exports, SegmentPlan sp, Map<Integer, TierTable> byPeriod) {
    this.segment = segment;
    this.charge = charge;
    this.net = net;
    this.exports = exports;
    this.sp = sp;
    TreeMap<Integer, TierTable> sorted = new TreeMap<>(byPeriod);
    int n = sorted.size();
    this.periods = new int[n];
    this.tables = new TierTable[n];
    this.floors = new long[n][];
    this.boundsMwh = new BigDecimal[n][];
    int t = 0;
    int max = 0;
    for (Map.Entry<Integer, TierTable> e : sorted.entrySet()) {
      periods[t] = e.getKey();
      TierTable tt = e.getValue();
      tables[t] = tt;
      max = Math.max(max, tt.size());
      long[] f = new long[tt.size()];
      @Nullable BigDecimal[] b = new BigDecimal[tt.size()];
      for (int i = 0; i < f.length; i++) {
        BigDecimal bound = tt.bound[i];
        b[i] = bound == null ? null : bound.movePointRight(6);
        f[i] = bound == null ? Long.MAX_VALUE
            : bound.movePointRight(6).setScale(0, RoundingMode.FLOOR).min(BigDecimal.valueOf(Long.MAX_VALUE))
                .longValue();
      }
      floors[t] = f;
      boundsMwh[t] = b;
      t++;
    }
    this.maxTiers = max;
    int[] periodOfKey = sp.energyPeriodOfKey[charge];
    this.tableOfKey = new int[sp.keyCount];
    for (int k = 0; k < sp.keyCount; k++) {
      tableOfKey[k] = Arrays.binarySearch(periods, periodOfKey[k]);
      if (tableOfKey[k] < 0) {
        tableOfKey[k] = -1;
      }
    }
  }

  /** Whether a charge's tier bounds are known before the bill's demand: no bounded tier is per kW. */
  static boolean demandFree(EnergyCharge ec) {
    for (PeriodTiers pt : ec.periods()) {
      for (Tier t : pt.tiers()) {
        if (t.upTo().isPresent() && (t.unit() == TierUnit.KWH_PER_KW || t.unit() == TierUnit.KWH_PER_KW_PER_DAY)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The charge's tables for a segment, resolved without demand (only valid when {@link #demandFree}). */
  static Map<Integer, TierTable> resolve(EnergyCharge ec, SegmentPlan sp) {
    Map<Integer, TierTable> out = new TreeMap<>();
    for (PeriodTiers pt : ec.periods()) {
      out.put(pt.period(), sp.energyTiers(pt, BigDecimal.ZERO));
    }
    return out;
  }

  /** Whether the assembler's tables are the ones this spec folds with (same periods and bounds). */
  boolean matches(Map<Integer, TierTable> given) {
    if (given.size() != periods.length) {
      return false;
    }
    for (int t = 0; t < periods.length; t++) {
      TierTable g = given.get(periods[t]);
      if (g == null || g.size() != tables[t].size()) {
        return false;
      }
      for (int i = 0; i < g.size(); i++) {
        BigDecimal a = g.bound[i];
        BigDecimal b = tables[t].bound[i];
        if (a == null ? b != null : b == null || a.compareTo(b) != 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** The flow this fill counts, from an interval's import and export. */
  long flow(long imp, long exp) {
    if (exports) {
      return net ? Math.max(exp - imp, 0) : exp;
    }
    return net ? Math.max(imp - exp, 0) : imp;
  }
}
