package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The billing-demand (ratchet) rule: billing demand = max(minimum, percent × the highest reference demand of the
 * previous {@code lookbackMonths} bills, and the current peak where allowed).
 *
 * <p>DOMAIN.md: billed demand = max(actual, 80% × highest billed demand in the previous 11 months). The percentage may
 * differ by calendar month of the bill (12 entries, January first), and a month may exclude its own peak (SAM's
 * look-back flags). Rating a bill with a ratchet needs the previous bills' demands as input. Instances are immutable.
 */
@Value.Immutable
@GridBillStyle
abstract class RatchetDef {

  /**
   * The percentage of the reference demand, per calendar month of the bill (12 entries, January first), e.g. 80.
   *
   * @return the monthly percentages
   */
  public abstract List<BigDecimal> percentByMonth();

  /**
   * Per calendar month, whether the current bill's own peak also counts (12 entries; usually all true).
   *
   * @return the flags
   */
  public abstract List<Boolean> includeCurrentPeakByMonth();

  /**
   * How many previous bills the rule looks back over. Zero looks back at none: the billing demand is then the minimum
   * or the current peak (at the month's percentage too for {@link RatchetReference#SAM_BILLING_DEMAND}, whose January
   * window still reaches the previous December, as SAM's {@code ur_billing_demand_lookback_period = 0} does).
   *
   * @return the look-back, 0 to 36 months
   */
  public abstract int lookbackMonths();

  /**
   * A floor on billing demand in kW.
   *
   * @return the minimum, zero by default
   */
  @Value.Default
  public BigDecimal minimumKw() {
    return BigDecimal.ZERO;
  }

  /**
   * Whether the look-back uses previous billed demands or previous actual peaks.
   *
   * @return the reference, BILLED_DEMAND by default
   */
  @Value.Default
  public RatchetReference reference() {
    return RatchetReference.BILLED_DEMAND;
  }

  /**
   * The demand-schedule periods whose peaks count toward the ratchet's peak; empty means all periods. Each must be a
   * period of the demand charge {@link #demandCharge()} names (0 for a flat charge), or, when it names none, of one of
   * the version's TOU demand charges: {@link TariffVersion} checks it.
   *
   * @return the periods
   */
  public abstract Set<Integer> demandPeriods();

  /**
   * The id of the demand charge whose schedule periods {@link #demandPeriods()} refers to.
   *
   * @return the demand charge id, or empty for the version's first demand charge with a schedule
   */
  public abstract Optional<String> demandCharge();

  /**
   * A ratchet with the same percentage every month: {@code uniform(80, 11)}.
   *
   * @param percent the percentage, not null
   * @param lookbackMonths the look-back
   * @return the rule, never null
   */
  public static Ratchet uniform(BigDecimal percent, int lookbackMonths) {
    Ratchet.Builder b = Ratchet.builder().lookbackMonths(lookbackMonths);
    for (int m = 0; m < 12; m++) {
      b.addPercentByMonth(percent).addIncludeCurrentPeakByMonth(true);
    }
    return b.build();
  }

  @Value.Check
  void check() {
    if (percentByMonth().size() != 12) {
      throw new ValidationException(
          "ratchet.percentByMonth", percentByMonth().size() + " entries", "must have 12 entries");
    }
    if (includeCurrentPeakByMonth().size() != 12) {
      throw new ValidationException(
          "ratchet.includeCurrentPeakByMonth", includeCurrentPeakByMonth().size() + " entries", "must have 12 entries");
    }
    for (int i = 0; i < 12; i++) {
      BigDecimal p = percentByMonth().get(i);
      if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(1000)) > 0) {
        throw new ValidationException("ratchet.percentByMonth[" + i + "]", p.toPlainString(), "must be 0 to 1000");
      }
    }
    if (lookbackMonths() < 0 || lookbackMonths() > 36) {
      throw new ValidationException("ratchet.lookbackMonths", lookbackMonths(), "must be 0 to 36");
    }
    if (minimumKw().signum() < 0) {
      throw new ValidationException("ratchet.minimumKw", minimumKw().toPlainString(), "must not be negative");
    }
  }
}
