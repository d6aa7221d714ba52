package io.github.gridbill.rating;

import io.github.gridbill.core.BusinessRuleException;
import io.github.gridbill.core.quantity.Power;
import io.github.gridbill.core.tariff.EnergyCharge;
import io.github.gridbill.core.tariff.ExportRate;
import io.github.gridbill.core.tariff.NetMeteringMode;
import io.github.gridbill.core.tariff.NetMeteringRule;
import io.github.gridbill.core.tariff.PeriodTiers;
import io.github.gridbill.core.tariff.TierAllocation;
import io.github.gridbill.core.tariff.TierCounter;
import io.github.gridbill.core.tariff.TierMode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What each interval of a bill cost: the energy charges and export credits attributable to it, exactly.
 *
 * <p>Intervals are priced in time order the way the bill prices them: each at its own TOU period's rate, in the tier
 * its counter has reached (one counter per period, or one for all periods), an interval that crosses a bound split at
 * it; exports likewise at the export rate. The sum over the intervals equals the bill's energy and export-credit lines
 * (before rounding). {@code IntervalCharges.of(plan, series).netCharge(17)} is what interval 17 added to the bill.
 *
 * <p>Only charges that belong to single intervals can be attributed: volume (all-units) tiers, tiers shared in
 * proportion between periods, and monthly net metering depend on the whole bill, and are refused with a
 * {@link BusinessRuleException}. So are kWh/kW tier bounds sized by the bill's billing demand (a version whose
 * conventions say {@code perKwTierDemand = BILLING_DEMAND}, in a bill whose last version has a ratchet), which depends
 * on the previous bills; kWh/kW bounds sized by the peak (the bill's peak, in every segment of a split bill) are
 * attributed. Fixed and demand charges, minimums, riders and taxes are not included; with a money bank, export
 * credits are attributed to the intervals that earned them, before the bank settles them. Instances are immutable and
 * thread-safe.
 */
public final class IntervalCharges {
  private final BigDecimal[] energy;
  private final BigDecimal[] credit;

  private IntervalCharges(BigDecimal[] energy, BigDecimal[] credit) {
    this.energy = energy;
    this.credit = credit;
  }

  /**
   * Prices every interval of a plan's billing period.
   *
   * @param plan the plan, not null
   * @param series the meter data covering the plan's grid, not null
   * @return the per-interval charges, never null
   * @throws BusinessRuleException if a charge of the tariff cannot be attributed to single intervals (volume tiers,
   *     proportional tiers, monthly net metering, kWh/kW bounds sized by the billing demand)
   * @throws MeterDataException if the series does not cover the plan (as for rating)
   */
  public static IntervalCharges of(RatingPlan plan, IntervalSeries series) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(series, "series");
    int shift = Rater.checkCoverage(plan, series);
    int n = plan.grid().count();
    BigDecimal[] energy = new BigDecimal[n];
    BigDecimal[] credit = new BigDecimal[n];
    java.util.Arrays.fill(energy, BigDecimal.ZERO);
    java.util.Arrays.fill(credit, BigDecimal.ZERO);
    long peak = 0; // demand is read over the whole bill, as the bill does
    for (int i = 0; i < n; i++) {
      peak = Math.max(peak, series.importAt(i + shift));
    }
    BigDecimal billPeakKw = Power.ofMilliwatts(peak * plan.intervalLength().perHour()).toKilowatts();
    for (SegmentPlan sp : plan.segments) {
      NetMeteringRule rule = sp.version.netMetering().orElse(null);
      NetMeteringMode mode = rule == null ? null : rule.mode();
      if (mode == NetMeteringMode.NET_METERING) {
        throw new BusinessRuleException("netMetering.mode", mode,
            "nets a whole bill per TOU period, so its charges belong to no single interval");
      }
      // kWh/kW bounds: the bill's peak, or the bill's one billing demand (by its last version's ratchet, not this
      // segment's) where this segment's version sizes them by it; that needs the previous bills' demands, so such
      // bounds are refused below if they are used (null)
      @org.jspecify.annotations.Nullable BigDecimal peakKw = plan.perKwTiersUseBillingDemand(sp) ? null : billPeakKw;
      boolean net = mode == NetMeteringMode.NET_BILLING;
      int[] runOf = new int[sp.count];
      for (int r = 0; r < sp.runStart.length; r++) {
        for (int i = sp.runStart[r]; i < sp.runEnd[r]; i++) {
          runOf[i - sp.offset] = r;
        }
      }
      for (int c = 0; c < sp.energy.size(); c++) {
        EnergyCharge ec = sp.energy.get(c);
        check(ec);
        Map<Integer, TierTable> tables = tables(ec, sp, peakKw);
        boolean shared = ec.counter() == TierCounter.ALL_PERIODS;
        Map<Integer, long[]> counters = new HashMap<>(); // per period (or one shared): {counter, tier}
        for (int j = 0; j < sp.count; j++) {
          int i = sp.offset + j;
          int si = i + shift;
          long a = net ? Math.max(series.importAt(si) - series.exportAt(si), 0) : series.importAt(si);
          int p = sp.energyPeriodOfKey[c][sp.runKey[runOf[j]]];
          PriceTable prices = sp.energyPrices[c];
          if (prices != null) {
            energy[i] = energy[i].add(BigDecimal.valueOf(a, 6).multiply(prices.priceAt(j)).multiply(sp.escalation));
          }
          TierTable tt = tables.get(p);
          if (a == 0) {
            continue;
          }
          if (tt == null) {
            if (shared) { // a period the charge does not price still fills the bill's counter, unpriced
              counters.computeIfAbsent(-1, k -> new long[2])[0] += a;
            }
            continue;
          }
          long[] st = counters.computeIfAbsent(shared ? -1 : p, k -> new long[2]);
          energy[i] = energy[i].add(fill(tt, st, a, tt.rate));
        }
      }
      if (rule != null && (mode == NetMeteringMode.NET_BILLING || mode == NetMeteringMode.BUY_ALL_SELL_ALL)) {
        ExportRate er = rule.exportRate().orElse(null);
        if (er == null) {
          continue;
        }
        EnergyCharge ec0 = sp.energy.isEmpty() ? null : sp.energy.get(0);
        Map<Integer, TierTable> tables = ec0 == null ? Map.of() : tables(ec0, sp, peakKw);
        Map<Integer, long[]> counters = new HashMap<>();
        for (int j = 0; j < sp.count; j++) {
          int i = sp.offset + j;
          int si = i + shift;
          long x = net ? Math.max(series.exportAt(si) - series.importAt(si), 0) : series.exportAt(si);
          if (x == 0) {
            continue;
          }
          BigDecimal q = BigDecimal.valueOf(x, 6);
          switch (er.kind()) {
            case FLAT:
              credit[i] = credit[i].add(q.multiply(er.flatRate().orElseThrow()).multiply(sp.escalation));
              break;
            case PER_PERIOD:
              credit[i] = credit[i].add(q.multiply(er.periodRates().get(sp.exportPeriodOfKey[sp.runKey[runOf[j]]]))
                  .multiply(sp.escalation));
              break;
            case TIME_SERIES: {
              BigDecimal price = Objects.requireNonNull(sp.exportPrices, "exportPrices").priceAt(j);
              credit[i] = credit[i].add(q.multiply(price).multiply(sp.escalation));
              break;
            }
            default: {
              int p = sp.energyPeriodOfKey[0][sp.runKey[runOf[j]]];
              TierTable tt = tables.get(p);
              boolean sharedCounter = Objects.requireNonNull(ec0).counter() == TierCounter.ALL_PERIODS;
              if (tt == null) {
                if (sharedCounter) { // as for imports: an unpriced period fills the export counter too
                  counters.computeIfAbsent(-1, k -> new long[2])[0] += x;
                }
                break;
              }
              BigDecimal[] sell = new BigDecimal[tt.size()];
              for (int t = 0; t < sell.length; t++) {
                sell[t] = tt.sell[t] == null ? BigDecimal.ZERO : tt.sell[t];
              }
              long[] st = counters.computeIfAbsent(sharedCounter ? -1 : p, k -> new long[2]);
              credit[i] = credit[i].add(fill(tt, st, x, sell));
            }
          }
        }
      }
    }
    return new IntervalCharges(energy, credit);
  }

  private static void check(EnergyCharge ec) {
    if (ec.mode() == TierMode.VOLUME && ec.periods().stream().anyMatch(p -> p.tiers().size() > 1)) {
      throw new BusinessRuleException(ec.id() + ".mode", ec.mode(),
          "prices every kWh at the tier the whole bill reaches, so its charges belong to no single interval");
    }
    if (ec.counter() == TierCounter.ALL_PERIODS && ec.allocation() == TierAllocation.PROPORTIONAL
        && ec.periods().stream().anyMatch(p -> p.tiers().size() > 1)) {
      throw new BusinessRuleException(ec.id() + ".allocation", ec.allocation(),
          "shares each tier among periods in proportion to the bill's usage, so its charges belong to no single "
              + "interval");
    }
  }

  private static Map<Integer, TierTable> tables(EnergyCharge ec, SegmentPlan sp,
      @org.jspecify.annotations.Nullable BigDecimal peakKw) {
    Map<Integer, TierTable> out = new HashMap<>();
    for (PeriodTiers pt : ec.periods()) {
      boolean perKw = pt.tiers().stream().anyMatch(t -> t.upTo().isPresent()
          && (t.unit() == io.github.gridbill.core.tariff.TierUnit.KWH_PER_KW
              || t.unit() == io.github.gridbill.core.tariff.TierUnit.KWH_PER_KW_PER_DAY));
      if (perKw && peakKw == null) {
        throw new BusinessRuleException(ec.id() + ".tiers", "kWh/kW",
            "are sized by the bill's ratcheted billing demand, which needs the previous bills' demands");
      }
      out.put(pt.period(), sp.energyTiers(pt, peakKw == null ? BigDecimal.ZERO : peakKw));
    }
    return out;
  }

  /** Adds a kWh to a tier counter {mWh so far, tier index} and returns its price, split exactly at bounds. */
  private static BigDecimal fill(TierTable tt, long[] st, long a, BigDecimal[] rates) {
    BigDecimal money = BigDecimal.ZERO;
    BigDecimal lower = BigDecimal.valueOf(st[0]).movePointLeft(6);
    BigDecimal after = BigDecimal.valueOf(st[0] + a).movePointLeft(6);
    st[0] += a;
    while (true) {
      int t = (int) Math.min(st[1], tt.size() - 1);
      BigDecimal ub = tt.bound[t];
      if (ub == null || after.compareTo(ub) <= 0 || t == tt.size() - 1) {
        return money.add(after.subtract(lower).multiply(rates[t]));
      }
      if (ub.compareTo(lower) > 0) {
        money = money.add(ub.subtract(lower).multiply(rates[t]));
        lower = ub;
      }
      st[1]++;
    }
  }

  /**
   * The number of intervals (the plan's grid).
   *
   * @return the size
   */
  public int size() {
    return energy.length;
  }

  /**
   * The energy charges attributable to an interval, exact.
   *
   * @param index the interval index in the plan's grid
   * @return the charge, never null
   */
  public BigDecimal energyCharge(int index) {
    return energy[index];
  }

  /**
   * The export credit earned by an interval, exact (positive).
   *
   * @param index the interval index in the plan's grid
   * @return the credit, never null
   */
  public BigDecimal exportCredit(int index) {
    return credit[index];
  }

  /**
   * What the interval added to the bill: energy charge minus export credit.
   *
   * @param index the interval index in the plan's grid
   * @return the net charge, never null
   */
  public BigDecimal netCharge(int index) {
    return energy[index].subtract(credit[index]);
  }
}
