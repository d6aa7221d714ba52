package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The conventions a tariff is rated by, where engines and utilities differ. The defaults are common utility practice;
 * an importer of another tool's tariffs sets the options that tool uses (SAM/ssc: calendar-month bills, kWh/kW tiers
 * sized by billing demand, uniform tier bounds across TOU periods, yearly escalation) rather than patching results.
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class RatingConventionsDef {

  /**
   * Whether bills are meant to follow calendar months (SAM) rather than the account's read cycle. Informational for
   * callers that choose billing periods (the {@code gridbill rate} command rates calendar months either way).
   *
   * @return true for calendar-month bills, false by default
   */
  @Value.Default
  public boolean calendarMonthBills() {
    return false;
  }

  /**
   * Which demand sizes kWh-per-kW tier bounds: the bill's peak, or the ratcheted billing demand.
   *
   * @return the basis, PEAK by default
   */
  @Value.Default
  public DemandBasis perKwTierDemand() {
    return DemandBasis.PEAK;
  }

  /**
   * Whether a TOU energy or demand charge must give every period used in a month the same tier bounds (SAM rejects
   * tariffs that do not: "Tiers should have the same Max. Usage across Periods in the same month").
   *
   * @return true to require it, false by default
   */
  @Value.Default
  public boolean uniformTierBoundsAcrossPeriods() {
    return false;
  }

  /**
   * How a per-period kWh bank moves between bills.
   *
   * @return the transfer rule, SAME_PERIOD by default
   */
  @Value.Default
  public KwhBankTransfer kwhBankTransfer() {
    return KwhBankTransfer.SAME_PERIOD;
  }

  /**
   * For {@link KwhBankTransfer#SAME_HOURS}, the weekday hours (local, 0–23) that carry the bank, in order of
   * preference.
   *
   * @return the hours, {@code [0, 5, 11, 17]} by default (SAM/ssc)
   */
  @Value.Default
  public List<Integer> bankTransferHours() {
    return List.of(0, 5, 11, 17);
  }

  /**
   * Which kWh a kWh bank's true-up pays.
   *
   * @return the basis, BANK_BALANCE by default
   */
  @Value.Default
  public TrueUpBasis trueUpBasis() {
    return TrueUpBasis.BANK_BALANCE;
  }

  /**
   * Yearly escalation of all rates.
   *
   * @return the escalation, or empty for rates as written
   */
  public abstract Optional<Escalation> escalation();

  /**
   * The defaults: read-cycle bills, kWh/kW tiers by peak, no tier-uniformity rule, no escalation.
   *
   * @return the default conventions, never null
   */
  public static RatingConventions defaults() {
    return RatingConventions.builder().build();
  }
}
