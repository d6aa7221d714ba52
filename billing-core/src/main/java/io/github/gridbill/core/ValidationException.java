package io.github.gridbill.core;

import org.jspecify.annotations.Nullable;

/**
 * An input value broke a validation rule, for example
 * {@code "upToKwh must be greater than the previous tier's bound: 100"}.
 */
public class ValidationException extends BillingException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param field the field or parameter that was wrong, not null
   * @param value the offending value, may be null
   * @param reason the rule that was broken, not null
   */
  public ValidationException(String field, @Nullable Object value, String reason) {
    super(field, value, reason);
  }

  /**
   * Creates the error with a cause.
   *
   * @param field the field or parameter that was wrong, not null
   * @param value the offending value, may be null
   * @param reason the rule that was broken, not null
   * @param cause the underlying cause, may be null
   */
  public ValidationException(String field, @Nullable Object value, String reason, @Nullable Throwable cause) {
    super(field, value, reason, cause);
  }
}
