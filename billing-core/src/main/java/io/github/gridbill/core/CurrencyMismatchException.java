package io.github.gridbill.core;

import java.util.Objects;
import org.joda.money.CurrencyUnit;

/**
 * Two amounts, or an amount and a document, are in different currencies. GridBill never converts currencies.
 *
 * <p>Example message: {@code "amounts[1] must be in the currency USD: INR 12.00"}. GridBill's money toolkit throws this
 * instead of Joda-Money's own {@code org.joda.money.CurrencyMismatchException}, so that it names the field.
 */
public class CurrencyMismatchException extends BillingException {
  private static final long serialVersionUID = 1L;

  private final CurrencyUnit expected;
  private final CurrencyUnit actual;

  /**
   * Creates the error.
   *
   * @param field the field holding the amount in the wrong currency, not null
   * @param expected the currency required, not null
   * @param actual the currency found, not null
   * @param value the offending value (usually the amount), may be null
   */
  public CurrencyMismatchException(
      String field, CurrencyUnit expected, CurrencyUnit actual, @org.jspecify.annotations.Nullable Object value) {
    super(field, value, "must be in the currency " + Objects.requireNonNull(expected, "expected"));
    this.expected = expected;
    this.actual = Objects.requireNonNull(actual, "actual");
  }

  /**
   * The currency required.
   *
   * @return the expected currency, never null
   */
  public CurrencyUnit expected() {
    return expected;
  }

  /**
   * The currency found.
   *
   * @return the actual currency, never null
   */
  public CurrencyUnit actual() {
    return actual;
  }
}
