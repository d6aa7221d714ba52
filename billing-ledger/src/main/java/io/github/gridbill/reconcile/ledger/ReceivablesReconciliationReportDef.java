package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.reconcile.CsvExportable;
import io.github.gridbill.reconcile.internal.Csv;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Sub-ledger to control as of a day: each customer's open items and credits against its accounts, all open items
 * against the AR control (and another book's control, when given), and every difference with the entries involved.
 *
 * <p>For a ledger whose open items tie everywhere: {@code customerCount() 3, differenceCount() 0, isReconciled()
 * true}, one control row per currency. With a general-ledger control USD 25.00 above the ledger's: one
 * {@code EXTERNAL_CONTROL} difference of USD 25.00 listing the receivable entries of the window. CSV: one row per
 * difference ({@link #toCsv()}: {@code kind, subject, account, currency, expected, ledger, difference, entries,
 * entry_keys, statement_line, detail}); the rest of the working paper as {@link #customersCsv()} (one row per
 * customer and currency) and {@link #controlCsv()} (one row per currency). Instances are immutable and thread-safe;
 * treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class ReceivablesReconciliationReportDef implements CsvExportable {

  /**
   * The day reconciled (balances and items at its end).
   *
   * @return the day
   */
  public abstract LocalDate asOf();

  /**
   * The first day of the window whose entries are listed with a difference.
   *
   * @return the day, not after {@link #asOf()}
   */
  public abstract LocalDate entriesFrom();

  /**
   * One row per customer and currency with anything open or any balance, by customer (in the ledger's order, then
   * customers only the sub-ledger has) and currency code.
   *
   * @return the rows
   */
  public abstract List<ReceivablesRow> customers();

  /**
   * One row per currency with anything open or any balance (or another book's control), by currency code.
   *
   * @return the rows
   */
  public abstract List<ControlRow> control();

  /**
   * Every difference: customers' in row order, then unidentified cash, AR control and external control per currency.
   *
   * @return the differences
   */
  public abstract List<LedgerDifference> differences();

  /**
   * How many customers have a row.
   *
   * @return the count
   */
  public int customerCount() {
    Set<String> ids = new HashSet<>();
    for (ReceivablesRow r : customers()) {
      ids.add(r.accountId());
    }
    return ids.size();
  }

  /**
   * How many differences.
   *
   * @return the count
   */
  public int differenceCount() {
    return differences().size();
  }

  /**
   * Whether nothing differs.
   *
   * @return true when there are no differences
   */
  public boolean isReconciled() {
    return differences().isEmpty();
  }

  /**
   * Differences per kind; kinds with none are left out.
   *
   * @return an unmodifiable map in kind order, never null
   */
  @Value.Lazy
  public Map<DifferenceKind, Integer> differencesByKind() {
    Map<DifferenceKind, Integer> m = new EnumMap<>(DifferenceKind.class);
    for (LedgerDifference d : differences()) {
      m.merge(d.kind(), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * The sum of the differences of one kind, per currency ({@code expected - ledger}, see
   * {@link LedgerDifference#difference()}).
   *
   * <p>With ACC-1's sub-ledger USD 50.00 above its receivable and ACC-2's USD 20.00 below:
   * {@code differenceTotal(CUSTOMER_RECEIVABLE)} is {@code {USD=30.00}}, as is {@code differenceTotal(AR_CONTROL)}.
   *
   * @param kind the kind, not null
   * @return an unmodifiable map in currency-code order, empty when no difference is of the kind, never null
   */
  public Map<CurrencyUnit, Money> differenceTotal(DifferenceKind kind) {
    Objects.requireNonNull(kind, "kind");
    Map<CurrencyUnit, Money> m = new TreeMap<>();
    for (LedgerDifference d : differences()) {
      if (d.kind() == kind) {
        m.merge(d.currency(), d.difference(), Money::plus);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Writes one row per difference (see the class description).
   *
   * @param out where to write, not null
   * @throws IOException if writing fails
   */
  @Override
  public void writeCsv(Appendable out) throws IOException {
    DifferenceCsv.write(out, differences());
  }

  /**
   * Writes one row per customer and currency, in the order of {@link #customers()}: {@code account_id, currency,
   * open_item_count, open_items, receivable, receivable_difference, open_credits, unapplied_cash, credit_difference,
   * customer_balance} (see {@link ReceivablesRow}; credits shown positive, differences are open items less the
   * balance).
   *
   * <p>ACC-1 with two EUR items open for 130.00 and an unapplied payment of 10.00, and a customer whose id holds a
   * comma (quoted): after the header row, the rows
   * <pre>
   * ACC-1,EUR,2,130.00,130.00,0.00,10.00,10.00,0.00,120.00
   * "ACC-4, Smith",EUR,1,25.00,25.00,0.00,0.00,0.00,0.00,25.00
   * </pre>
   *
   * @param out where to write, not null
   * @throws IOException if writing fails
   */
  public void writeCustomersCsv(Appendable out) throws IOException {
    ReportCsv.writeCustomers(Objects.requireNonNull(out, "out"), customers());
  }

  /**
   * The customer rows as one CSV string (see {@link #writeCustomersCsv(Appendable)}).
   *
   * <p>For a ledger with nothing open, only the header: {@code "account_id,currency,...,customer_balance\r\n"}.
   *
   * @return the CSV text, never null
   */
  public String customersCsv() {
    return Csv.text(this::writeCustomersCsv);
  }

  /**
   * Writes one row per currency, in the order of {@link #control()}: {@code currency, open_item_count, open_items,
   * customer_receivables, ar_control, difference, external_control, external_difference, unidentified_payments,
   * unidentified_cash, unidentified_difference} (see {@link ControlRow}; the two external columns are empty when no
   * other book's control was given for the currency).
   *
   * <p>A general ledger whose EUR control is 25.00 above the ledger's, and no other book for USD: after the header
   * row, the rows
   * <pre>
   * EUR,4,235.00,235.00,235.00,0.00,260.00,25.00,40.00,40.00,0.00
   * USD,1,60.00,60.00,60.00,0.00,,,0.00,0.00,0.00
   * </pre>
   *
   * @param out where to write, not null
   * @throws IOException if writing fails
   */
  public void writeControlCsv(Appendable out) throws IOException {
    ReportCsv.writeControl(Objects.requireNonNull(out, "out"), control());
  }

  /**
   * The control rows as one CSV string (see {@link #writeControlCsv(Appendable)}).
   *
   * <p>For a ledger with nothing open and no other book, only the header:
   * {@code "currency,open_item_count,...,unidentified_difference\r\n"}.
   *
   * @return the CSV text, never null
   */
  public String controlCsv() {
    return Csv.text(this::writeControlCsv);
  }

  @Value.Check
  void check() {
    if (entriesFrom().isAfter(asOf())) {
      throw new ValidationException("entriesFrom", entriesFrom(), "must not be after asOf " + asOf());
    }
  }
}
