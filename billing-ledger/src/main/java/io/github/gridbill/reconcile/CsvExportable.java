package io.github.gridbill.reconcile;

import io.github.gridbill.reconcile.internal.Csv;
import java.io.IOException;

/**
 * A report that can be written as CSV (RFC 4180): a header row, then one row per item, fields quoted when they hold
 * the delimiter, a double quote or a line break, rows ended by CRLF.
 *
 * <p>Example: {@code report.toCsv()} starts with {@code "payment_id,status,rule,..."}. Amounts are plain decimals in
 * the currency's scale ({@code 105.75}) with the currency in its own column; dates are ISO ({@code 2024-03-01}).
 */
public interface CsvExportable {

  /**
   * Writes the report as CSV.
   *
   * @param out where to write, not null
   * @throws IOException if writing fails
   */
  void writeCsv(Appendable out) throws IOException;

  /**
   * The report as one CSV string.
   *
   * <p>For example {@code "invoice,amount\r\nINV-1,10.00\r\n"}.
   *
   * @return the CSV text, never null
   */
  default String toCsv() {
    return Csv.text(this::writeCsv);
  }
}
