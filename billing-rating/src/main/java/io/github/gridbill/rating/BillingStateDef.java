package io.github.gridbill.rating;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.quantity.Energy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What one bill hands to the next: net-metering banks, the netting year's surplus, the year's total for the annual
 * minimum, and the demand history for ratchets.
 *
 * <p>Start an account with {@link BillingState#initial()}; every {@link RatedBill} carries the state after it. Banks
 * are kept exact (money as an unrounded {@code BigDecimal} in the tariff's currency); each bill line rounds once.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class BillingStateDef {

  /**
   * The kWh bank, keyed by TOU period (or by weekday hour, see {@link #kwhBankByHour()}).
   *
   * @return the bank, empty when nothing is banked
   */
  public abstract Map<Integer, Energy> kwhBank();

  /**
   * Whether {@link #kwhBank()} is keyed by weekday hour ({@code KwhBankTransfer.SAME_HOURS}) rather than by period.
   *
   * @return true if keyed by hour
   */
  @Value.Default
  public boolean kwhBankByHour() {
    return false;
  }

  /**
   * The money bank (carried credit), exact, in the tariff's currency; zero or positive.
   *
   * @return the bank
   */
  @Value.Default
  public BigDecimal moneyBank() {
    return BigDecimal.ZERO;
  }

  /**
   * The netting year's net surplus (for {@code TrueUpBasis.NET_SURPLUS_SINCE_TRUE_UP}); zero or positive.
   *
   * @return the surplus
   */
  @Value.Default
  public Energy nettingYearSurplus() {
    return Energy.zero();
  }

  /**
   * The sum of this minimum year's bills before minimums and taxes (each floored at zero), for the annual minimum.
   *
   * @return the year-to-date amount, exact
   */
  @Value.Default
  public BigDecimal minimumYearToDate() {
    return BigDecimal.ZERO;
  }

  /**
   * Past bills' demands, oldest first (at most 36 are kept).
   *
   * @return the history
   */
  public abstract List<DemandRecord> demandHistory();

  /**
   * The day after the last billed day, so that the next bill can check it follows on.
   *
   * @return the end of the last bill, or empty for a new account
   */
  public abstract Optional<LocalDate> lastPeriodEnd();

  /**
   * The state of a new account: nothing banked, no history.
   *
   * @return the initial state, never null
   */
  public static BillingState initial() {
    return BillingState.builder().build();
  }
}
