package io.github.gridbill.rating.live;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.quantity.Power;
import java.time.Instant;
import java.time.ZoneId;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * A new demand peak raised the demand charge: the peak and the bill-to-date's demand lines (summed as rounded on the
 * bill) before and after, and the added cost; raised each time the demand charge goes up.
 *
 * <p>{@link #describe}: {@code M-1 at 2024-07-11 00:00 -04:00: peak 8.2 kW → 11.6 kW, demand charge USD 96.80 →
 * USD 140.10 (+USD 43.30)}. Immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class DemandPeakAlertDef implements LiveAlert {

  @Override
  public abstract String accountId();

  @Override
  public abstract Instant asOf();

  /**
   * The bill's peak demand when the demand charge last went up (zero at the first alert).
   *
   * @return the peak
   */
  public abstract Power peakBefore();

  /**
   * The bill's peak demand now.
   *
   * @return the peak
   */
  public abstract Power peak();

  /**
   * The demand charge before.
   *
   * @return the amount
   */
  public abstract Money chargeBefore();

  /**
   * The demand charge now.
   *
   * @return the amount
   */
  public abstract Money charge();

  /**
   * What the new peak added.
   *
   * @return {@code charge − chargeBefore}, positive
   */
  public abstract Money addedCost();

  @Override
  public AlertKind kind() {
    return AlertKind.NEW_DEMAND_PEAK;
  }

  /**
   * {@inheritDoc}
   *
   * @param zone the account's zone, not null
   * @return the text, never null
   */
  @Override
  public String describe(ZoneId zone) {
    return AlertText.of(this, zone, "peak " + peakBefore() + " → " + peak() + ", demand charge " + chargeBefore()
        + " → " + charge() + " (+" + addedCost() + ")");
  }
}
