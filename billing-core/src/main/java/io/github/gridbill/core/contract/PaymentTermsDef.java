package io.github.gridbill.core.contract;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * Payment terms: net N days from the issue date. {@code PaymentTerms.net(15).dueDate(2024-03-01)} is 2024-03-16.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class PaymentTermsDef {

  /**
   * Days from issue to due date.
   *
   * @return the days, 0 to 365
   */
  @Value.Parameter
  public abstract int netDays();

  /**
   * Net N days.
   *
   * @param days the days
   * @return the terms, never null
   * @throws ValidationException if days is not 0 to 365
   */
  public static PaymentTerms net(int days) {
    return PaymentTerms.of(days);
  }

  /**
   * The due date of a document issued on a day.
   *
   * @param issueDate the issue date, not null
   * @return the due date, never null
   */
  public LocalDate dueDate(LocalDate issueDate) {
    return issueDate.plusDays(netDays());
  }

  @Value.Check
  void check() {
    if (netDays() < 0 || netDays() > 365) {
      throw new ValidationException("netDays", netDays(), "must be 0 to 365");
    }
  }
}
