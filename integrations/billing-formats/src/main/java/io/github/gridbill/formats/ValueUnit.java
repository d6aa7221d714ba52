package io.github.gridbill.formats;

import java.math.BigDecimal;

/** The unit of a CSV value column: energy in the interval, or average power over it. */
public enum ValueUnit {
  /** Watt-hours in the interval: 250 Wh = 250,000 mWh. */
  WH(BigDecimal.valueOf(1_000), false),
  /** Kilowatt-hours in the interval: 0.25 kWh = 250,000 mWh. */
  KWH(BigDecimal.valueOf(1_000_000), false),
  /** Average watts over the interval: 1000 W over 15 minutes = 250 Wh. */
  W(BigDecimal.valueOf(1_000), true),
  /** Average kilowatts over the interval: 1 kW over 15 minutes = 0.25 kWh. */
  KW(BigDecimal.valueOf(1_000_000), true);

  private final BigDecimal milliPerUnit;
  private final boolean power;

  ValueUnit(BigDecimal milliPerUnit, boolean power) {
    this.milliPerUnit = milliPerUnit;
    this.power = power;
  }

  /**
   * The exact value in milliwatt-hours times 60, for an interval of {@code minutes}: kept ×60 so that power units
   * stay exact until the one rounding.
   *
   * @param value the value as written, not null
   * @param minutes the interval length in minutes
   * @return 60 × the energy in mWh, exact, never null
   */
  BigDecimal sixtyTimesMilliwattHours(BigDecimal value, int minutes) {
    BigDecimal m = value.multiply(milliPerUnit);
    return power ? m.multiply(BigDecimal.valueOf(minutes)) : m.multiply(BigDecimal.valueOf(60));
  }

  /**
   * Whether the unit is average power over the interval.
   *
   * @return true for W and kW
   */
  public boolean isPower() {
    return power;
  }
}
