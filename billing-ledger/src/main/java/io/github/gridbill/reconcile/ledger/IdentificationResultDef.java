package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.ledger.PostingResult;
import io.github.gridbill.reconcile.cash.PaymentException;
import io.github.gridbill.reconcile.cash.PaymentMatch;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The result of identifying an unidentified payment and applying it: the identification posting, the application
 * posting, and the match or the reason nothing was applied.
 *
 * <p>Identifying {@code STMT-1#4} (USD 75.00) to ACC-2, whose one open invoice is USD 75.00: identification new,
 * application new ({@code INV-9 75.00}), match {@code EXACT_AMOUNT} 90. Called again: both replayed. Instances are
 * immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class IdentificationResultDef {

  /**
   * The payment.
   *
   * @return the payment id
   */
  public abstract String paymentId();

  /**
   * The customer it was identified to.
   *
   * @return the account id
   */
  public abstract String accountId();

  /**
   * The {@code identifyPayment} posting; empty when the payment was already the customer's (recorded to it, or
   * identified to it under another key).
   *
   * @return the posting, or empty
   */
  public abstract Optional<PostingResult> identification();

  /**
   * The {@code applyPayment} posting.
   *
   * @return the posting, or empty when nothing was applied
   */
  public abstract Optional<PostingResult> application();

  /**
   * The engine's match, when the application was chosen by the cash-application rules now.
   *
   * @return the match, or empty (allocations given by the caller, nothing applied, or applied before)
   */
  public abstract Optional<PaymentMatch> match();

  /**
   * Why nothing was applied, when the rules found nothing acceptable: the money stays on the customer's unapplied
   * cash.
   *
   * @return the exception, or empty
   */
  public abstract Optional<PaymentException> exception();

  /**
   * How many of the postings are new entries.
   *
   * @return 0, 1 or 2
   */
  public int newPostingCount() {
    return (identification().isPresent() && identification().get().isNew() ? 1 : 0)
        + (application().isPresent() && application().get().isNew() ? 1 : 0);
  }

  /**
   * How many of the postings the ledger already had.
   *
   * @return 0, 1 or 2
   */
  public int replayedPostingCount() {
    return (identification().isPresent() && identification().get().replayed() ? 1 : 0)
        + (application().isPresent() && application().get().replayed() ? 1 : 0);
  }

  @Value.Check
  void check() {
    Checks.notBlank(paymentId(), "paymentId");
    Checks.notBlank(accountId(), "accountId");
  }
}
