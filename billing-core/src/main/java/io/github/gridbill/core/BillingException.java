package io.github.gridbill.core;

import java.util.Objects;

/**
 * Root of GridBill's error hierarchy: every error names the field, the offending value and the rule it broke.
 *
 * <p>The message always reads {@code "<field> <reason>: <value>"}, for example
 * {@code "quantityWh must not be negative: -5"}, and the three parts are also available as {@link #field()},
 * {@link #value()} and {@link #reason()} so that callers never parse messages.
 *
 * <p>GridBill validates before it changes any state, so catching a {@code BillingException} means nothing was
 * half-done: no entry posted, no bill partly rated, no file partly imported.
 */
public class BillingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;
  private final String reason;

  /**
   * Creates an error naming the field, its offending value and the rule.
   *
   * @param field the field or parameter that was wrong, not null
   * @param value the offending value (rendered with {@link String#valueOf(Object)}), may be null
   * @param reason the rule that was broken, phrased to follow the field name, not null
   */
  public BillingException(String field, @org.jspecify.annotations.Nullable Object value, String reason) {
    this(field, value, reason, null);
  }

  /**
   * Creates an error naming the field, its offending value and the rule, with a cause.
   *
   * @param field the field or parameter that was wrong, not null
   * @param value the offending value, may be null
   * @param reason the rule that was broken, not null
   * @param cause the underlying cause, may be null
   */
  public BillingException(
      String field,
      @org.jspecify.annotations.Nullable Object value,
      String reason,
      @org.jspecify.annotations.Nullable Throwable cause) {
    super(Objects.requireNonNull(field, "field") + " " + Objects.requireNonNull(reason, "reason") + ": "
        + value, cause);
    this.field = field;
    this.value = String.valueOf(value);
    this.reason = reason;
  }

  /**
   * The field or parameter that was wrong, for example {@code "lines[2].amount"}.
   *
   * @return the field name, never null
   */
  public String field() {
    return field;
  }

  /**
   * The offending value as text, for example {@code "-5"}.
   *
   * @return the value, never null ({@code "null"} when the value was absent)
   */
  public String value() {
    return value;
  }

  /**
   * The rule that was broken, for example {@code "must not be negative"}.
   *
   * @return the rule, never null
   */
  public String reason() {
    return reason;
  }
}
