package io.github.gridbill.rating.run;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.tariff.Tariff;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.IntervalSeries;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One account to rate in a {@link BillRun}: its id, tariff, billing period, a supplier of its interval data and the
 * state its previous bill left.
 *
 * <p>{@code AccountJob.of("ACC-1", tariff, BillingPeriod.ofMonth(YearMonth.of(2024, 7), zone), () -> meterStore
 * .load("M-1", period), previousState)}. The series is supplied lazily, on the worker thread that rates the account,
 * so that a streaming run holds only the data of the accounts in flight; a supplier that throws (a
 * {@link io.github.gridbill.rating.MeterDataException}, say) fails that account only.
 *
 * <p>A job is immutable; it is as thread-safe as its supplier, which is called once, from one worker thread.
 */
public final class AccountJob {
  private final String accountId;
  private final Tariff tariff;
  private final BillingPeriod period;
  private final Supplier<IntervalSeries> series;
  private final BillingState state;

  private AccountJob(String accountId, Tariff tariff, BillingPeriod period, Supplier<IntervalSeries> series,
      BillingState state) {
    this.accountId = accountId;
    this.tariff = tariff;
    this.period = period;
    this.series = series;
    this.state = state;
  }

  /**
   * A job whose interval data is loaded when the account is rated.
   *
   * @param accountId the account id, not null, not blank
   * @param tariff the tariff, not null
   * @param period the billing period, not null, in the tariff's zone
   * @param series supplies the meter data covering the period, not null; called once, on a worker thread
   * @param state the state after the previous bill ({@link BillingState#initial()} for a new account), not null
   * @return the job, never null
   * @throws ValidationException if the account id is blank
   */
  public static AccountJob of(String accountId, Tariff tariff, BillingPeriod period, Supplier<IntervalSeries> series,
      BillingState state) {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(tariff, "tariff");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(state, "state");
    Checks.notBlank(accountId, "accountId");
    return new AccountJob(accountId, tariff, period, series, state);
  }

  /**
   * A job whose interval data is already in memory.
   *
   * @param accountId the account id, not null, not blank
   * @param tariff the tariff, not null
   * @param period the billing period, not null
   * @param series the meter data covering the period, not null
   * @param state the state after the previous bill, not null
   * @return the job, never null
   * @throws ValidationException if the account id is blank
   */
  public static AccountJob of(String accountId, Tariff tariff, BillingPeriod period, IntervalSeries series,
      BillingState state) {
    Objects.requireNonNull(series, "series");
    return of(accountId, tariff, period, () -> series, state);
  }

  /**
   * The account id, for example {@code "ACC-000123"}.
   *
   * @return the id, never null
   */
  public String accountId() {
    return accountId;
  }

  /**
   * The tariff.
   *
   * @return the tariff, never null
   */
  public Tariff tariff() {
    return tariff;
  }

  /**
   * The billing period.
   *
   * @return the period, never null
   */
  public BillingPeriod period() {
    return period;
  }

  /**
   * The supplier of the meter data.
   *
   * @return the supplier, never null
   */
  public Supplier<IntervalSeries> series() {
    return series;
  }

  /**
   * The state after the previous bill.
   *
   * @return the state, never null
   */
  public BillingState state() {
    return state;
  }

  @Override
  public String toString() {
    return "AccountJob[" + accountId + ", " + tariff.id() + ", " + period + "]";
  }
}
