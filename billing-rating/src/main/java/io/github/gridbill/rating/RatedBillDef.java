package io.github.gridbill.rating;

import io.github.gridbill.core.GridBillStyle;
import org.immutables.value.Value;

/** A bill and the state it hands to the next bill. Instances are immutable and thread-safe. */
@Value.Immutable
@GridBillStyle
abstract class RatedBillDef {

  /**
   * The bill.
   *
   * @return the bill
   */
  @Value.Parameter
  public abstract Bill bill();

  /**
   * The state after this bill, to pass when rating the next one.
   *
   * @return the next state
   */
  @Value.Parameter
  public abstract BillingState nextState();
}
