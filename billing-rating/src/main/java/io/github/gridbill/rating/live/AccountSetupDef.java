package io.github.gridbill.rating.live;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.rating.BillingState;
import io.github.gridbill.rating.IntervalSeries;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * What a live account starts a cycle with: the state the previous bill left, whether it generates, its own alert
 * threshold, and the history that projections, alerts and demand-response baselines need.
 *
 * <p>{@code AccountSetup.builder().billingState(lastBill.nextState()).generation(true)
 * .billThreshold(Money.parse("USD 120.00")).likeDayHistory(LikeDayHistory.of(lastCycle, Period.ofWeeks(4))).build()}.
 * {@link LiveRater#open} checks the parts against the plan. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class AccountSetupDef {

  /**
   * The state after the previous bill (banks, minimum year-to-date, demand history); default
   * {@link BillingState#initial()}.
   *
   * @return the state
   */
  @Value.Default
  public BillingState billingState() {
    return BillingState.initial();
  }

  /**
   * Whether the account has generation (exports are expected); without it any export is a
   * {@link MeterFault#REVERSE_FLOW_WITHOUT_GENERATION}. Default false.
   *
   * @return true for a generating account
   */
  @Value.Default
  public boolean generation() {
    return false;
  }

  /**
   * The account's own projected-bill threshold, in the tariff's currency; default the rater's
   * {@link LiveOptions#defaultBillThreshold()}.
   *
   * @return the threshold, or empty
   */
  public abstract Optional<Money> billThreshold();

  /**
   * Interval data of an earlier cycle for like-day projections and alerts.
   *
   * @return the history, or empty
   */
  public abstract Optional<LikeDayHistory> likeDayHistory();

  /**
   * Interval data ending where the cycle starts, for demand-response baselines (the batch rater reads the same from
   * the part of its series before the period). Without it a baseline can only use days inside the cycle.
   *
   * @return the history, or empty
   */
  public abstract Optional<IntervalSeries> demandResponseHistory();

  @Value.Check
  void check() {
    billThreshold().ifPresent(t -> {
      if (t.isNegative()) {
        throw new ValidationException("billThreshold", t, "must not be negative");
      }
    });
  }

  /**
   * The setup of a new account with no history: initial state, no generation, no own threshold.
   *
   * @return the setup, never null
   */
  public static AccountSetup initial() {
    return AccountSetup.builder().build();
  }
}
