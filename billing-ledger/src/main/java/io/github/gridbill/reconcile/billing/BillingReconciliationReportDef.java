package io.github.gridbill.reconcile.billing;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.quantity.Quantity;
import io.github.gridbill.core.quantity.Unit;
import io.github.gridbill.reconcile.CsvExportable;
import io.github.gridbill.reconcile.internal.Csv;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.List;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The result of billing reconciliation: the findings, and summary counts and totals.
 *
 * <p>For 10 records of which one is unbilled (450 kWh) and one billed twice: {@code sourceCount() 10,
 * correctCount() 8, unbilledCount() 1, doubleBilledCount() 1, unbilledQuantity {KWH=450 kWh}}. Totals are per unit or
 * per currency. CSV: one row per finding. Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class BillingReconciliationReportDef implements CsvExportable {

  /**
   * How many source records were checked.
   *
   * @return the count
   */
  public abstract int sourceCount();

  /**
   * How many invoices were read.
   *
   * @return the count
   */
  public abstract int invoiceCount();

  /**
   * The findings, by record in input order, then unknown references.
   *
   * @return the findings
   */
  public abstract List<BillingFinding> findings();

  /**
   * The amount of the counted invoice lines that name a known record, per currency.
   *
   * @return the amounts, in currency-code order
   */
  public abstract Map<CurrencyUnit, Money> billedAmount();

  /**
   * Findings per kind; kinds with none are left out.
   *
   * @return an unmodifiable map in kind order, never null
   */
  @Value.Lazy
  public Map<FindingKind, Integer> countsByKind() {
    Map<FindingKind, Integer> m = new EnumMap<>(FindingKind.class);
    for (BillingFinding f : findings()) {
      m.merge(f.kind(), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * How many records have no finding at all: billed once, to their account, with their quantity and amount.
   *
   * @return the count
   */
  @Value.Lazy
  public int correctCount() {
    Set<String> wrong = new HashSet<>();
    for (BillingFinding f : findings()) {
      if (f.kind() != FindingKind.UNKNOWN_SOURCE) {
        wrong.add(f.sourceId());
      }
    }
    return sourceCount() - wrong.size();
  }

  /**
   * How many records are unbilled.
   *
   * @return the count
   */
  public int unbilledCount() {
    return countsByKind().getOrDefault(FindingKind.UNBILLED, 0);
  }

  /**
   * How many records are billed more than once.
   *
   * @return the count
   */
  public int doubleBilledCount() {
    return countsByKind().getOrDefault(FindingKind.DOUBLE_BILLED, 0);
  }

  /**
   * How many records are billed with another quantity or amount.
   *
   * @return quantity mismatches + amount mismatches
   */
  public int mismatchCount() {
    return countsByKind().getOrDefault(FindingKind.QUANTITY_MISMATCH, 0)
        + countsByKind().getOrDefault(FindingKind.AMOUNT_MISMATCH, 0);
  }

  /**
   * The quantity of the unbilled records, per unit.
   *
   * @return an unmodifiable map in unit order, never null
   */
  @Value.Lazy
  public Map<Unit, Quantity> unbilledQuantity() {
    Map<Unit, Quantity> m = new EnumMap<>(Unit.class);
    for (BillingFinding f : findings()) {
      if (f.kind() == FindingKind.UNBILLED && f.expectedQuantity().isPresent()) {
        m.merge(f.expectedQuantity().get().unit(), f.expectedQuantity().get(), Quantity::plus);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * The expected amount of the unbilled records that state one, per currency.
   *
   * @return an unmodifiable map in currency-code order, never null
   */
  @Value.Lazy
  public Map<CurrencyUnit, Money> unbilledAmount() {
    Map<CurrencyUnit, Money> m = new TreeMap<>();
    for (BillingFinding f : findings()) {
      if (f.kind() == FindingKind.UNBILLED && f.expectedAmount().isPresent()) {
        m.merge(f.expectedAmount().get().getCurrencyUnit(), f.expectedAmount().get(), Money::plus);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Everything billed (net) for the double-billed records, per currency.
   *
   * @return an unmodifiable map in currency-code order, never null
   */
  @Value.Lazy
  public Map<CurrencyUnit, Money> doubleBilledAmount() {
    Map<CurrencyUnit, Money> m = new TreeMap<>();
    for (BillingFinding f : findings()) {
      if (f.kind() == FindingKind.DOUBLE_BILLED && f.billedAmount().isPresent()) {
        m.merge(f.billedAmount().get().getCurrencyUnit(), f.billedAmount().get(), Money::plus);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Billed minus expected quantity over the quantity mismatches, per unit (negative: under-billed).
   *
   * @return an unmodifiable map in unit order, never null
   */
  @Value.Lazy
  public Map<Unit, Quantity> quantityDifference() {
    Map<Unit, Quantity> m = new EnumMap<>(Unit.class);
    for (BillingFinding f : findings()) {
      if (f.kind() == FindingKind.QUANTITY_MISMATCH && f.expectedQuantity().isPresent()) {
        Quantity exp = f.expectedQuantity().get();
        BigDecimal billed = f.billedQuantity().map(Quantity::value).orElse(BigDecimal.ZERO);
        m.merge(exp.unit(), Quantity.of(billed.subtract(exp.value()), exp.unit()), Quantity::plus);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Billed minus expected amount over the amount mismatches billed in the expected currency, per currency.
   *
   * @return an unmodifiable map in currency-code order, never null
   */
  @Value.Lazy
  public Map<CurrencyUnit, Money> amountDifference() {
    Map<CurrencyUnit, Money> m = new TreeMap<>();
    for (BillingFinding f : findings()) {
      if (f.kind() == FindingKind.AMOUNT_MISMATCH && f.expectedAmount().isPresent()) {
        Money exp = f.expectedAmount().get();
        Money billed = f.billedAmount().filter(b -> b.getCurrencyUnit().equals(exp.getCurrencyUnit()))
            .orElse(Money.zero(exp.getCurrencyUnit()));
        m.merge(exp.getCurrencyUnit(), billed.minus(exp), Money::plus);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Writes one row per finding: {@code kind, source_id, source_kind, account, invoices (semicolon-separated),
   * expected_quantity, billed_quantity, unit, currency, expected_amount, billed_amount, detail}.
   *
   * @param out where to write, not null
   * @throws IOException if writing fails
   */
  @Override
  public void writeCsv(Appendable out) throws IOException {
    Csv.writeRow(out, "kind", "source_id", "source_kind", "account", "invoices", "expected_quantity",
        "billed_quantity", "unit", "currency", "expected_amount", "billed_amount", "detail");
    for (BillingFinding f : findings()) {
      String unit = f.expectedQuantity().map(q -> q.unit().symbol()).orElse("");
      String currency = f.expectedAmount().or(f::billedAmount).map(m -> m.getCurrencyUnit().getCode()).orElse("");
      Csv.writeRow(out, f.kind().name(), f.sourceId(), f.sourceKind().map(Enum::name).orElse(""), f.accountId(),
          String.join(";", f.invoiceNumbers()), f.expectedQuantity().map(q -> plain(q.value())).orElse(""),
          f.billedQuantity().map(q -> plain(q.value())).orElse(""), unit, currency,
          f.expectedAmount().map(Csv::amount).orElse(""), f.billedAmount().map(Csv::amount).orElse(""),
          f.detail());
    }
  }

  private static String plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  @Value.Check
  void check() {
    if (sourceCount() < 0) {
      throw new ValidationException("sourceCount", sourceCount(), "must not be negative");
    }
    if (invoiceCount() < 0) {
      throw new ValidationException("invoiceCount", invoiceCount(), "must not be negative");
    }
  }
}
