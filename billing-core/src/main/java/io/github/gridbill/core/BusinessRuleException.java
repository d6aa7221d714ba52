package io.github.gridbill.core;

import org.jspecify.annotations.Nullable;

/**
 * A well-formed request that the current state does not allow, for example applying more than an invoice's open amount,
 * or reversing an entry that was already reversed.
 */
public class BusinessRuleException extends BillingException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param field the field or parameter that was wrong, not null
   * @param value the offending value, may be null
   * @param reason the rule that was broken, not null
   */
  public BusinessRuleException(String field, @Nullable Object value, String reason) {
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
  public BusinessRuleException(String field, @Nullable Object value, String reason, @Nullable Throwable cause) {
    super(field, value, reason, cause);
  }
}
