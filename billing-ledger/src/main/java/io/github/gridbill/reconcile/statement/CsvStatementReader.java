package io.github.gridbill.reconcile.statement;

import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.reconcile.internal.Csv;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Reads bank statements from CSV with a declared {@link CsvStatementMapping}.
 *
 * <pre>{@code
 * List<BankStatement> s = CsvStatementReader.of(mapping).read(Path.of("export.csv"));
 * }</pre>
 *
 * <p>The file is read as RFC 4180 CSV (quoted fields may hold the delimiter, quotes and line breaks) by a small reader
 * of GridBill's own, since the ledger module takes no outside libraries. Each data row becomes one
 * {@link StatementLine} with the id {@code "<statement id>#<row>"} (rows counted from 1 per statement) and the
 * location {@code "line N"}; rows are grouped into one {@link BankStatement} per account, in order of first
 * appearance. The whole file is read and checked before anything is returned; a missing column, a short row, an
 * amount, date, currency or credit/debit value that cannot be read is a {@link DataFormatException} naming the source,
 * the line, the column, the value and the rule. Instances are immutable and thread-safe.
 */
public final class CsvStatementReader {
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

  private final CsvStatementMapping mapping;
  private final DateTimeFormatter dates;

  private CsvStatementReader(CsvStatementMapping mapping) {
    this.mapping = mapping;
    String pattern = mapping.datePattern();
    if (pattern.indexOf('\'') < 0) {
      pattern = pattern.replace('y', 'u');
    }
    this.dates = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * A reader for a mapping.
   *
   * @param mapping the mapping, not null
   * @return the reader, never null
   */
  public static CsvStatementReader of(CsvStatementMapping mapping) {
    return new CsvStatementReader(Objects.requireNonNull(mapping, "mapping"));
  }

  /**
   * Reads a UTF-8 CSV file.
   *
   * @param file the file, not null
   * @return one statement per account, never null
   * @throws IOException if the file cannot be read
   * @throws DataFormatException if a row or the header breaks the mapping; nothing is returned
   */
  public List<BankStatement> read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.getFileName() == null ? file.toString() : file.getFileName().toString());
    }
  }

  /**
   * Reads CSV text (not closed).
   *
   * @param in the text, not null
   * @param source the name of the source for error messages, not null
   * @return one statement per account, never null
   * @throws IOException if the text cannot be read
   * @throws DataFormatException if a row or the header breaks the mapping; nothing is returned
   */
  public List<BankStatement> read(Reader in, String source) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    List<Csv.Row> rows = Csv.read(in, mapping.delimiter(), source);
    int first = mapping.skipRows();
    Map<String, Integer> columns = new HashMap<>();
    int headerLine = 1;
    if (mapping.headerRow()) {
      if (rows.size() <= first) {
        throw new DataFormatException(source, "line " + (rows.isEmpty() ? 1 : rows.get(rows.size() - 1).line()),
            "header", null, "must be present");
      }
      Csv.Row header = rows.get(first);
      headerLine = header.line();
      for (int i = 0; i < header.fields().size(); i++) {
        columns.putIfAbsent(header.fields().get(i).strip(), i);
      }
      first++;
    }
    Columns c = new Columns(columns, source, headerLine);
    Map<String, BankStatement.Builder> statements = new LinkedHashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (int r = first; r < rows.size(); r++) {
      Csv.Row row = rows.get(r);
      Cells cells = new Cells(row, c, source);
      String account = mapping.accountId().isPresent() ? mapping.accountId().get()
          : cells.required(mapping.accountColumn().orElseThrow());
      String statementId = mapping.statementId()
          .map(s -> mapping.accountColumn().isPresent() ? s + "/" + account : s).orElse(source + "/" + account);
      BankStatement.Builder b = statements.computeIfAbsent(account, a -> BankStatement.builder()
          .format(StatementFormat.CSV).id(statementId).accountId(a).currency(mapping.currency()));
      int n = counts.merge(account, 1, Integer::sum);
      b.addLine(line(cells, statementId + "#" + n, row.line()));
    }
    List<BankStatement> out = new ArrayList<>();
    for (BankStatement.Builder b : statements.values()) {
      out.add(b.build());
    }
    return List.copyOf(out);
  }

  private StatementLine line(Cells cells, String id, int lineNo) {
    CurrencyUnit currency = mapping.currency().isPresent() ? mapping.currency().get()
        : cells.currency(mapping.currencyColumn().orElseThrow());
    StatementLine.Builder l = StatementLine.builder().id(id).location("line " + lineNo)
        .bookingDate(cells.date(mapping.bookingDateColumn()));
    if (mapping.valueDateColumn().isPresent()) {
      l.valueDate(cells.optionalDate(mapping.valueDateColumn().get()));
    }
    if (mapping.amountColumn().isPresent()) {
      String col = mapping.amountColumn().get();
      BigDecimal a = cells.number(col, true);
      if (mapping.directionColumn().isPresent()) {
        if (a.signum() < 0 || cells.raw(col).strip().startsWith("+")) {
          throw cells.error(col, cells.raw(col), "must be unsigned when a credit/debit column is mapped");
        }
        String dcol = mapping.directionColumn().get();
        String v = cells.required(dcol);
        if (contains(mapping.creditValues(), v)) {
          l.direction(CreditDebit.CREDIT);
        } else if (contains(mapping.debitValues(), v)) {
          l.direction(CreditDebit.DEBIT);
        } else {
          throw cells.error(dcol, v, "must be one of " + mapping.creditValues() + " or " + mapping.debitValues());
        }
        l.amount(cells.money(col, a, currency));
      } else {
        l.direction(a.signum() < 0 ? CreditDebit.DEBIT : CreditDebit.CREDIT);
        l.amount(cells.money(col, a.abs(), currency));
      }
    } else {
      String cc = mapping.creditColumn().orElseThrow();
      String dc = mapping.debitColumn().orElseThrow();
      boolean credit = !cells.raw(cc).isBlank();
      boolean debit = !cells.raw(dc).isBlank();
      if (credit == debit) {
        throw cells.error(cc, cells.raw(cc) + "|" + cells.raw(dc), "or " + dc + " must hold an amount, not both");
      }
      String col = credit ? cc : dc;
      BigDecimal a = cells.number(col, true);
      if (a.signum() < 0) {
        throw cells.error(col, cells.raw(col), "must not be negative");
      }
      l.direction(credit ? CreditDebit.CREDIT : CreditDebit.DEBIT).amount(cells.money(col, a, currency));
    }
    for (String col : mapping.referenceColumns()) {
      String v = cells.optional(col);
      if (v != null) {
        l.addReference(v);
      }
    }
    for (String col : mapping.descriptionColumns()) {
      String v = cells.optional(col);
      if (v != null) {
        l.addRemittanceText(v);
      }
    }
    mapping.endToEndIdColumn().ifPresent(col -> l.endToEndId(Optional.ofNullable(cells.optional(col))));
    mapping.bankReferenceColumn().ifPresent(col -> l.bankReference(Optional.ofNullable(cells.optional(col))));
    mapping.transactionCodeColumn().ifPresent(col -> l.bankTransactionCode(Optional.ofNullable(cells.optional(col))));
    mapping.counterpartyNameColumn().ifPresent(col -> l.counterpartyName(Optional.ofNullable(cells.optional(col))));
    mapping.counterpartyAccountColumn()
        .ifPresent(col -> l.counterpartyAccount(Optional.ofNullable(cells.optional(col))));
    return l.build();
  }

  private static boolean contains(Iterable<String> values, String v) {
    for (String s : values) {
      if (s.equalsIgnoreCase(v.strip())) {
        return true;
      }
    }
    return false;
  }

  /** Column names to positions; a mapped column missing from the header is an error when first used. */
  private final class Columns {
    final Map<String, Integer> byName;
    final String source;
    final int headerLine;

    Columns(Map<String, Integer> byName, String source, int headerLine) {
      this.byName = byName;
      this.source = source;
      this.headerLine = headerLine;
      for (String col : mapped()) {
        index(col);
      }
    }

    int index(String col) {
      if (mapping.headerRow()) {
        Integer i = byName.get(col);
        if (i == null) {
          throw new DataFormatException(source, "line " + headerLine, "header", col,
              "must name the mapped column");
        }
        return i;
      }
      try {
        int i = Integer.parseInt(col) - 1;
        if (i >= 0) {
          return i;
        }
      } catch (NumberFormatException e) {
        // fall through to the error
      }
      throw new DataFormatException(source, "line 1", "column", col,
          "must be a position from 1 when the file has no header row");
    }

    List<String> mapped() {
      List<String> all = new ArrayList<>();
      mapping.accountColumn().ifPresent(all::add);
      mapping.currencyColumn().ifPresent(all::add);
      all.add(mapping.bookingDateColumn());
      mapping.valueDateColumn().ifPresent(all::add);
      mapping.amountColumn().ifPresent(all::add);
      mapping.directionColumn().ifPresent(all::add);
      mapping.creditColumn().ifPresent(all::add);
      mapping.debitColumn().ifPresent(all::add);
      all.addAll(mapping.referenceColumns());
      all.addAll(mapping.descriptionColumns());
      mapping.endToEndIdColumn().ifPresent(all::add);
      mapping.bankReferenceColumn().ifPresent(all::add);
      mapping.transactionCodeColumn().ifPresent(all::add);
      mapping.counterpartyNameColumn().ifPresent(all::add);
      mapping.counterpartyAccountColumn().ifPresent(all::add);
      return all;
    }
  }

  /** One row's cells, read by column name. */
  private final class Cells {
    final Csv.Row row;
    final Columns columns;
    final String source;

    Cells(Csv.Row row, Columns columns, String source) {
      this.row = row;
      this.columns = columns;
      this.source = source;
    }

    DataFormatException error(String col, @Nullable Object value, String reason) {
      return new DataFormatException(source, "line " + row.line(), col, value, reason);
    }

    String raw(String col) {
      int i = columns.index(col);
      if (i >= row.fields().size()) {
        throw new DataFormatException(source, "line " + row.line(), "row", row.fields().size() + " fields",
            "must reach column " + col + " (field " + (i + 1) + ")");
      }
      return row.fields().get(i);
    }

    String required(String col) {
      String v = raw(col).strip();
      if (v.isEmpty()) {
        throw error(col, v, "must not be empty");
      }
      return v;
    }

    @Nullable String optional(String col) {
      String v = raw(col).strip();
      return v.isEmpty() ? null : v;
    }

    LocalDate date(String col) {
      return parseDate(col, required(col));
    }

    Optional<LocalDate> optionalDate(String col) {
      String v = optional(col);
      return v == null ? Optional.empty() : Optional.of(parseDate(col, v));
    }

    private LocalDate parseDate(String col, String v) {
      try {
        return LocalDate.parse(v, dates);
      } catch (DateTimeParseException e) {
        throw new DataFormatException(source, "line " + row.line(), col, v,
            "must be a date of the pattern " + mapping.datePattern(), e);
      }
    }

    BigDecimal number(String col, boolean needed) {
      String v = needed ? required(col) : raw(col).strip();
      String n = v;
      if (mapping.groupingSeparator().isPresent()) {
        n = n.replace(mapping.groupingSeparator().get().toString(), "");
      }
      if (mapping.decimalSeparator() != '.') {
        if (n.indexOf('.') >= 0) {
          throw error(col, v, "must be a number with the decimal separator " + mapping.decimalSeparator());
        }
        n = n.replace(mapping.decimalSeparator(), '.');
      }
      if (!NUMBER.matcher(n).matches()) {
        throw error(col, v, "must be a number with the decimal separator " + mapping.decimalSeparator());
      }
      return new BigDecimal(n);
    }

    Money money(String col, BigDecimal unsigned, CurrencyUnit currency) {
      BigDecimal a = unsigned.stripTrailingZeros();
      if (a.scale() > currency.getDecimalPlaces()) {
        throw error(col, raw(col).strip(), "must have at most " + currency.getDecimalPlaces()
            + " decimal places for " + currency);
      }
      if (a.abs().movePointRight(currency.getDecimalPlaces()).compareTo(StatementLineDef.MAX_MINOR) > 0) {
        throw error(col, raw(col).strip(), StatementLineDef.TOO_LARGE);
      }
      return Money.of(currency, a.setScale(currency.getDecimalPlaces()));
    }

    CurrencyUnit currency(String col) {
      String v = required(col);
      try {
        return CurrencyUnit.of(v.toUpperCase(Locale.ROOT));
      } catch (IllegalCurrencyException e) {
        throw new DataFormatException(source, "line " + row.line(), col, v,
            "must be a known ISO 4217 currency code", e);
      }
    }
  }
}
