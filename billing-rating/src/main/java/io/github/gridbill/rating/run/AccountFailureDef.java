package io.github.gridbill.rating.run;

import io.github.gridbill.core.BillingException;
import io.github.gridbill.core.GridBillStyle;
import org.immutables.value.Value;

/**
 * Why one account of a bill run was not rated: the error's type, field, value and reason, as the
 * {@link io.github.gridbill.core.BillingException} stated them.
 *
 * <p>{@code ACC-7 (#6): MeterDataException imports[17] (2024-07-01T04:15:00Z) must not be negative: -5 mWh}. An
 * unexpected error (not a {@code BillingException}, for example a failing data source) is recorded too, with field
 * {@code "job"}, so one bad account never stops a run. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class AccountFailureDef {

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
   * The simple class name of the error, for example {@code "MeterDataException"}.
   *
   * @return the error type
   */
  public abstract String errorType();

  /**
   * The field the error names ({@link io.github.gridbill.core.BillingException#field()}), for example
   * {@code "series.intervalLength"}.
   *
   * @return the field
   */
  public abstract String field();

  /**
   * The offending value ({@link io.github.gridbill.core.BillingException#value()}).
   *
   * @return the value
   */
  public abstract String value();

  /**
   * The rule broken ({@link io.github.gridbill.core.BillingException#reason()}).
   *
   * @return the reason
   */
  public abstract String reason();

  /**
   * The error's message, {@code "<field> <reason>: <value>"} for a {@code BillingException}.
   *
   * @return the message
   */
  public abstract String message();

  /**
   * The failure of an account from an error.
   *
   * @param index the job's position
   * @param accountId the account id, not null
   * @param error the error, not null
   * @return the failure, never null
   */
  static AccountFailure of(long index, String accountId, RuntimeException error) {
    AccountFailure.Builder b = AccountFailure.builder().index(index).accountId(accountId)
        .errorType(error.getClass().getSimpleName());
    if (error instanceof BillingException e) {
      return b.field(e.field()).value(e.value()).reason(e.reason()).message(String.valueOf(e.getMessage())).build();
    }
    String text = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    return b.field("job").value(accountId).reason("failed unexpectedly: " + text)
        .message("job failed unexpectedly: " + text + ": " + accountId).build();
  }

  @Override
  public String toString() {
    return accountId() + " (#" + index() + "): " + errorType() + " " + message();
  }
}
