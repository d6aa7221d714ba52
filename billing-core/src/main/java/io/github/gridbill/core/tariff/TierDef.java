package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One tier of a tiered rate: a cumulative upper bound (exclusive, in the tier's unit) and a price per unit.
 *
 * <p>{@code Tier.upTo(new BigDecimal("100"), new BigDecimal("0.10"))} prices the first 100 kWh at 0.10;
 * {@code Tier.unbounded(new BigDecimal("0.20"))} prices everything above the previous bound. Usage beyond the last
 * bound of a fully bounded tier list is priced at the last tier's rate (the URDB and SAM convention). An energy tier
 * may also carry a sell rate for exports ({@link ExportRateKind#TIER_SELL_RATES}). Instances are immutable and
 * thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class TierDef {

  /**
   * The cumulative upper bound of this tier, exclusive, in {@link #unit()}; empty means unbounded.
   *
   * @return the bound
   */
  public abstract Optional<BigDecimal> upTo();

  /**
   * The price per unit (per kWh for energy, per kW for demand), in the tariff's currency; may be negative (a credit).
   *
   * @return the rate
   */
  public abstract BigDecimal rate();

  /**
   * The price per exported kWh in this tier, where the tariff credits exports by tier.
   *
   * @return the sell rate, or empty
   */
  public abstract Optional<BigDecimal> sellRate();

  /**
   * The unit of the bound: kWh, kWh per day, kWh per kW, kWh per kW per day, or kW for demand tiers.
   *
   * @return the unit, KWH by default
   */
  @Value.Default
  public TierUnit unit() {
    return TierUnit.KWH;
  }

  /**
   * A bounded energy tier in kWh.
   *
   * @param upToKwh the exclusive upper bound, positive, not null
   * @param rate the price per kWh, not null
   * @return the tier, never null
   */
  public static Tier upTo(BigDecimal upToKwh, BigDecimal rate) {
    return Tier.builder().upTo(upToKwh).rate(rate).build();
  }

  /**
   * A bounded demand tier in kW.
   *
   * @param upToKw the exclusive upper bound in kW, positive, not null
   * @param ratePerKw the price per kW, not null
   * @return the tier, never null
   */
  public static Tier upToKw(BigDecimal upToKw, BigDecimal ratePerKw) {
    return Tier.builder().upTo(upToKw).rate(ratePerKw).unit(TierUnit.KW).build();
  }

  /**
   * An unbounded tier (the last one, or the only one).
   *
   * @param rate the price per unit, not null
   * @return the tier, never null
   */
  public static Tier unbounded(BigDecimal rate) {
    return Tier.builder().rate(rate).build();
  }

  @Value.Check
  void check() {
    upTo().ifPresent(b -> {
      if (b.signum() <= 0) {
        throw new ValidationException("upTo", b.toPlainString(), "must be positive");
      }
    });
  }
}
