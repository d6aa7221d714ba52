package io.github.gridbill.core;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Small validation helpers that throw {@link ValidationException}s phrased by house style: the rule, then the value.
 *
 * <p>For use by GridBill's own modules and by embedding code that wants the same error shape.
 */
public final class Checks {
  private Checks() {}

  /**
   * Requires a condition, naming the field, value and rule when it fails.
   *
   * @param condition the condition that must hold
   * @param field the field name, not null
   * @param value the value checked, may be null
   * @param reason the rule, phrased to follow the field name, not null
   * @throws ValidationException if the condition is false
   */
  public static void check(boolean condition, String field, @Nullable Object value, String reason) {
    if (!condition) {
      throw new ValidationException(field, value, reason);
    }
  }

  /**
   * Requires a non-null value, throwing a {@link ValidationException} (not an NPE) that names the field.
   *
   * @param <T> the type
   * @param value the value, may be null
   * @param field the field name, not null
   * @return the value, never null
   * @throws ValidationException if the value is null
   */
  public static <T> T present(@Nullable T value, String field) {
    if (value == null) {
      throw new ValidationException(field, null, "must be present");
    }
    return value;
  }

  /**
   * Requires a value of zero or more.
   *
   * @param value the value, not null
   * @param field the field name, not null
   * @return the value
   * @throws ValidationException if negative
   */
  public static BigDecimal notNegative(BigDecimal value, String field) {
    Objects.requireNonNull(value, field);
    check(value.signum() >= 0, field, value.toPlainString(), "must not be negative");
    return value;
  }

  /**
   * Requires a value greater than zero.
   *
   * @param value the value, not null
   * @param field the field name, not null
   * @return the value
   * @throws ValidationException if zero or negative
   */
  public static BigDecimal positive(BigDecimal value, String field) {
    Objects.requireNonNull(value, field);
    check(value.signum() > 0, field, value.toPlainString(), "must be positive");
    return value;
  }

  /**
   * Requires a {@code long} of zero or more.
   *
   * @param value the value
   * @param field the field name, not null
   * @return the value
   * @throws ValidationException if negative
   */
  public static long notNegative(long value, String field) {
    check(value >= 0, field, value, "must not be negative");
    return value;
  }

  /**
   * Requires a non-blank string.
   *
   * @param value the value, not null
   * @param field the field name, not null
   * @return the value
   * @throws ValidationException if blank
   */
  public static String notBlank(String value, String field) {
    Objects.requireNonNull(value, field);
    check(!value.isBlank(), field, "\"" + value + "\"", "must not be blank");
    return value;
  }

  /**
   * Requires a non-empty collection.
   *
   * @param <C> the collection type
   * @param value the collection, not null
   * @param field the field name, not null
   * @return the collection
   * @throws ValidationException if empty
   */
  public static <C extends Collection<?>> C notEmpty(C value, String field) {
    Objects.requireNonNull(value, field);
    check(!value.isEmpty(), field, value, "must not be empty");
    return value;
  }
}
