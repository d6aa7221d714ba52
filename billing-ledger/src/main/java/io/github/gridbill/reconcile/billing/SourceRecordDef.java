package io.github.gridbill.reconcile.billing;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.quantity.Quantity;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * A billable record that should appear on exactly one invoice: a meter read period, a service ticket or a
 * sales-order line, with its account, quantity and period, and optionally the amount it should be billed at.
 *
 * <p>{@code SourceRecord.builder().id("MR-1001-2024-03").kind(METER_READ_PERIOD).accountId("ACC-1001")
 * .quantity(450 kWh).startInclusive(2024-03-01).endExclusive(2024-04-01).build()}; a ticket done on one day is
 * {@code [day, day + 1)}. Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class SourceRecordDef {

  /**
   * The record id, as invoice lines name it in {@code sourceRefs()}.
   *
   * @return the id, not blank
   */
  public abstract String id();

  /**
   * The kind of record.
   *
   * @return the kind
   */
  public abstract SourceKind kind();

  /**
   * The account to bill.
   *
   * @return the account id, not blank
   */
  public abstract String accountId();

  /**
   * The quantity to bill: {@code 450 kWh}, {@code 2.5 h}, {@code 3 each}.
   *
   * @return the quantity
   */
  public abstract Quantity quantity();

  /**
   * The first day of the period (or the day of a ticket or order line).
   *
   * @return the start, inclusive
   */
  public abstract LocalDate startInclusive();

  /**
   * The day after the period.
   *
   * @return the end, exclusive, after the start
   */
  public abstract LocalDate endExclusive();

  /**
   * The amount the record should be billed at (before tax), when known: an order line's price × quantity.
   *
   * @return the amount, or empty
   */
  public abstract Optional<Money> expectedAmount();

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notBlank(accountId(), "accountId");
    if (!endExclusive().isAfter(startInclusive())) {
      throw new ValidationException("endExclusive", endExclusive(), "must be after startInclusive "
          + startInclusive());
    }
  }
}
