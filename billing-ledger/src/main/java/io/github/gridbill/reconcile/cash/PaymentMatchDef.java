package io.github.gridbill.reconcile.cash;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.money.Monies;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * An accepted match: a payment, the rule that matched it, the confidence, and how it is applied.
 *
 * <p>A payment of USD 150.00 naming INV-1 (USD 100.00 open) and INV-2 (USD 50.00 open) matches by
 * {@link RuleKind#REFERENCE} with confidence 100 and two applications; {@link #applied()} is USD 150.00 and
 * {@link #unapplied()} USD 0.00. Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class PaymentMatchDef {

  /**
   * The payment.
   *
   * @return the payment
   */
  public abstract Payment payment();

  /**
   * The rule that made the match.
   *
   * @return the rule
   */
  public abstract RuleKind rule();

  /**
   * How sure the rule is, 0 to 100 (see {@link RuleKind}).
   *
   * @return the confidence
   */
  public abstract int confidence();

  /**
   * The payer: the account the payment gave, or the one the engine identified from its references.
   *
   * @return the account id, or empty when only the named invoices identify the payer
   */
  public abstract Optional<String> payerAccountId();

  /**
   * The amounts applied to open items, oldest item first.
   *
   * @return the applications, at least one
   */
  public abstract List<Application> applications();

  /**
   * The sum applied to open items.
   *
   * @return the applied amount, never null
   */
  public Money applied() {
    List<Money> amounts = new ArrayList<>(applications().size());
    for (Application a : applications()) {
      amounts.add(a.amount());
    }
    return Monies.total(payment().amount().getCurrencyUnit(), amounts);
  }

  /**
   * What is left of the payment: an overpayment within tolerance, or the rest of a balance-forward payment. It stays
   * as a credit on the payer's account.
   *
   * @return the unapplied amount, never negative, never null
   */
  public Money unapplied() {
    return payment().amount().minus(applied());
  }

  @Value.Check
  void check() {
    if (confidence() < 0 || confidence() > 100) {
      throw new ValidationException("confidence", confidence(), "must be 0 to 100");
    }
    if (applications().isEmpty()) {
      throw new ValidationException("applications", applications(), "must not be empty");
    }
    for (int i = 0; i < applications().size(); i++) {
      Monies.requireCurrency("applications[" + i + "].amount", applications().get(i).amount(),
          payment().amount().getCurrencyUnit());
    }
    if (applied().isGreaterThan(payment().amount())) {
      throw new ValidationException("applications", applied(), "must not sum to more than the payment "
          + payment().amount());
    }
  }
}
