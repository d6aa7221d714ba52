package io.github.gridbill.rating;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.quantity.Energy;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * How a bill settled exports: kWh and money banked and used, and what a true-up paid or forfeited.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class NetMeteringSummaryDef {

  /**
   * kWh in the bank before this bill.
   *
   * @return the opening kWh bank
   */
  public abstract Energy kwhBankBefore();

  /**
   * kWh of the bank used against this bill's imports.
   *
   * @return the kWh used
   */
  public abstract Energy kwhBankUsed();

  /**
   * Surplus kWh this bill added to the bank.
   *
   * @return the kWh banked
   */
  public abstract Energy kwhBanked();

  /**
   * kWh in the bank after this bill (after any true-up).
   *
   * @return the closing kWh bank
   */
  public abstract Energy kwhBankAfter();

  /**
   * Money in the bank before this bill.
   *
   * @return the opening money bank, exact
   */
  public abstract BigDecimal moneyBankBefore();

  /**
   * Money credit this bill earned (export value).
   *
   * @return the credit earned, exact
   */
  public abstract BigDecimal moneyEarned();

  /**
   * Money credit applied against this bill's energy charges.
   *
   * @return the credit applied, exact
   */
  public abstract BigDecimal moneyApplied();

  /**
   * Money in the bank after this bill (after any true-up).
   *
   * @return the closing money bank, exact
   */
  public abstract BigDecimal moneyBankAfter();

  /**
   * What the true-up paid on this bill (zero when this is not the true-up bill).
   *
   * @return the payout, exact
   */
  public abstract BigDecimal trueUpPaid();

  /**
   * What the true-up forfeited on this bill, in money at the surplus rate for a kWh bank.
   *
   * @return the forfeited value, exact
   */
  public abstract BigDecimal trueUpForfeited();
}
