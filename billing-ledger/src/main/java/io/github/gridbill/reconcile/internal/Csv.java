package io.github.gridbill.reconcile.internal;

import io.github.gridbill.core.DataFormatException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.joda.money.Money;

/**
 * A small RFC 4180 CSV reader and writer, written here because the ledger module takes no outside libraries.
 *
 * <p>Reading: fields are separated by the delimiter and records by CRLF, LF or CR; a field may be quoted with
 * {@code "}, and inside quotes the delimiter and line breaks are data and {@code ""} is one quote. A quote inside an
 * unquoted field, text after a closing quote, or a quote left open at the end of the input is a
 * {@link DataFormatException} naming the line. A leading byte-order mark is skipped; empty lines are skipped.
 *
 * <p>Writing: a field is quoted when it contains the delimiter, a quote, CR or LF, or starts or ends with a space;
 * rows end with CRLF. Stateless and thread-safe.
 */
public final class Csv {
  private Csv() {}

  /**
   * One record of a CSV file: its fields and the physical line it starts on (1-based).
   *
   * @param line the line the record starts on, 1-based
   * @param fields the fields, unmodifiable
   */
  public record Row(int line, List<String> fields) {
    /**
     * Creates the row.
     *
     * @param line the line the record starts on
     * @param fields the fields, not null
     */
    public Row {
      fields = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(fields, "fields")));
    }
  }

  /**
   * Reads every record of a CSV text.
   *
   * <p>{@code a,"b,""c"""\r\n1,2} reads as {@code [a, b,"c"]} (line 1) and {@code [1, 2]} (line 2).
   *
   * @param in the text, not null; not closed
   * @param delimiter the field delimiter, for example {@code ','} or {@code ';'}
   * @param source the source name for errors, not null
   * @return the records in order, never null
   * @throws IOException if reading fails
   * @throws DataFormatException if the quoting is malformed
   */
  public static List<Row> read(Reader in, char delimiter, String source) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
      throw new IllegalArgumentException("delimiter must not be a quote or a line break: " + delimiter);
    }
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int rowLine = 1;
    int quoteLine = 0;
    boolean quoted = false; // inside a quoted field
    boolean afterQuote = false; // a quoted field has closed; only a delimiter or a line break may follow
    boolean fieldStarted = false;
    int c = in.read();
    if (c == '\uFEFF') {
      c = in.read();
    }
    while (c != -1) {
      char ch = (char) c;
      int next = in.read();
      if (quoted) {
        if (ch == '"') {
          if (next == '"') {
            field.append('"');
            next = in.read();
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (ch == '\n' || (ch == '\r' && next != '\n')) {
            line++;
          }
          field.append(ch);
        }
      } else if (ch == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
        afterQuote = false;
        fieldStarted = true;
      } else if (ch == '\r' || ch == '\n') {
        if (ch == '\r' && next == '\n') {
          next = in.read();
        }
        if (fieldStarted || field.length() > 0 || afterQuote) {
          fields.add(field.toString());
          rows.add(new Row(rowLine, fields));
        }
        fields = new ArrayList<>();
        field.setLength(0);
        afterQuote = false;
        fieldStarted = false;
        line++;
        rowLine = line;
      } else if (afterQuote) {
        throw new DataFormatException(source, "line " + line, "field " + (fields.size() + 1), ch,
            "must end after its closing quote");
      } else if (ch == '"') {
        if (field.length() > 0) {
          throw new DataFormatException(source, "line " + line, "field " + (fields.size() + 1), field + "\"",
              "must be quoted as a whole to contain a quote");
        }
        quoted = true;
        quoteLine = line;
        fieldStarted = true;
      } else {
        field.append(ch);
        fieldStarted = true;
      }
      c = next;
    }
    if (quoted) {
      throw new DataFormatException(source, "line " + quoteLine, "field " + (fields.size() + 1), "\"" + field,
          "must close its quote before the end of the input");
    }
    if (fieldStarted || field.length() > 0 || afterQuote) {
      fields.add(field.toString());
      rows.add(new Row(rowLine, fields));
    }
    return rows;
  }

  /**
   * Quotes one field for writing when it needs it.
   *
   * <p>{@code quote("a,b")} is {@code "a,b"} in quotes; {@code quote("say \"hi\"")} doubles the quotes;
   * {@code quote("plain")} is {@code plain}.
   *
   * @param value the field value, not null
   * @return the field as written, never null
   */
  public static String quote(String value) {
    Objects.requireNonNull(value, "value");
    boolean needs = !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ');
    for (int i = 0; i < value.length() && !needs; i++) {
      char ch = value.charAt(i);
      needs = ch == ',' || ch == '"' || ch == '\r' || ch == '\n';
    }
    return needs ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  /**
   * Writes one row: the fields quoted as needed, separated by commas, ended by CRLF.
   *
   * @param out where to write, not null
   * @param fields the field values, not null
   * @throws IOException if writing fails
   */
  public static void writeRow(Appendable out, String... fields) throws IOException {
    Objects.requireNonNull(out, "out");
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quote(fields[i]));
    }
    out.append("\r\n");
  }

  /**
   * A CSV table that writes itself: a header row, then its rows, each through {@link #writeRow}.
   *
   * <p>For example {@code out -> { Csv.writeRow(out, "invoice", "amount"); Csv.writeRow(out, "INV-1", "10.00"); }}.
   */
  @FunctionalInterface
  public interface Table {
    /**
     * Writes the table.
     *
     * @param out where to write, not null
     * @throws IOException if writing fails
     */
    void write(Appendable out) throws IOException;
  }

  /**
   * A table as one string.
   *
   * <p>The table of the {@link Table} example is {@code "invoice,amount\r\nINV-1,10.00\r\n"}.
   *
   * @param table the table, not null
   * @return the CSV text, never null
   */
  public static String text(Table table) {
    Objects.requireNonNull(table, "table");
    StringBuilder sb = new StringBuilder();
    try {
      table.write(sb);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return sb.toString();
  }

  /**
   * An amount as a plain decimal in its currency's scale, without the currency: {@code USD 1234.50} is
   * {@code 1234.50}.
   *
   * @param amount the amount, not null
   * @return the decimal text, never null
   */
  public static String amount(Money amount) {
    BigDecimal a = amount.getAmount();
    return a.toPlainString();
  }
}
