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
 *   <li>{@link NetMeteringMode#NET_METERING} with {@link CreditCarry#KWH}: each TOU period nets over the bill; a
 *       negative net is banked in kWh and offsets the same period's imports on the next bills; at the true-up month the
 *       bank is settled by {@link #trueUpSettlement()} (paid at {@link #surplusRate()}) and resets.
 *   <li>{@code NET_METERING} with {@link CreditCarry#MONEY}: the surplus is valued at the export rate; the money
 *       offsets energy charges (never demand or fixed charges) and the rest is carried.
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
   * What happens to the bank at the true-up: paid (kWh at {@link #surplusRate()}, money as it stands), forfeited,
   * rolled into the next year, or both paid and rolled (reproduces SAM/ssc 2025 with {@code ur_nm_credit_rollover}).
   *
   * @return the settlement, PAY by default
   */
  @Value.Default
  public TrueUpSettlement trueUpSettlement() {
    return TrueUpSettlement.PAY;
  }

  /**
   * Whether a bill's own export credits offset its own energy charges (true, the usual rule), or only go to the bank
   * and offset later bills (false, SAM's {@code ur_nb_apply_credit_current_month = 0}). Only for a money bank.
   *
   * @return true by default
   */
  @Value.Default
  public boolean creditsOffsetSameBill() {
    return true;
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
