package io.github.gridbill.rating.vee;

import java.util.EnumSet;
import java.util.Set;

/**
 * An event flag a meter reports with an interval reading, carried through VEE to a {@link Finding}
 * (California DASMMD and MV-90 practice: power outage, time reset, data overflow; tamper from AMI head-ends).
 *
 * <p>Stored per interval as a bit mask ({@link #bit()}); the bits are stable.
 */
public enum MeterEvent {
  /** The meter lost supply during the interval (default finding severity INFO). */
  POWER_OUTAGE(1),
  /** The meter's clock was reset or changed during the interval, so the interval may be short or long (WARNING). */
  CLOCK_RESET(2),
  /** The meter detected tampering: cover opened, magnetic field, reverse installation (WARNING). */
  TAMPER(4),
  /** The pulse or energy register overflowed during the interval, so its value is wrong (FAILURE: rejected). */
  OVERFLOW(8);

  private static final MeterEvent[] ALL = values();

  private final int bit;

  MeterEvent(int bit) {
    this.bit = bit;
  }

  /**
   * The bit of this event in a mask: 1, 2, 4 and 8 in declaration order.
   *
   * @return the bit
   */
  public int bit() {
    return bit;
  }

  /**
   * The mask of a set of events: {@code mask(Set.of(POWER_OUTAGE, TAMPER))} is {@code 0b101}.
   *
   * @param events the events, not null
   * @return the mask
   */
  public static int mask(Set<MeterEvent> events) {
    int m = 0;
    for (MeterEvent e : events) {
      m |= e.bit();
    }
    return m;
  }

  /**
   * The events of a mask.
   *
   * @param mask the mask
   * @return the events, a new mutable set, never null
   */
  public static Set<MeterEvent> ofMask(int mask) {
    Set<MeterEvent> out = EnumSet.noneOf(MeterEvent.class);
    for (MeterEvent e : ALL) {
      if ((mask & e.bit()) != 0) {
        out.add(e);
      }
    }
    return out;
  }
}
