package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * A payment received, for {@link Ledger#recordPayment(String, Payment)}.
 *
 * <p>{@code Payment.builder().paymentId("PAY-7").accountId("ACC-1").amount(USD 50.00).method(PaymentMethod.CHEQUE)
 * .receivedOn(2024-05-03).externalReference("CHQ 000123").build()}. Without an account id the payer is unknown and
 * the cash waits as unidentified cash until {@link Ledger#identifyPayment} assigns it. Instances are immutable and
 * thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class PaymentDef {

  /**
   * The payment's id, unique among payments and credits: it names the unapplied-cash item.
   *
   * @return the id
   */
  public abstract String paymentId();

  /**
   * The paying customer account, if known.
   *
   * @return the account id, or empty for an unidentified payment
   */
  public abstract Optional<String> accountId();

  /**
   * The amount received, more than zero.
   *
   * @return the amount
   */
  public abstract Money amount();

  /**
   * How it was paid; chooses the cash account.
   *
   * @return the method
   */
  public abstract PaymentMethod method();

  /**
   * The day the money was received: the entry's effective date.
   *
   * @return the date
   */
  public abstract LocalDate receivedOn();

  /**
   * The outside world's reference: cheque number, card authorisation, bank transaction reference.
   *
   * @return the reference, or empty
   */
  public abstract Optional<String> externalReference();

  @Value.Check
  void check() {
    Names.name(paymentId(), "paymentId");
    accountId().ifPresent(a -> Names.name(a, "accountId"));
    externalReference().ifPresent(r -> Names.name(r, "externalReference"));
    if (amount().isNegativeOrZero()) {
      throw new ValidationException("amount", amount(), "must be positive");
    }
    Limits.requireAmount(amount(), "amount");
  }
}
