package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.reconcile.CsvExportable;
import io.github.gridbill.reconcile.internal.Csv;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * An aging report as of a day: rows per customer and currency, totals per currency tied to the AR control account.
 *
 * <p>Rows come in the order customers first appeared in the ledger. {@link #toCsv()} gives the rows as CSV, one per
 * customer and currency, and {@link #totalsCsv()} the totals per currency with the AR control account they tie to.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class AgingReportDef implements CsvExportable {

  /**
   * The day the report is as of (end of day).
   *
   * @return the date
   */
  public abstract LocalDate asOf();

  /**
   * The buckets used.
   *
   * @return the policy
   */
  public abstract AgingPolicy policy();

  /**
   * The bucket labels, for example {@code Current, 1-30, 31-60, 61-90, 90+}.
   *
   * @return the labels
   */
  public List<String> labels() {
    return policy().labels();
  }

  /**
   * One row per customer and currency with anything open.
   *
   * @return the rows
   */
  public abstract List<AgingRow> rows();

  /**
   * One total per currency.
   *
   * @return the totals, by currency code
   */
  public abstract List<AgingTotal> totals();

  /**
   * Writes one row per customer and currency, in {@link #rows()} order: {@code account_id, currency}, one column per
   * bucket named by its label, then {@code disputed, credits, total}. Amounts are plain decimals in the currency's
   * scale.
   *
   * <p>{@code account_id,currency,Current,1-30,31-60,61-90,90+,disputed,credits,total} then
   * {@code ACC-1,USD,30.00,70.00,50.00,60.00,70.00,80.00,5.00,360.00}.
   *
   * @param out where to write, not null
   * @throws IOException if writing fails
   */
  @Override
  public void writeCsv(Appendable out) throws IOException {
    Objects.requireNonNull(out, "out");
    Csv.writeRow(out, header(List.of("account_id", "currency"), List.of("disputed", "credits", "total")));
    for (AgingRow r : rows()) {
      List<String> f = new ArrayList<>(List.of(r.accountId(), r.currency().getCode()));
      r.buckets().forEach(m -> f.add(Csv.amount(m)));
      f.addAll(List.of(Csv.amount(r.disputed()), Csv.amount(r.credits()), Csv.amount(r.total())));
      Csv.writeRow(out, f.toArray(String[]::new));
    }
  }

  /**
   * Writes one row per currency, in {@link #totals()} order: {@code currency}, one column per bucket, then
   * {@code disputed, total, credits, unidentified, ar_control, ties_to_control} ({@code true} when the total equals
   * the AR control account).
   *
   * @param out where to write, not null
   * @throws IOException if writing fails
   */
  public void writeTotalsCsv(Appendable out) throws IOException {
    Objects.requireNonNull(out, "out");
    Csv.writeRow(out, header(List.of("currency"),
        List.of("disputed", "total", "credits", "unidentified", "ar_control", "ties_to_control")));
    for (AgingTotal t : totals()) {
      List<String> f = new ArrayList<>(List.of(t.currency().getCode()));
      t.buckets().forEach(m -> f.add(Csv.amount(m)));
      f.addAll(List.of(Csv.amount(t.disputed()), Csv.amount(t.total()), Csv.amount(t.credits()),
          Csv.amount(t.unidentified()), Csv.amount(t.arControl()), Boolean.toString(t.tiesToControl())));
      Csv.writeRow(out, f.toArray(String[]::new));
    }
  }

  /**
   * The totals as one CSV string ({@link #writeTotalsCsv}).
   *
   * @return the CSV text, never null
   */
  public String totalsCsv() {
    return Csv.text(this::writeTotalsCsv);
  }

  private String[] header(List<String> before, List<String> after) {
    List<String> h = new ArrayList<>(before);
    h.addAll(labels());
    h.addAll(after);
    return h.toArray(String[]::new);
  }
}
