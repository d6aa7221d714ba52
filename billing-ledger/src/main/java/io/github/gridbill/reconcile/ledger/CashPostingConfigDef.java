package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.ledger.PaymentMethod;
import io.github.gridbill.reconcile.cash.CashApplicationConfig;
import org.immutables.value.Value;

/**
 * How bank lines are applied through the ledger: the cash-application rules, the cash account the money goes to, and
 * the least confidence a match needs to be applied.
 *
 * <p>{@code CashPostingConfig.builder().method(PaymentMethod.WIRE).minimumConfidence(70).build()} runs the default
 * rule chain, records every line on {@code CASH:WIRE}, and holds matches below confidence 70 (balance-forward, 60) as
 * unidentified cash. {@link #defaults()} is the default chain, {@code EFT}, and every match accepted. One ledger cash
 * account stands for one bank account: use one method per bank account and currency, and reconcile that account with
 * {@link BankReconciler}. Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class CashPostingConfigDef {

  /**
   * The cash-application rules and tolerance.
   *
   * @return the engine configuration, {@link CashApplicationConfig#defaults()} by default
   */
  @Value.Default
  public CashApplicationConfig engine() {
    return CashApplicationConfig.defaults();
  }

  /**
   * The payment method every line is recorded with; it chooses the ledger cash account ({@code CASH:EFT}).
   *
   * @return the method, {@link PaymentMethod#EFT} by default
   */
  @Value.Default
  public PaymentMethod method() {
    return PaymentMethod.EFT;
  }

  /**
   * The least confidence (0 to 100) a match needs to be applied; a match below it is held as unidentified cash with
   * the reason {@code LOW_CONFIDENCE}.
   *
   * @return the minimum, 0 (every match) by default
   */
  @Value.Default
  public int minimumConfidence() {
    return 0;
  }

  /**
   * The default: the default rule chain, method {@code EFT}, every match accepted.
   *
   * @return the configuration, never null
   */
  public static CashPostingConfig defaults() {
    return CashPostingConfig.builder().build();
  }

  @Value.Check
  void check() {
    if (minimumConfidence() < 0 || minimumConfidence() > 100) {
      throw new ValidationException("minimumConfidence", minimumConfidence(), "must be 0 to 100");
    }
  }
}
