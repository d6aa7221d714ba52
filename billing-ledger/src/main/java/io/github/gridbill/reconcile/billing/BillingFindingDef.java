package io.github.gridbill.reconcile.billing;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.quantity.Quantity;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * One thing billing reconciliation found: its kind, the source record (or the unknown reference), the invoices
 * involved, and the expected and billed quantity and amount where they apply.
 *
 * <p>{@code QUANTITY_MISMATCH MR-1001-2024-03 (ACC-1001) on INV-7: expected 450 kWh, billed 400 kWh}. Instances are
 * immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class BillingFindingDef {

  /**
   * What was found.
   *
   * @return the kind
   */
  public abstract FindingKind kind();

  /**
   * The source record id (for {@link FindingKind#UNKNOWN_SOURCE}, the reference no record has).
   *
   * @return the id
   */
  public abstract String sourceId();

  /**
   * The record's kind (empty for an unknown source).
   *
   * @return the kind, or empty
   */
  public abstract Optional<SourceKind> sourceKind();

  /**
   * The record's account (for an unknown source, the account of the first invoice naming it).
   *
   * @return the account id
   */
  public abstract String accountId();

  /**
   * The invoices that bill (or name) the record, in input order.
   *
   * @return the invoice numbers
   */
  public abstract List<String> invoiceNumbers();

  /**
   * The record's quantity.
   *
   * @return the quantity, or empty for an unknown source
   */
  public abstract Optional<Quantity> expectedQuantity();

  /**
   * The quantity billed, net of credits, from the counted lines in the record's unit.
   *
   * @return the quantity, or empty when nothing was billed
   */
  public abstract Optional<Quantity> billedQuantity();

  /**
   * The record's expected amount.
   *
   * @return the amount, or empty
   */
  public abstract Optional<Money> expectedAmount();

  /**
   * The amount billed, net of credits, from the counted lines.
   *
   * @return the amount, or empty when nothing was billed
   */
  public abstract Optional<Money> billedAmount();

  /**
   * The finding in words.
   *
   * @return the detail, not blank
   */
  public abstract String detail();

  @Value.Check
  void check() {
    Checks.notBlank(sourceId(), "sourceId");
    Checks.notBlank(detail(), "detail");
  }
}
