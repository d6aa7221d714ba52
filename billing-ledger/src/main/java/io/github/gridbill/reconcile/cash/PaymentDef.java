package io.github.gridbill.reconcile.cash;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * Money received that is to be applied to open items: a bank statement credit, a lockbox item, a card settlement.
 *
 * <p>{@code Payment.builder().id("STMT-1#3").amount(USD 120.00).valueDate(2024-03-05)
 * .addReference("INV-2024-0042").freeText("thanks, ACC-1001").build()}. The payer is identified by
 * {@link #payerAccountId()} when the caller knows it, or found by the engine from an account number or invoice number
 * in {@link #references()} or {@link #freeText()}. {@link StatementPayments} makes payments from bank statement lines.
 * Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class PaymentDef {

  /**
   * The payment's id, unique within a run and stable across runs (for a bank line, the line's id): the application
   * instruction's idempotency key is derived from it.
   *
   * @return the id, not blank
   */
  public abstract String id();

  /**
   * The amount received, positive, at most 2^52 minor units (USD 45,035,996,273,704.96).
   *
   * @return the amount
   */
  public abstract Money amount();

  /**
   * The value date.
   *
   * @return the value date
   */
  public abstract LocalDate valueDate();

  /**
   * The paying customer's account, when known (for example from a direct-debit mandate or a lockbox coupon).
   *
   * @return the account id, or empty
   */
  public abstract Optional<String> payerAccountId();

  /**
   * Structured references: invoice numbers, account numbers, creditor references, end-to-end ids. Each is tried as a
   * whole and as words.
   *
   * @return the references, in order
   */
  public abstract List<String> references();

  /**
   * Free remittance text; account and invoice numbers are found in it as words.
   *
   * @return the text, or empty
   */
  public abstract Optional<String> freeText();

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    if (!amount().isPositive()) {
      throw new ValidationException("amount", amount(), "must be positive");
    }
    Amounts.requireAtMost(amount(), "amount");
    if (payerAccountId().isPresent()) {
      Checks.notBlank(payerAccountId().get(), "payerAccountId");
    }
  }
}
