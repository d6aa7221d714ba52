package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.money.Monies;
import io.github.gridbill.ledger.Allocation;
import io.github.gridbill.ledger.PaymentApplication;
import io.github.gridbill.reconcile.cash.Payment;
import io.github.gridbill.reconcile.cash.PaymentException;
import io.github.gridbill.reconcile.cash.PaymentMatch;
import io.github.gridbill.reconcile.statement.StatementLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * What an import does with one bank line: the ledger requests to post under keys derived from the line, where the
 * money ends up, and why.
 *
 * <p>A new line of USD 150.00 naming INV-1 (100.00 open) and INV-2 (50.00 open) of ACC-1: status {@code APPLIED}, not
 * previously imported, payer ACC-1, {@link #record()} {@code recordPayment(STMT-1#3, ACC-1, USD 150.00, EFT, ...)}
 * under {@link #recordKey()}, {@link #application()} {@code applyPayment(open-item INV-1 100.00, INV-2 50.00)} under
 * {@link #applyKey()}, the engine's match, two new postings. An exception line is recorded to unidentified cash and
 * has only {@link #exception()}. A line imported before re-submits its record (a replay) and has no application
 * unless it was recorded to a customer and never applied. Instances are immutable and thread-safe; treat as a value
 * type.
 */
@Value.Immutable
@GridBillStyle
abstract class PlannedLineDef {

  /**
   * The bank line as a payment: its id (the payment id in the ledger), amount, value date, references.
   *
   * @return the payment
   */
  public abstract Payment payment();

  /**
   * The statement line, when the payment came from a statement.
   *
   * @return the line, or empty
   */
  public abstract Optional<StatementLine> statementLine();

  /**
   * Where the money stands once the postings are made.
   *
   * @return the status
   */
  public abstract LineStatus status();

  /**
   * Whether the ledger already has this line's record (an earlier import): its record is only re-submitted.
   *
   * @return true if imported before
   */
  public abstract boolean previouslyImported();

  /**
   * The ledger customer the money is recorded to, for {@link LineStatus#APPLIED} and {@link LineStatus#UNAPPLIED}.
   *
   * @return the account id, or empty for unidentified cash
   */
  public abstract Optional<String> payerAccountId();

  /**
   * The key stem derived from the bank line: {@code ApplicationInstruction.idempotencyKeyOf(payment())}.
   *
   * @return the stem, {@code "cashapp-v1-"} and 32 hex digits
   */
  public abstract String baseKey();

  /**
   * The key of the record posting: {@code baseKey() + "/record"}.
   *
   * @return the key, never null
   */
  public String recordKey() {
    return baseKey() + LedgerCashApplication.RECORD;
  }

  /**
   * The key of the application posting: {@code baseKey() + "/apply"}.
   *
   * @return the key, never null
   */
  public String applyKey() {
    return baseKey() + LedgerCashApplication.APPLY;
  }

  /**
   * The {@code recordPayment} request: posted for a new line, re-submitted (and replayed) for one imported before.
   *
   * @return the request
   */
  public abstract io.github.gridbill.ledger.Payment record();

  /**
   * The {@code applyPayment} request to post now: open-item, with an amount per invoice.
   *
   * @return the request, or empty when nothing is to be applied now
   */
  public abstract Optional<PaymentApplication> application();

  /**
   * What is applied to which invoice: the planned application's allocations, or for a line applied by an earlier
   * import or identification, that application's.
   *
   * @return the allocations, each with an amount, in application order
   */
  public abstract List<Allocation> allocations();

  /**
   * The engine's match, when this run matched the line.
   *
   * @return the match, or empty
   */
  public abstract Optional<PaymentMatch> match();

  /**
   * Why the line is not applied, when this run matched it to nothing (or the match was not accepted).
   *
   * @return the exception, or empty
   */
  public abstract Optional<PaymentException> exception();

  /**
   * What happens to the line, in words.
   *
   * @return the detail, not blank
   */
  public abstract String detail();

  /**
   * The sum applied to invoices.
   *
   * @return the amount, in the payment's currency, never null
   */
  public Money applied() {
    List<Money> amounts = new ArrayList<>(allocations().size());
    for (Allocation a : allocations()) {
      amounts.add(a.amount().orElseThrow());
    }
    return Monies.total(payment().amount().getCurrencyUnit(), amounts);
  }

  /**
   * What is not applied: held as unidentified cash, or left on the payer's unapplied cash.
   *
   * @return the payment less {@link #applied()}, never null
   */
  public Money unapplied() {
    return payment().amount().minus(applied());
  }

  /**
   * How many new ledger entries posting this line makes: the record for a new line, plus the application.
   *
   * @return 0, 1 or 2
   */
  public int newPostingCount() {
    return (previouslyImported() ? 0 : 1) + (application().isPresent() ? 1 : 0);
  }

  @Value.Check
  void check() {
    Checks.notBlank(baseKey(), "baseKey");
    Checks.notBlank(detail(), "detail");
    for (int i = 0; i < allocations().size(); i++) {
      Allocation a = allocations().get(i);
      if (a.amount().isEmpty()) {
        throw new ValidationException("allocations[" + i + "].amount", a.invoiceNumber(), "must be present");
      }
      Monies.requireCurrency("allocations[" + i + "].amount", a.amount().get(), payment().amount()
          .getCurrencyUnit());
    }
    if (applied().isGreaterThan(payment().amount())) {
      throw new ValidationException("allocations", applied(), "must not sum to more than the payment "
          + payment().amount());
    }
    if (status() == LineStatus.UNIDENTIFIED && payerAccountId().isPresent()) {
      throw new ValidationException("payerAccountId", payerAccountId().get(), "must be empty for unidentified cash");
    }
    if (status() != LineStatus.UNIDENTIFIED && payerAccountId().isEmpty()) {
      throw new ValidationException("payerAccountId", "", "must be present for " + status());
    }
    if (application().isPresent() && status() != LineStatus.APPLIED) {
      throw new ValidationException("application", application().get().paymentId(), "must be empty for "
          + status());
    }
  }
}
