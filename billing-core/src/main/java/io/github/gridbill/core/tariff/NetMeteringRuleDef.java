package io.github.gridbill.core.tariff;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import java.time.Month;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a customer with generation is billed for imports and exports (DOMAIN.md, Net metering).
 *
 * <ul>
 *   <li>{@link NetMeteringMode#NET_METERING} with {@link CreditCarry#KWH}: a negative monthly net is banked in kWh and
 *       offsets the next bills' imports; at the true-up month the bank is paid at {@link #surplusRate()} (forfeited
 *       when absent) and resets, unless {@link #rolloverAtTrueUp()}.
 *   <li>{@code NET_METERING} with {@link CreditCarry#MONEY}: the surplus is valued at the export rate and carried as
 *       money.
 *   <li>{@link NetMeteringMode#NET_BILLING}: per interval, imports at retail and exports at the export rate; with
 *       {@code MONEY} carry, a bill's net credit carries to the next bill and is paid at the true-up month.
 *   <li>{@link NetMeteringMode#BUY_ALL_SELL_ALL}: all load at retail, all generation at the export rate.
 * </ul>
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class NetMeteringRuleDef {

  /**
   * The settlement mode.
   *
   * @return the mode
   */
  public abstract NetMeteringMode mode();

  /**
   * What carries from bill to bill.
   *
   * @return the carry, NONE by default
   */
  @Value.Default
  public CreditCarry carry() {
    return CreditCarry.NONE;
  }

  /**
   * The price of exports (not used for kWh-banked net metering except to value a surplus carried as money).
   *
   * @return the export rate, or empty (exports then earn nothing)
   */
  public abstract Optional<ExportRate> exportRate();

  /**
   * The calendar month whose bill settles the bank (the true-up); empty means credits never expire.
   *
   * @return the true-up month
   */
  public abstract Optional<Month> trueUpMonth();

  /**
   * The rate per kWh at which a kWh bank is paid at true-up; empty means the bank is forfeited.
   *
   * @return the surplus rate
   */
  public abstract Optional<BigDecimal> surplusRate();

  /**
   * Whether the bank rolls into the next year at true-up instead of being paid out.
   *
   * @return true to roll over, false by default
   */
  @Value.Default
  public boolean rolloverAtTrueUp() {
    return false;
  }

  /**
   * For a money bank, whether carried credit offsets the current bill's charges (true) or only accumulates for the
   * true-up payout (false, SAM's {@code ur_nb_apply_credit_current_month = 0}).
   *
   * @return true by default
   */
  @Value.Default
  public boolean applyCarriedCredit() {
    return true;
  }

  /**
   * For a money bank, whether a credit left at true-up is forfeited rather than paid (SAM's
   * {@code ur_nb_credit_expire}).
   *
   * @return false by default
   */
  @Value.Default
  public boolean creditExpiresAtTrueUp() {
    return false;
  }

  @Value.Check
  void check() {
    if (mode() == NetMeteringMode.BUY_ALL_SELL_ALL && carry() != CreditCarry.NONE) {
      throw new ValidationException("netMetering.carry", carry(), "must be NONE for BUY_ALL_SELL_ALL");
    }
    if (mode() == NetMeteringMode.NET_BILLING && carry() == CreditCarry.KWH) {
      throw new ValidationException("netMetering.carry", carry(), "must be NONE or MONEY for NET_BILLING");
    }
    surplusRate().ifPresent(r -> {
      if (r.signum() < 0) {
        throw new ValidationException("netMetering.surplusRate", r.toPlainString(), "must not be negative");
      }
    });
  }
}
