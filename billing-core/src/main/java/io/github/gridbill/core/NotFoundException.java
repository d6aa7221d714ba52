package io.github.gridbill.core;

import org.jspecify.annotations.Nullable;

/**
 * A referenced thing does not exist, for example {@code "accountId must name an open account: ACC-9"}.
 */
public class NotFoundException extends BillingException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param field the field or parameter that was wrong, not null
   * @param value the offending value, may be null
   * @param reason the rule that was broken, not null
   */
  public NotFoundException(String field, @Nullable Object value, String reason) {
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
  public NotFoundException(String field, @Nullable Object value, String reason, @Nullable Throwable cause) {
    super(field, value, reason, cause);
  }
}
