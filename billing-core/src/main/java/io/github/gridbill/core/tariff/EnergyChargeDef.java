package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * An energy charge: flat, tiered (block or volume), time-of-use, tiers inside TOU periods, or time-series prices.
 *
 * <p>Without a schedule the charge has one period, 0. With a {@link TouSchedule}, {@link #periods()} gives the tiers of
 * each period the schedule uses. Tier bounds reset every bill and scale by the tier's {@link TierUnit}. With a
 * {@link #priceSeries()} every imported kWh is priced at its interval's price and the tiers' rates are added on top
 * (use a zero rate for pure real-time pricing).
 *
 * <p>Example (DOMAIN.md): tiers 0–100 @0.10, 100–300 @0.15, &gt;300 @0.20, BLOCK: 450 kWh = 70.00; VOLUME: 90.00.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class EnergyChargeDef implements TariffComponent {

  @Override
  public abstract String id();

  @Override
  public abstract String description();

  /**
   * The TOU schedule; empty for a charge with one period (0) at all times.
   *
   * @return the schedule
   */
  public abstract Optional<TouSchedule> schedule();

  /**
   * The tiers of each period.
   *
   * @return the periods' tiers, at least one
   */
  public abstract List<PeriodTiers> periods();

  /**
   * Block (graduated) or volume (all-units) tiers.
   *
   * @return the mode, BLOCK by default
   */
  @Value.Default
  public TierMode mode() {
    return TierMode.BLOCK;
  }

  /**
   * Whether each TOU period counts its own tiers or one counter spans the bill.
   *
   * @return the counter, PER_PERIOD by default
   */
  @Value.Default
  public TierCounter counter() {
    return TierCounter.PER_PERIOD;
  }

  /**
   * With {@link TierCounter#ALL_PERIODS}, how each tier is shared among periods.
   *
   * @return the allocation, CHRONOLOGICAL by default
   */
  @Value.Default
  public TierAllocation allocation() {
    return TierAllocation.CHRONOLOGICAL;
  }

  /**
   * Real-time prices per interval, added to the tier rates.
   *
   * @return the price series, or empty
   */
  public abstract Optional<PriceSeries> priceSeries();

  /**
   * The tiers of a period.
   *
   * @param period the period index
   * @return the tiers, or empty if the charge does not price that period
   */
  public Optional<PeriodTiers> tiersOf(int period) {
    for (PeriodTiers p : periods()) {
      if (p.period() == period) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  @Value.Check
  void check() {
    TariffComponent.checkId(id());
    if (periods().isEmpty()) {
      throw new ValidationException(id() + ".periods", periods(), "must not be empty");
    }
    Set<Integer> seen = new HashSet<>();
    int maxPeriod = schedule().map(s -> s.periodNames().size() - 1).orElse(0);
    for (PeriodTiers p : periods()) {
      if (!seen.add(p.period())) {
        throw new ValidationException(id() + ".periods", p.period(), "must not repeat a period");
      }
      if (p.period() > maxPeriod) {
        throw new ValidationException(id() + ".periods[" + p.period() + "]", p.period(),
            "must name a period of the schedule, 0 to " + maxPeriod);
      }
      for (Tier t : p.tiers()) {
        if (t.unit() == TierUnit.KW) {
          throw new ValidationException(id() + ".periods[" + p.period() + "].tiers.unit", t.unit(),
              "must be an energy unit (KWH, KWH_PER_DAY, KWH_PER_KW, KWH_PER_KW_PER_DAY)");
        }
      }
    }
  }
}
