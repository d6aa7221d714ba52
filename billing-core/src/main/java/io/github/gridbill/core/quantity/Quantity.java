package io.github.gridbill.core.quantity;

import io.github.gridbill.core.ValidationException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A decimal amount with a unit, the determinant shown on a bill or invoice line: {@code 450 kWh}, {@code 30 day},
 * {@code 12.5 kW}.
 *
 * <p>Values are exact {@link BigDecimal}s; equality ignores trailing zeros ({@code 1.50 kWh} equals {@code 1.5 kWh}).
 * This class is immutable and thread-safe; treat it as a value type and do not rely on identity.
 */
public final class Quantity implements Serializable {
  private static final long serialVersionUID = 1L;

  private final BigDecimal value;
  private final Unit unit;

  private Quantity(BigDecimal value, Unit unit) {
    this.value = value;
    this.unit = unit;
  }

  /**
   * A quantity of a value in a unit: {@code Quantity.of(new BigDecimal("450"), Unit.KWH)}.
   *
   * @param value the value, not null
   * @param unit the unit, not null
   * @return the quantity, never null
   */
  public static Quantity of(BigDecimal value, Unit unit) {
    return new Quantity(Objects.requireNonNull(value, "value"), Objects.requireNonNull(unit, "unit"));
  }

  /**
   * A whole number of a unit: {@code Quantity.of(30, Unit.DAY)}.
   *
   * @param value the value
   * @param unit the unit, not null
   * @return the quantity, never null
   */
  public static Quantity of(long value, Unit unit) {
    return of(BigDecimal.valueOf(value), unit);
  }

  /**
   * An energy as a kWh quantity, exact: 2.5 kWh is {@code 2.500000 kWh}.
   *
   * @param energy the energy, not null
   * @return the quantity, never null
   */
  public static Quantity of(Energy energy) {
    return of(Objects.requireNonNull(energy, "energy").toKilowattHours(), Unit.KWH);
  }

  /**
   * A power as a kW quantity, exact.
   *
   * @param power the power, not null
   * @return the quantity, never null
   */
  public static Quantity of(Power power) {
    return of(Objects.requireNonNull(power, "power").toKilowatts(), Unit.KW);
  }

  /**
   * The value.
   *
   * @return the value, never null
   */
  public BigDecimal value() {
    return value;
  }

  /**
   * The unit.
   *
   * @return the unit, never null
   */
  public Unit unit() {
    return unit;
  }

  /**
   * The sum of two quantities of the same unit. This instance is immutable and unaffected by this method.
   *
   * @param other the quantity to add, not null, same unit
   * @return the sum, never null
   * @throws ValidationException if the units differ
   */
  public Quantity plus(Quantity other) {
    Objects.requireNonNull(other, "other");
    if (other.unit != unit) {
      throw new ValidationException("other.unit", other.unit, "must be " + unit);
    }
    return new Quantity(value.add(other.value), unit);
  }

  @Override
  public boolean equals(@Nullable Object obj) {
    if (!(obj instanceof Quantity q)) {
      return false;
    }
    return unit == q.unit && value.compareTo(q.value) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * value.stripTrailingZeros().hashCode() + unit.hashCode();
  }

  /**
   * The value without trailing zeros and the unit symbol, for example {@code "450 kWh"}.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    BigDecimal v = value.stripTrailingZeros();
    return (v.scale() < 0 ? v.setScale(0) : v).toPlainString() + " " + unit.symbol();
  }
}
