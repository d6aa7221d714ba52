package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import org.immutables.value.Value;

/**
 * The tiers that apply in one period of a schedule (period 0 for a charge without a schedule).
 *
 * <p>{@code PeriodTiers.of(0, List.of(Tier.upTo(100, 0.10), Tier.upTo(300, 0.15), Tier.unbounded(0.20)))}. Bounds must
 * strictly increase and only the last tier may be unbounded. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class PeriodTiersDef {

  /**
   * The period index in the charge's schedule, from 0.
   *
   * @return the period
   */
  @Value.Parameter
  public abstract int period();

  /**
   * The tiers in increasing order of bound.
   *
   * @return the tiers, at least one
   */
  @Value.Parameter
  public abstract List<Tier> tiers();

  /**
   * A single flat rate for a period.
   *
   * @param period the period index
   * @param rate the rate, not null
   * @return the period's tiers, never null
   */
  public static PeriodTiers flat(int period, BigDecimal rate) {
    return PeriodTiers.of(period, List.of(Tier.unbounded(rate)));
  }

  @Value.Check
  void check() {
    if (period() < 0) {
      throw new ValidationException("period", period(), "must not be negative");
    }
    if (tiers().isEmpty()) {
      throw new ValidationException("periods[" + period() + "].tiers", tiers(), "must not be empty");
    }
    for (int i = 0; i < tiers().size() - 1; i++) {
      Tier t = tiers().get(i);
      if (t.upTo().isEmpty()) {
        throw new ValidationException(
            "periods[" + period() + "].tiers[" + i + "].upTo", "unbounded",
            "must be bounded unless it is the last tier");
      }
    }
    for (int i = 1; i < tiers().size(); i++) {
      Tier prev = tiers().get(i - 1);
      Tier t = tiers().get(i);
      if (t.upTo().isPresent() && prev.upTo().isPresent() && t.unit() == prev.unit()
          && t.upTo().get().compareTo(prev.upTo().get()) <= 0) {
        throw new ValidationException("periods[" + period() + "].tiers[" + i + "].upTo",
            t.upTo().get().toPlainString(), "must be greater than the previous tier's bound " + prev.upTo().get());
      }
    }
  }
}
