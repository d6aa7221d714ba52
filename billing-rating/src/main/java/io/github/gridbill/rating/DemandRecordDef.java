package io.github.gridbill.rating;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.quantity.Power;
import java.time.YearMonth;
import org.immutables.value.Value;

/**
 * One past bill's demand, kept in {@link BillingState} for ratchets: the bill's month, its peak, the peak that the
 * ratchet looks back at, and the demand billed. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class DemandRecordDef {

  /**
   * The month of the bill's last day.
   *
   * @return the month
   */
  @Value.Parameter
  public abstract YearMonth month();

  /**
   * The highest interval demand of the bill.
   *
   * @return the peak
   */
  @Value.Parameter
  public abstract Power peak();

  /**
   * The peak the ratchet looks back at (the highest among the ratchet's demand periods when it names any).
   *
   * @return the reference peak
   */
  @Value.Parameter
  public abstract Power referencePeak();

  /**
   * The billing demand after the ratchet (the peak when there is no ratchet).
   *
   * @return the billed demand
   */
  @Value.Parameter
  public abstract Power billedDemand();
}
