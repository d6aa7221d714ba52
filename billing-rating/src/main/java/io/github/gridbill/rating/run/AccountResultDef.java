package io.github.gridbill.rating.run;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.rating.RatedBill;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a bill run produced for one account: its rated bill, or why it failed. Exactly one of {@link #ratedBill()} and
 * {@link #failure()} is present.
 *
 * <p>Results are delivered in input order, and each equals what {@code Rater.rate} returns for the same job, whatever
 * the run's thread count. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class AccountResultDef {

  /**
   * The job's position in the run's input, from 0.
   *
   * @return the index
   */
  public abstract long index();

  /**
   * The account id.
   *
   * @return the id
   */
  public abstract String accountId();

  /**
   * The bill and the state to pass to the account's next bill.
   *
   * @return the rated bill, or empty if the account failed
   */
  public abstract Optional<RatedBill> ratedBill();

  /**
   * Why the account failed.
   *
   * @return the failure, or empty if the account was rated
   */
  public abstract Optional<AccountFailure> failure();

  /**
   * Whether the account was rated.
   *
   * @return true if {@link #ratedBill()} is present
   */
  public boolean isRated() {
    return ratedBill().isPresent();
  }

  /**
   * The number of intervals rated: the bill's interval count, 0 for a failure.
   *
   * @return the count
   */
  public int intervalsRated() {
    return ratedBill().map(r -> r.bill().intervalCount()).orElse(0);
  }

  @Value.Check
  void check() {
    if (ratedBill().isPresent() == failure().isPresent()) {
      throw new ValidationException("ratedBill", ratedBill().isPresent() ? "present with a failure" : "absent",
          "must be present exactly when failure is absent");
    }
  }
}
