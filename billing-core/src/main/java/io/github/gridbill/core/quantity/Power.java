package io.github.gridbill.core.quantity;

import io.github.gridbill.core.ValidationException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An exact electrical power (demand), stored as a {@code long} count of milliwatts (mW).
 *
 * <p>Demand is energy over time: {@link #averageOver(Energy, Duration)} of 2.5 kWh over 15 minutes is 10 kW, exactly,
 * because every interval length GridBill accepts divides an hour. {@code Power.ofKilowatts(new BigDecimal("10"))} is
 * {@code 10000000} mW.
 *
 * <p>This class is immutable and thread-safe; treat it as a value type and do not rely on identity.
 */
public final class Power implements Comparable<Power>, Serializable {
  private static final long serialVersionUID = 1L;

  /** Milliwatts per kilowatt. */
  public static final long MW_PER_KW = 1_000_000L;

  private static final Power ZERO = new Power(0);

  private final long milliwatts;

  private Power(long milliwatts) {
    this.milliwatts = milliwatts;
  }

  /**
   * Zero power.
   *
   * @return zero, never null
   */
  public static Power zero() {
    return ZERO;
  }

  /**
   * Power from milliwatts, the exact internal unit.
   *
   * @param milliwatts the value in mW
   * @return the power, never null
   */
  public static Power ofMilliwatts(long milliwatts) {
    return milliwatts == 0 ? ZERO : new Power(milliwatts);
  }

  /**
   * Power from whole watts.
   *
   * @param watts the value in W
   * @return the power, never null
   * @throws ArithmeticException on overflow
   */
  public static Power ofWatts(long watts) {
    return ofMilliwatts(Math.multiplyExact(watts, 1_000L));
  }

  /**
   * Power from kilowatts, which must be exact in mW (at most six decimals).
   *
   * @param kilowatts the value in kW, not null
   * @return the power, never null
   * @throws ValidationException if the value has more than six decimals or overflows
   */
  public static Power ofKilowatts(BigDecimal kilowatts) {
    Objects.requireNonNull(kilowatts, "kilowatts");
    BigDecimal milliwatts = kilowatts.movePointRight(6);
    if (milliwatts.stripTrailingZeros().scale() > 0) {
      throw new ValidationException(
          "kilowatts", kilowatts.toPlainString(), "must be exact in milliwatts (at most 6 decimals)");
    }
    try {
      return ofMilliwatts(milliwatts.longValueExact());
    } catch (ArithmeticException e) {
      throw new ValidationException("kilowatts", kilowatts.toPlainString(),
          "must be between -9223372036854.775808 and 9223372036854.775807 kW", e);
    }
  }

  /**
   * Power from kilowatts, quantised to mW with a declared rounding mode.
   *
   * @param kilowatts the value in kW, not null
   * @param roundingMode how to round, not null
   * @return the power, never null
   */
  public static Power ofKilowatts(BigDecimal kilowatts, RoundingMode roundingMode) {
    Objects.requireNonNull(roundingMode, "roundingMode");
    return ofKilowatts(Objects.requireNonNull(kilowatts, "kilowatts").setScale(6, roundingMode));
  }

  /**
   * The average power of an energy over a duration that divides one hour: 2.5 kWh over 15 minutes is 10 kW.
   *
   * @param energy the energy, not null
   * @param duration the duration, positive and a divisor of one hour, not null
   * @return the average power, exact, never null
   * @throws ValidationException if the duration does not divide one hour
   */
  public static Power averageOver(Energy energy, Duration duration) {
    Objects.requireNonNull(energy, "energy");
    Objects.requireNonNull(duration, "duration");
    long seconds = duration.getSeconds();
    if (seconds <= 0 || duration.getNano() != 0 || 3600 % seconds != 0) {
      throw new ValidationException("duration", duration, "must be a whole number of seconds that divides one hour");
    }
    return ofMilliwatts(Math.multiplyExact(energy.milliwattHours(), 3600 / seconds));
  }

  /**
   * The exact value in milliwatts.
   *
   * @return the mW count
   */
  public long milliwatts() {
    return milliwatts;
  }

  /**
   * The exact value in kilowatts, scale 6.
   *
   * @return the kW value, never null
   */
  public BigDecimal toKilowatts() {
    return BigDecimal.valueOf(milliwatts, 6);
  }

  /**
   * The larger of this power and another.
   *
   * @param other the other power, not null
   * @return the maximum, never null
   */
  public Power max(Power other) {
    return compareTo(Objects.requireNonNull(other, "other")) >= 0 ? this : other;
  }

  /**
   * The sum of this power and another. This instance is immutable and unaffected by this method.
   *
   * @param other the power to add, not null
   * @return the sum, never null
   */
  public Power plus(Power other) {
    return ofMilliwatts(Math.addExact(milliwatts, Objects.requireNonNull(other, "other").milliwatts));
  }

  @Override
  public int compareTo(Power other) {
    return Long.compare(milliwatts, other.milliwatts);
  }

  @Override
  public boolean equals(@Nullable Object obj) {
    return obj instanceof Power other && other.milliwatts == milliwatts;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(milliwatts);
  }

  /**
   * The value in kW without trailing zeros, for example {@code "10 kW"}.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    BigDecimal kw = toKilowatts().stripTrailingZeros();
    return (kw.scale() < 0 ? kw.setScale(0) : kw).toPlainString() + " kW";
  }
}
