package io.github.gridbill.rating.live;

import io.github.gridbill.core.GridBillStyle;
import java.time.Instant;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * The projected bill went over the account's threshold (or the rater's default); raised once per cycle.
 *
 * <p>{@code M-1: projected USD 162.40 (RUN_RATE) over the threshold USD 150.00}. Immutable and thread-safe.
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
}
