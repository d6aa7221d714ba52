package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A demand charge: $/kW on the highest interval demand of the bill (flat) or of each TOU period's intervals (TOU),
 * optionally in kW tiers, optionally on the ratcheted billing demand.
 *
 * <p>Demand of an interval = its energy ÷ its length (15 minutes of 2.5 kWh = 10 kW). Without a schedule the charge has
 * one period, 0, over the whole bill. A schedule whose period depends only on the month expresses flat demand rates
 * that vary by month. Tier bounds are in kW ({@link TierUnit#KW}). Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class DemandChargeDef implements TariffComponent {

  @Override
  public abstract String id();

  @Override
  public abstract String description();

  /**
   * The TOU schedule; empty for a flat demand charge.
   *
   * @return the schedule
   */
  public abstract Optional<TouSchedule> schedule();

  /**
   * The kW tiers and $/kW rates of each period.
   *
   * @return the periods, at least one
   */
  public abstract List<PeriodTiers> periods();

  /**
   * Whether the charge bills the actual peak or the ratcheted billing demand.
   *
   * @return the basis, PEAK by default
   */
  @Value.Default
  public DemandBasis basis() {
    return DemandBasis.PEAK;
  }

  /**
   * Block or volume tiers in kW.
   *
   * @return the mode, BLOCK by default
   */
  @Value.Default
  public TierMode mode() {
    return TierMode.BLOCK;
  }

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
      for (int i = 0; i < p.tiers().size(); i++) {
        Tier t = p.tiers().get(i);
        if (t.upTo().isPresent() && t.unit() != TierUnit.KW) {
          throw new ValidationException(id() + ".periods[" + p.period() + "].tiers[" + i + "].unit", t.unit(),
              "must be KW for a demand tier");
        }
      }
    }
  }
}
