package io.github.gridbill.rating.live;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.quantity.Energy;
import java.time.Instant;
import java.time.ZoneId;
import org.immutables.value.Value;

/**
 * Suspected tampering or meter fault, with the span and the energies behind it.
 *
 * <ul>
 *   <li>{@link MeterFault#REVERSE_FLOW_WITHOUT_GENERATION}: from the first interval with export to {@link #asOf()};
 *       observed = the energy exported so far, reference = zero. Once per cycle.</li>
 *   <li>{@link MeterFault#FLAT_ZERO}: the day; observed = the day's import, reference = the reference daily import.
 *       Once per run of flat days.</li>
 *   <li>{@link MeterFault#SUSTAINED_DROP}: the low days; observed = their average daily import (mWh, rounded half
 *       up), reference = the reference daily import. Once per run of low days.</li>
 * </ul>
 *
 * <p>{@link #describe}: {@code M-1 at 2024-07-11 00:00 -04:00: import dropped from 2024-07-08 00:00 -04:00 to
 * 2024-07-11 00:00 -04:00: 2.1 kWh a day against 14.8 kWh}. Immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class MeterFaultAlertDef implements LiveAlert {

  @Override
  public abstract String accountId();

  @Override
  public abstract Instant asOf();

  /**
   * What is suspected.
   *
   * @return the fault
   */
  public abstract MeterFault fault();

  /**
   * The start of the span behind the alert.
   *
   * @return the instant
   */
  public abstract Instant fromInclusive();

  /**
   * The end of the span behind the alert.
   *
   * @return the instant
   */
  public abstract Instant toExclusive();

  /**
   * The energy observed (see the class comment).
   *
   * @return the energy
   */
  public abstract Energy observed();

  /**
   * The energy expected (see the class comment).
   *
   * @return the energy
   */
  public abstract Energy reference();

  @Override
  public AlertKind kind() {
    return AlertKind.METER_FAULT;
  }

  /**
   * {@inheritDoc}
   *
   * @param zone the account's zone, not null
   * @return the text, never null
   */
  @Override
  public String describe(ZoneId zone) {
    String span = " from " + AlertText.local(fromInclusive(), zone) + " to " + AlertText.local(toExclusive(), zone);
    String what = switch (fault()) {
      case REVERSE_FLOW_WITHOUT_GENERATION -> "export on a meter without generation" + span + ": " + observed()
          + " exported";
      case FLAT_ZERO -> "import and export flat at zero" + span + ": " + observed() + " imported that day against "
          + reference() + " a normal day";
      case SUSTAINED_DROP -> "import dropped" + span + ": " + observed() + " a day against " + reference();
    };
    return AlertText.of(this, zone, what);
  }
}
