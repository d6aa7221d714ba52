package io.github.gridbill.rating.vee;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.time.BillingPeriod;
import io.github.gridbill.rating.EstimationMethod;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * One line of a {@link Rebill}: a bill line as originally billed and as corrected, and the difference to the cent.
 *
 * <p>{@code energy "Energy, peak" 120 kWh (8 estimated intervals by [LINEAR_INTERPOLATION]) USD 30.00 → 126.4 kWh
 * (all actual) USD 31.60, difference USD 1.60}. A line present on only one of the bills has a zero amount and no
 * quantity on the other side. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class RebillLineDef {

  /**
   * The tariff component of the line.
   *
   * @return the component id
   */
  public abstract String componentId();

  /**
   * The kind of the line (taxes stay taxes on the note).
   *
   * @return the kind
   */
  public abstract LineKind kind();

  /**
   * The line's description (the corrected bill's where it has the line).
   *
   * @return the description
   */
  public abstract String description();

  /**
   * The part of the period the line covers.
   *
   * @return the segment
   */
  public abstract BillingPeriod segment();

  /**
   * The TOU period, for lines that have one.
   *
   * @return the period name, or empty
   */
  public abstract Optional<String> touPeriod();

  /**
   * The tier, for tiered lines.
   *
   * @return the tier, or empty
   */
  public abstract Optional<Integer> tier();

  /**
   * The quantity originally billed.
   *
   * @return the quantity, or empty
   */
  public abstract Optional<Quantity> originalQuantity();

  /**
   * The corrected quantity.
   *
   * @return the quantity, or empty
   */
  public abstract Optional<Quantity> correctedQuantity();

  /**
   * The amount originally billed (zero if the original bill had no such line).
   *
   * @return the amount
   */
  public abstract Money originalAmount();

  /**
   * The corrected amount (zero if the corrected bill has no such line).
   *
   * @return the amount
   */
  public abstract Money correctedAmount();

  /**
   * How many intervals behind the original line were not actual readings.
   *
   * @return the count
   */
  public abstract int originalEstimatedIntervals();

  /**
   * How many intervals behind the corrected line are not actual readings.
   *
   * @return the count
   */
  public abstract int correctedEstimatedIntervals();

  /**
   * The estimation methods behind the original line.
   *
   * @return the methods
   */
  public abstract Set<EstimationMethod> originalMethods();

  /**
   * The estimation methods behind the corrected line.
   *
   * @return the methods
   */
  public abstract Set<EstimationMethod> correctedMethods();

  /**
   * The difference to bill: corrected − original, to the cent; positive is a debit, negative a credit.
   *
   * @return the difference, never null
   */
  public Money difference() {
    return correctedAmount().minus(originalAmount());
  }

  /**
   * The difference in quantity, when both sides have one in the same unit.
   *
   * @return corrected − original, or empty
   */
  public Optional<Quantity> quantityDifference() {
    Optional<Quantity> a = originalQuantity();
    Optional<Quantity> b = correctedQuantity();
    if (a.isEmpty() || b.isEmpty() || a.get().unit() != b.get().unit()) {
      return Optional.empty();
    }
    return Optional.of(Quantity.of(b.get().value().subtract(a.get().value()), a.get().unit()));
  }
}
