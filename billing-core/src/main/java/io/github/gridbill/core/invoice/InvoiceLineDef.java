package io.github.gridbill.core.invoice;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.quantity.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * One line of an invoice: what was charged, how much of it, at what rate, for what amount, and where it came from.
 *
 * <p>{@code 450 kWh × 0.20 = USD 90.00, source "energy" of tariff RES-1}. The amount is already rounded; the
 * invoice total is the sum of line amounts. {@link #source()} names the tariff component or contract clause;
 * {@link #sourceRefs()} lists the ids of the records behind the line (meter-read periods, tickets, order lines) for
 * billing reconciliation. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class InvoiceLineDef {

  /**
   * The kind of charge.
   *
   * @return the kind
   */
  public abstract LineKind kind();

  /**
   * The description printed on the invoice, for example {@code "Energy, peak, tier 2"}.
   *
   * @return the description
   */
  public abstract String description();

  /**
   * The determinant: {@code 450 kWh}, {@code 12.5 kW}, {@code 30 day}.
   *
   * @return the quantity, or empty for lump sums
   */
  public abstract Optional<Quantity> quantity();

  /**
   * The rate applied to the quantity (per unit, or a percentage for taxes).
   *
   * @return the rate, or empty
   */
  public abstract Optional<BigDecimal> rate();

  /**
   * The rounded amount; negative for credits.
   *
   * @return the amount
   */
  public abstract Money amount();

  /**
   * Where the line came from: a tariff component id ({@code "energy-tou"}), or a contract id ({@code "PPA-17"}).
   *
   * @return the source
   */
  public abstract String source();

  /**
   * Ids of the source records behind the line.
   *
   * @return the record ids
   */
  public abstract List<String> sourceRefs();

  @Value.Check
  void check() {
    Checks.notBlank(description(), "description");
    Checks.notBlank(source(), "source");
  }
}
