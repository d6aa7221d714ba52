package io.github.gridbill.rating;

import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.Tier;
import io.github.gridbill.core.tariff.TierUnit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One period's tiers resolved for a bill: cumulative upper bounds in kWh (null = unbounded), escalated rates and sell
 * rates, and the tariff tier number each came from.
 */
final class TierTable {
  static final MathContext MC = MathContext.DECIMAL128;

  final int period;
  final @Nullable BigDecimal[] bound;
  final BigDecimal[] rate;
  final @Nullable BigDecimal[] sell;
  final int[] tierNo;

  private TierTable(int period, List<@Nullable BigDecimal> bound, List<BigDecimal> rate,
      List<@Nullable BigDecimal> sell, List<Integer> tierNo) {
    this.period = period;
    this.bound = bound.toArray(new BigDecimal[0]);
    this.rate = rate.toArray(new BigDecimal[0]);
    this.sell = sell.toArray(new BigDecimal[0]);
    this.tierNo = tierNo.stream().mapToInt(Integer::intValue).toArray();
    // the last tier takes everything above the previous bound
    this.bound[this.bound.length - 1] = null;
  }

  int size() {
    return rate.length;
  }

  boolean tiered() {
    return rate.length > 1;
  }

  /**
   * Resolves a period's tiers: scales bounds by unit (per day, per kW) and proration, escalates rates. Mixed
   * kWh-per-kW and kWh tiers are nested "hours-use" blocks: each kWh/kW tier opens a block of (bound × demand) kWh and
   * the kWh tiers that follow it split that block (a kWh/kW tier followed by kWh tiers only opens the block; its own
   * rate is not used) — the rule of SAM/ssc's kWh/kW tiers.
   *
   * @param pt the tariff's tiers
   * @param days the days of the segment
   * @param billDays the days of the whole bill (per-bill bounds are prorated by days / billDays)
   * @param demandKw the demand that sizes per-kW bounds
   * @param esc the escalation factor
   */
  static TierTable resolve(PeriodTiers pt, int days, int billDays, BigDecimal demandKw, BigDecimal esc) {
    List<Tier> tiers = pt.tiers();
    int n = tiers.size();
    boolean anyPerKw = false;
    boolean anyKwh = false;
    for (Tier t : tiers) {
      boolean perKw = perKw(t.unit());
      anyPerKw |= perKw && t.upTo().isPresent();
      anyKwh |= !perKw && t.upTo().isPresent();
    }
    List<@Nullable BigDecimal> bounds = new ArrayList<>();
    List<BigDecimal> rates = new ArrayList<>();
    List<@Nullable BigDecimal> sells = new ArrayList<>();
    List<Integer> nos = new ArrayList<>();
    if (anyPerKw && anyKwh && perKw(tiers.get(0).unit())) {
      // nested hours-use blocks
      List<@Nullable BigDecimal> blocks = new ArrayList<>();
      for (Tier t : tiers) {
        if (perKw(t.unit())) {
          blocks.add(scaled(t, days, billDays, demandKw));
        }
      }
      int b = 0;
      for (int i = 0; i < n; i++) {
        Tier t = tiers.get(i);
        @Nullable BigDecimal ub = scaled(t, days, billDays, demandKw);
        if (perKw(t.unit())) {
          if (b + 1 < blocks.size() && lt(blocks.get(b), ub)) {
            b++;
          }
          if (i == n - 1 || perKw(tiers.get(i + 1).unit())) {
            add(bounds, rates, sells, nos, blocks.get(b), t, esc, i);
          }
        } else {
          if (lt(ub, blocks.get(b))) {
            add(bounds, rates, sells, nos, ub, t, esc, i);
          } else if (bounds.isEmpty() || lt(bounds.get(bounds.size() - 1), blocks.get(b))) {
            add(bounds, rates, sells, nos, blocks.get(b), t, esc, i);
          }
        }
      }
    } else {
      BigDecimal prev = BigDecimal.ZERO;
      for (int i = 0; i < n; i++) {
        Tier t = tiers.get(i);
        @Nullable BigDecimal ub = scaled(t, days, billDays, demandKw);
        if (ub != null && ub.compareTo(prev) < 0) {
          ub = prev; // a bound below the previous one (possible after scaling) leaves the tier empty
        }
        add(bounds, rates, sells, nos, ub, t, esc, i);
        if (ub != null) {
          prev = ub;
        }
      }
    }
    return new TierTable(pt.period(), bounds, rates, sells, nos);
  }

  /**
   * Whether a resolved table depends on the bill's demand: some tier has a kWh/kW bound.
   *
   * @param pt the tiers
   */
  static boolean demandSized(PeriodTiers pt) {
    for (Tier t : pt.tiers()) {
      if (perKw(t.unit()) && t.upTo().isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static boolean perKw(TierUnit u) {
    return u == TierUnit.KWH_PER_KW || u == TierUnit.KWH_PER_KW_PER_DAY;
  }

  /** {@code a < b}, with null = +infinity. */
  private static boolean lt(@Nullable BigDecimal a, @Nullable BigDecimal b) {
    if (a == null) {
      return false;
    }
    return b == null || a.compareTo(b) < 0;
  }

  private static void add(List<@Nullable BigDecimal> bounds, List<BigDecimal> rates, List<@Nullable BigDecimal> sells,
      List<Integer> nos, @Nullable BigDecimal ub, Tier t, BigDecimal esc, int i) {
    bounds.add(ub);
    rates.add(esc.compareTo(BigDecimal.ONE) == 0 ? t.rate() : t.rate().multiply(esc));
    sells.add(t.sellRate().map(s -> esc.compareTo(BigDecimal.ONE) == 0 ? s : s.multiply(esc)).orElse(null));
    nos.add(i + 1);
  }

  private static @Nullable BigDecimal scaled(Tier t, int days, int billDays, BigDecimal demandKw) {
    if (t.upTo().isEmpty()) {
      return null;
    }
    BigDecimal v = t.upTo().get();
    switch (t.unit()) {
      case KWH_PER_DAY:
        return v.multiply(BigDecimal.valueOf(days));
      case KWH_PER_KW:
        return prorate(v.multiply(demandKw), days, billDays);
      case KWH_PER_KW_PER_DAY:
        return v.multiply(demandKw).multiply(BigDecimal.valueOf(days));
      default:
        return prorate(v, days, billDays);
    }
  }

  /** v × days / billDays: exact whenever the quotient terminates (multiplied first, divided once). */
  static BigDecimal prorate(BigDecimal v, int days, int billDays) {
    return days == billDays ? v : v.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(billDays), MC);
  }

  /**
   * Block allocation of a usage to the tiers: the kWh in each tier.
   *
   * @param usage the usage in kWh, not negative
   * @return kWh per tier
   */
  BigDecimal[] block(BigDecimal usage) {
    BigDecimal[] q = new BigDecimal[size()];
    BigDecimal lower = BigDecimal.ZERO;
    for (int t = 0; t < size(); t++) {
      BigDecimal upper = bound[t];
      BigDecimal inTier = usage.subtract(lower);
      if (upper != null && usage.compareTo(upper) > 0) {
        inTier = upper.subtract(lower);
      }
      q[t] = inTier.signum() > 0 ? inTier : BigDecimal.ZERO;
      if (upper != null) {
        lower = upper.max(lower);
      }
    }
    return q;
  }

  /**
   * The tier a volume (all-units) usage reaches: the first whose bound is at or above it.
   *
   * @param usage the usage in kWh
   * @return the tier index
   */
  int reached(BigDecimal usage) {
    for (int t = 0; t < size(); t++) {
      BigDecimal upper = bound[t];
      if (upper == null || usage.compareTo(upper) <= 0) {
        return t;
      }
    }
    return size() - 1;
  }
}
