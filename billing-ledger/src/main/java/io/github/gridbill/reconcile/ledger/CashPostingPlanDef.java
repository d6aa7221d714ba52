package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.reconcile.CsvExportable;
import io.github.gridbill.reconcile.internal.Csv;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * What importing a batch of bank lines will post, validated against the ledger and not yet posted: one
 * {@link PlannedLine} per line, and summary counts and amounts.
 *
 * <p>Made by {@link LedgerCashApplication#plan}; posted by {@link LedgerCashApplication#post}. For three new lines of
 * USD 100.00, 50.00 and 20.00 where the first two match: {@code lineCount() 3, appliedCount() 2, unidentifiedCount()
 * 1, plannedPostingCount() 5, received {USD=170.00}, applied {USD=150.00}, unapplied {USD=20.00}}. CSV: one row per
 * line. Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class CashPostingPlanDef implements CsvExportable {

  /**
   * The day the open items were taken as of.
   *
   * @return the day
   */
  public abstract LocalDate asOf();

  /**
   * The lines, in statement and line order.
   *
   * @return the lines
   */
  public abstract List<PlannedLine> lines();

  /**
   * How many lines.
   *
   * @return the count
   */
  public int lineCount() {
    return lines().size();
  }

  /**
   * How many lines end applied to invoices (now or before).
   *
   * @return the count
   */
  public int appliedCount() {
    return count(LineStatus.APPLIED);
  }

  /**
   * How many lines end as unidentified cash.
   *
   * @return the count
   */
  public int unidentifiedCount() {
    return count(LineStatus.UNIDENTIFIED);
  }

  /**
   * How many lines end on a customer's unapplied cash without an application.
   *
   * @return the count
   */
  public int unappliedCount() {
    return count(LineStatus.UNAPPLIED);
  }

  private int count(LineStatus status) {
    int n = 0;
    for (PlannedLine l : lines()) {
      if (l.status() == status) {
        n++;
      }
    }
    return n;
  }

  /**
   * How many lines the ledger had already recorded.
   *
   * @return the count
   */
  public int previouslyImportedCount() {
    int n = 0;
    for (PlannedLine l : lines()) {
      if (l.previouslyImported()) {
        n++;
      }
    }
    return n;
  }

  /**
   * How many new ledger entries posting the plan makes (if the ledger does not change in between).
   *
   * @return the count
   */
  public int plannedPostingCount() {
    int n = 0;
    for (PlannedLine l : lines()) {
      n += l.newPostingCount();
    }
    return n;
  }

  /**
   * The lines that are not applied, with the reason when this run decided it: the exception list.
   *
   * @return the lines with status {@code UNIDENTIFIED} or {@code UNAPPLIED}, in line order, never null
   */
  public List<PlannedLine> exceptions() {
    List<PlannedLine> out = new ArrayList<>();
    for (PlannedLine l : lines()) {
      if (l.status() != LineStatus.APPLIED) {
        out.add(l);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The money received, per currency: every line.
   *
   * @return an unmodifiable map in currency-code order, never null
   */
  @Value.Lazy
  public Map<CurrencyUnit, Money> received() {
    Map<CurrencyUnit, Money> m = new TreeMap<>();
    for (PlannedLine l : lines()) {
      m.merge(l.payment().amount().getCurrencyUnit(), l.payment().amount(), Money::plus);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * The money applied to invoices, per currency.
   *
   * @return an unmodifiable map in currency-code order (zero where nothing is applied), never null
   */
  @Value.Lazy
  public Map<CurrencyUnit, Money> applied() {
    Map<CurrencyUnit, Money> m = new TreeMap<>();
    for (PlannedLine l : lines()) {
      m.merge(l.payment().amount().getCurrencyUnit(), l.applied(), Money::plus);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * The money not applied, per currency: unidentified cash and customers' unapplied cash from these lines.
   *
   * @return an unmodifiable map in currency-code order, never null
   */
  @Value.Lazy
  public Map<CurrencyUnit, Money> unapplied() {
    Map<CurrencyUnit, Money> m = new TreeMap<>();
    for (PlannedLine l : lines()) {
      m.merge(l.payment().amount().getCurrencyUnit(), l.unapplied(), Money::plus);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Writes one row per line: {@code line_id, status, previously_imported, rule, confidence, reason, currency, amount,
   * applied, unapplied, payer_account, invoices (semicolon-separated), value_date, record_key, planned_postings,
   * detail}.
   *
   * @param out where to write, not null
   * @throws IOException if writing fails
   */
  @Override
  public void writeCsv(Appendable out) throws IOException {
    Csv.writeRow(out, LineCsv.header("planned_postings"));
    for (PlannedLine l : lines()) {
      Csv.writeRow(out, LineCsv.row(l, Integer.toString(l.newPostingCount())));
    }
  }

  @Value.Check
  void check() {
    Set<String> ids = new HashSet<>(lines().size() * 2);
    for (int i = 0; i < lines().size(); i++) {
      if (!ids.add(lines().get(i).payment().id())) {
        throw new ValidationException("lines[" + i + "].payment.id", lines().get(i).payment().id(),
            "must be unique in the plan");
      }
    }
  }
}
