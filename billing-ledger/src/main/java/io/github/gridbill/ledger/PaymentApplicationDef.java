package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * How to apply an unapplied payment or credit, for {@link Ledger#applyPayment(String, PaymentApplication)}.
 *
 * <p>{@code PaymentApplication.balanceForward("PAY-7", 2024-05-03)} applies PAY-7 oldest due first;
 * {@code PaymentApplication.openItem("PAY-7", 2024-05-03, Allocation.of("INV-42"))} applies it to INV-42. Whatever is
 * not applied stays on the customer's unapplied cash as a credit balance. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class PaymentApplicationDef {

  /**
   * The payment or credit to apply (a payment id, a credit note or credit bill number).
   *
   * @return the id
   */
  public abstract String paymentId();

  /**
   * The application date: the entry's effective date. Items that moved after it are not touched.
   *
   * @return the date
   */
  public abstract LocalDate date();

  /**
   * Balance-forward or open-item.
   *
   * @return the mode
   */
  public abstract ApplicationMode mode();

  /**
   * The invoices, for {@link ApplicationMode#OPEN_ITEM}: at least one, each named once.
   *
   * @return the allocations, empty for balance-forward
   */
  public abstract List<Allocation> allocations();

  /**
   * For balance-forward: the most to apply (less than the unapplied amount leaves the rest unapplied).
   *
   * @return the cap, or empty to apply all that can be
   */
  public abstract Optional<Money> maximum();

  /**
   * Balance-forward: oldest due first.
   *
   * @param paymentId the payment or credit id, not null
   * @param date the application date, not null
   * @return the application, never null
   */
  public static PaymentApplication balanceForward(String paymentId, LocalDate date) {
    return PaymentApplication.builder().paymentId(paymentId).date(date).mode(ApplicationMode.BALANCE_FORWARD).build();
  }

  /**
   * Open-item: to the invoices named.
   *
   * @param paymentId the payment or credit id, not null
   * @param date the application date, not null
   * @param allocations the invoices, at least one, not null
   * @return the application, never null
   * @throws ValidationException if no invoice is named or one is named twice
   */
  public static PaymentApplication openItem(String paymentId, LocalDate date, Allocation... allocations) {
    return PaymentApplication.builder().paymentId(paymentId).date(date).mode(ApplicationMode.OPEN_ITEM)
        .addAllocations(allocations).build();
  }

  @Value.Check
  void check() {
    Names.name(paymentId(), "paymentId");
    if (mode() == ApplicationMode.OPEN_ITEM && allocations().isEmpty()) {
      throw new ValidationException("allocations", allocations(), "must name at least one invoice for OPEN_ITEM");
    }
    if (mode() == ApplicationMode.BALANCE_FORWARD && !allocations().isEmpty()) {
      throw new ValidationException("allocations", allocations(), "must be empty for BALANCE_FORWARD");
    }
    if (mode() == ApplicationMode.OPEN_ITEM && maximum().isPresent()) {
      throw new ValidationException("maximum", maximum().get(), "must be empty for OPEN_ITEM");
    }
    if (maximum().isPresent() && maximum().get().isNegativeOrZero()) {
      throw new ValidationException("maximum", maximum().get(), "must be positive");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < allocations().size(); i++) {
      if (!seen.add(allocations().get(i).invoiceNumber())) {
        throw new ValidationException("allocations[" + i + "].invoiceNumber", allocations().get(i).invoiceNumber(),
            "must not be named twice");
      }
    }
  }
}
