package io.github.gridbill.rating.live;

import io.github.gridbill.core.GridBillStyle;
import java.time.Instant;
import java.time.ZoneId;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * The projected bill went over the account's threshold (or the rater's default); raised once per cycle.
 *
 * <p>{@link #describe}: {@code M-1 at 2024-07-11 00:00 -04:00: projected USD 162.40 (run rate) over the threshold
 * USD 150.00}. Immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class ProjectedBillAlertDef implements LiveAlert {

  @Override
  public abstract String accountId();

  @Override
  public abstract Instant asOf();

  /**
   * The projected total.
   *
   * @return the amount
   */
  public abstract Money projectedTotal();

  /**
   * The threshold it went over.
   *
   * @return the amount
   */
  public abstract Money threshold();

  /**
   * The projection method.
   *
   * @return the method
   */
  public abstract ProjectionMethod method();

  @Override
  public AlertKind kind() {
    return AlertKind.PROJECTED_BILL_OVER_THRESHOLD;
  }

  /**
   * {@inheritDoc}
   *
   * @param zone the account's zone, not null
   * @return the text, never null
   */
  @Override
  public String describe(ZoneId zone) {
    return AlertText.of(this, zone, "projected " + projectedTotal() + " (" + AlertText.words(method())
        + ") over the threshold " + threshold());
  }
}
