package io.github.gridbill.core.quantity;

import io.github.gridbill.core.ValidationException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An exact amount of electrical energy, stored as a {@code long} count of milliwatt-hours (mWh).
 *
 * <p>One milliwatt-hour is the fixed-point unit of all GridBill energy: every value in Wh, and every value in kWh with
 * up to six decimals, is exact. {@code Energy.ofKilowattHours(new BigDecimal("2.5"))} is {@code 2500000} mWh. The sign
 * is meaningful (a net export is negative); the range is about ±9.2 × 10^12 kWh.
 *
 * <p>This class is immutable and thread-safe; treat it as a value type and do not rely on identity.
 */
public final class Energy implements Comparable<Energy>, Serializable {
  private static final long serialVersionUID = 1L;

  /** Milliwatt-hours per watt-hour. */
  public static final long MWH_PER_WH = 1_000L;
  /** Milliwatt-hours per kilowatt-hour. */
  public static final long MWH_PER_KWH = 1_000_000L;

  private static final Energy ZERO = new Energy(0);

  private final long milliwattHours;

  private Energy(long milliwattHours) {
    this.milliwattHours = milliwattHours;
  }

  /**
   * Zero energy.
   *
   * @return zero, never null
   */
  public static Energy zero() {
    return ZERO;
  }

  /**
   * Energy from milliwatt-hours, the exact internal unit.
   *
   * @param milliwattHours the amount in mWh
   * @return the energy, never null
   */
  public static Energy ofMilliwattHours(long milliwattHours) {
    return milliwattHours == 0 ? ZERO : new Energy(milliwattHours);
  }

  /**
   * Energy from whole watt-hours: {@code ofWattHours(1500)} is 1.5 kWh.
   *
   * @param wattHours the amount in Wh
   * @return the energy, never null
   * @throws ArithmeticException if the value overflows the mWh range
   */
  public static Energy ofWattHours(long wattHours) {
    return ofMilliwattHours(Math.multiplyExact(wattHours, MWH_PER_WH));
  }

  /**
   * Energy from kilowatt-hours, which must be exact in mWh (at most six decimals).
   *
   * <p>{@code ofKilowattHours(new BigDecimal("0.000001"))} is 1 mWh; {@code "0.0000001"} is refused.
   *
   * @param kilowattHours the amount in kWh, not null
   * @return the energy, never null
   * @throws ValidationException if the value has more than six decimals or overflows
   */
  public static Energy ofKilowattHours(BigDecimal kilowattHours) {
    Objects.requireNonNull(kilowattHours, "kilowattHours");
    BigDecimal milliwattHours = kilowattHours.movePointRight(6);
    if (milliwattHours.stripTrailingZeros().scale() > 0) {
      throw new ValidationException(
          "kilowattHours", kilowattHours.toPlainString(), "must be exact in milliwatt-hours (at most 6 decimals)");
    }
    try {
      return ofMilliwattHours(milliwattHours.longValueExact());
    } catch (ArithmeticException e) {
      throw new ValidationException("kilowattHours", kilowattHours.toPlainString(),
          "must be between -9223372036854.775808 and 9223372036854.775807 kWh", e);
    }
  }

  /**
   * Energy from kilowatt-hours, quantised to the nearest representable value with a declared rounding mode.
   *
   * <p>Importers of inexact data (for example ssc's {@code double} kW arrays) call this once per value; the
   * quantisation error is at most 1 mWh per value (0.5 mWh with a HALF_* mode).
   *
   * @param kilowattHours the amount in kWh, not null
   * @param roundingMode how to round to mWh, not null
   * @return the energy, never null
   * @throws ValidationException if the value overflows
   */
  public static Energy ofKilowattHours(BigDecimal kilowattHours, RoundingMode roundingMode) {
    Objects.requireNonNull(roundingMode, "roundingMode");
    return ofKilowattHours(Objects.requireNonNull(kilowattHours, "kilowattHours").setScale(6, roundingMode));
  }

  /**
   * The exact amount in milliwatt-hours.
   *
   * @return the mWh count
   */
  public long milliwattHours() {
    return milliwattHours;
  }

  /**
   * The exact amount in kilowatt-hours, with scale 6: 1.5 kWh is {@code 1.500000}.
   *
   * @return the kWh value, never null
   */
  public BigDecimal toKilowattHours() {
    return BigDecimal.valueOf(milliwattHours, 6);
  }

  /**
   * The amount in whole watt-hours, rounded with a declared mode.
   *
   * @param roundingMode how to round, not null
   * @return the Wh value
   */
  public long toWattHours(RoundingMode roundingMode) {
    Objects.requireNonNull(roundingMode, "roundingMode");
    return BigDecimal.valueOf(milliwattHours, 3).setScale(0, roundingMode).longValueExact();
  }

  /**
   * The sum of this energy and another. This instance is immutable and unaffected by this method.
   *
   * @param other the energy to add, not null
   * @return the sum, never null
   * @throws ArithmeticException on overflow
   */
  public Energy plus(Energy other) {
    return ofMilliwattHours(Math.addExact(milliwattHours, Objects.requireNonNull(other, "other").milliwattHours));
  }

  /**
   * The difference of this energy and another. This instance is immutable and unaffected by this method.
   *
   * @param other the energy to subtract, not null
   * @return the difference, never null
   * @throws ArithmeticException on overflow
   */
  public Energy minus(Energy other) {
    return ofMilliwattHours(
        Math.subtractExact(milliwattHours, Objects.requireNonNull(other, "other").milliwattHours));
  }

  /**
   * The negated energy. This instance is immutable and unaffected by this method.
   *
   * @return the negation, never null
   */
  public Energy negated() {
    return ofMilliwattHours(Math.negateExact(milliwattHours));
  }

  /**
   * Whether this energy is zero.
   *
   * @return true if zero
   */
  public boolean isZero() {
    return milliwattHours == 0;
  }

  /**
   * Whether this energy is below zero.
   *
   * @return true if negative
   */
  public boolean isNegative() {
    return milliwattHours < 0;
  }

  @Override
  public int compareTo(Energy other) {
    return Long.compare(milliwattHours, other.milliwattHours);
  }

  @Override
  public boolean equals(@Nullable Object obj) {
    return obj instanceof Energy other && other.milliwattHours == milliwattHours;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(milliwattHours);
  }

  /**
   * The amount in kWh without trailing zeros, for example {@code "2.5 kWh"}; {@link #parse} reads it back.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    BigDecimal kwh = toKilowattHours().stripTrailingZeros();
    return (kwh.scale() < 0 ? kwh.setScale(0) : kwh).toPlainString() + " kWh";
  }

  /**
   * Parses the {@link #toString()} form, {@code "2.5 kWh"}; {@code "Wh"} and {@code "mWh"} units are also read.
   *
   * @param text the text, not null
   * @return the energy, never null
   * @throws ValidationException if the text is not a number and a unit of kWh, Wh or mWh, or is inexact
   */
  public static Energy parse(CharSequence text) {
    Objects.requireNonNull(text, "text");
    String s = text.toString().trim();
    int space = s.lastIndexOf(' ');
    if (space < 0) {
      throw new ValidationException("text", "\"" + s + "\"", "must be a number followed by kWh, Wh or mWh");
    }
    String unit = s.substring(space + 1);
    BigDecimal number;
    try {
      number = new BigDecimal(s.substring(0, space).trim());
    } catch (NumberFormatException e) {
      throw new ValidationException("text", "\"" + s + "\"", "must be a number followed by kWh, Wh or mWh", e);
    }
    BigDecimal kilowattHours;
    switch (unit) {
      case "kWh":
        kilowattHours = number;
        break;
      case "Wh":
        kilowattHours = number.movePointLeft(3);
        break;
      case "mWh":
        kilowattHours = number.movePointLeft(6);
        break;
      default:
        throw new ValidationException("text", "\"" + s + "\"", "must be a number followed by kWh, Wh or mWh");
    }
    try {
      return ofKilowattHours(kilowattHours);
    } catch (ValidationException e) {
      // name what the caller passed, not the internal kWh conversion
      throw new ValidationException("text", "\"" + s + "\"", e.reason(), e);
    }
  }
}
