package io.github.gridbill.reconcile.cash;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A payment the engine did not match, with the reason, a sentence for the person who will resolve it, and the
 * invoices that were considered.
 *
 * <p>{@code OVERPAYMENT, "pays USD 150.00; INV-1 has USD 100.00 open (tolerance USD 0.00)", candidates [INV-1]}.
 * Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class PaymentExceptionDef {

  /**
   * The payment.
   *
   * @return the payment
   */
  public abstract Payment payment();

  /**
   * Why it was not matched.
   *
   * @return the reason
   */
  public abstract ExceptionReason reason();

  /**
   * What was found, in words.
   *
   * @return the detail, not blank
   */
  public abstract String detail();

  /**
   * The payer the engine identified, if any.
   *
   * @return the account id, or empty
   */
  public abstract Optional<String> payerAccountId();

  /**
   * The invoices considered (named, or tied for the best match).
   *
   * @return the invoice numbers
   */
  public abstract List<String> candidates();

  @Value.Check
  void check() {
    Checks.notBlank(detail(), "detail");
  }
}
