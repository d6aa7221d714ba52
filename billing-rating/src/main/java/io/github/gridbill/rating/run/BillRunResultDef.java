package io.github.gridbill.rating.run;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.Duration;
import java.util.List;
import org.immutables.value.Value;

/**
 * The summary of a bill run: accounts submitted, rated and failed (with their reasons, in input order), intervals
 * rated and elapsed time; in collecting mode ({@link BillRun#run(java.util.List)}) also every account's result in
 * input order.
 *
 * <p>Everything but {@link #elapsed()} is a pure function of the input: two runs of the same jobs with different
 * thread counts give equal results ({@code elapsed} is not part of equality). Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class BillRunResultDef {

  /**
   * The number of jobs the run took from its input.
   *
   * @return the count
   */
  public abstract long accountsSubmitted();

  /**
   * The number of accounts rated.
   *
   * @return the count
   */
  public abstract long accountsRated();

  /**
   * The accounts that failed, in input order, with their reasons.
   *
   * @return the failures
   */
  public abstract List<AccountFailure> failures();

  /**
   * The number of accounts that failed.
   *
   * @return the count, {@code failures().size()}
   */
  public long accountsFailed() {
    return failures().size();
  }

  /**
   * The intervals rated, summed over the rated bills.
   *
   * @return the count
   */
  public abstract long intervalsRated();

  /**
   * Wall-clock time of the run (not part of equality).
   *
   * @return the elapsed time
   */
  @Value.Auxiliary
  public abstract Duration elapsed();

  /**
   * Every account's result in input order, in collecting mode; empty in streaming mode, where the results went to the
   * consumer.
   *
   * @return the results
   */
  public abstract List<AccountResult> results();

  @Value.Check
  void check() {
    if (accountsRated() + failures().size() != accountsSubmitted()) {
      throw new ValidationException("accountsSubmitted", accountsSubmitted(),
          "must equal accounts rated (" + accountsRated() + ") plus failed (" + failures().size() + ")");
    }
  }
}
