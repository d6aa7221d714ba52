package io.github.gridbill.reconcile.statement;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;

/**
 * How to read a bank's CSV export: which column holds what, the date pattern, the number format, and how credits and
 * debits are told apart.
 *
 * <pre>{@code
 * CsvStatementMapping m = CsvStatementMapping.builder()
 *     .accountId("DE89370400440532013000").currency(CurrencyUnit.EUR)
 *     .bookingDateColumn("Date").amountColumn("Amount")            // signed: -12.50 is a debit
 *     .addReferenceColumn("Reference").addDescriptionColumn("Description")
 *     .build();
 * }</pre>
 *
 * <p>Columns are named by the header row, or, with {@code headerRow(false)}, by position from {@code "1"}. The
 * account is one fixed id or a column (one statement per account); the currency is fixed or a column. The amount is
 * either one signed column, one unsigned column with a credit/debit column ({@link #creditValues()},
 * {@link #debitValues()}, compared ignoring case), or two unsigned columns (credit, debit) of which each row fills
 * one. Numbers use {@link #decimalSeparator()} and may group thousands with {@link #groupingSeparator()}
 * ({@code 1.234,56} with {@code ','} and {@code '.'}). Dates follow {@link #datePattern()} ({@code DateTimeFormatter}
 * syntax, read strictly; {@code yyyy} is read as {@code uuuu}). Instances are immutable and thread-safe; treat as a
 * value type.
 */
@Value.Immutable
@GridBillStyle
abstract class CsvStatementMappingDef {

  /**
   * The field delimiter.
   *
   * @return the delimiter, {@code ','} by default
   */
  @Value.Default
  public char delimiter() {
    return ',';
  }

  /**
   * Whether the first row (after {@link #skipRows()}) names the columns.
   *
   * @return true by default
   */
  @Value.Default
  public boolean headerRow() {
    return true;
  }

  /**
   * Rows to skip before the header (a bank's preamble: account name, period).
   *
   * @return the count, 0 by default
   */
  @Value.Default
  public int skipRows() {
    return 0;
  }

  /**
   * The statement id; the default is {@code "<source>/<account>"}. With several accounts in the file, each statement
   * is {@code "<statementId>/<account>"}.
   *
   * @return the id, or empty
   */
  public abstract Optional<String> statementId();

  /**
   * The account of every row.
   *
   * @return the account id, or empty when {@link #accountColumn()} is set
   */
  public abstract Optional<String> accountId();

  /**
   * The column holding each row's account.
   *
   * @return the column, or empty when {@link #accountId()} is set
   */
  public abstract Optional<String> accountColumn();

  /**
   * The currency of every row.
   *
   * @return the currency, or empty when {@link #currencyColumn()} is set
   */
  public abstract Optional<CurrencyUnit> currency();

  /**
   * The column holding each row's ISO currency code.
   *
   * @return the column, or empty when {@link #currency()} is set
   */
  public abstract Optional<String> currencyColumn();

  /**
   * The booking date column.
   *
   * @return the column
   */
  public abstract String bookingDateColumn();

  /**
   * The value date column.
   *
   * @return the column, or empty
   */
  public abstract Optional<String> valueDateColumn();

  /**
   * The date pattern.
   *
   * @return the pattern, {@code "uuuu-MM-dd"} by default
   */
  @Value.Default
  public String datePattern() {
    return "uuuu-MM-dd";
  }

  /**
   * The amount column: signed, or unsigned with {@link #directionColumn()}.
   *
   * @return the column, or empty when credit and debit columns are used
   */
  public abstract Optional<String> amountColumn();

  /**
   * The credit/debit indicator column, for an unsigned {@link #amountColumn()}.
   *
   * @return the column, or empty
   */
  public abstract Optional<String> directionColumn();

  /**
   * Indicator values meaning credit.
   *
   * @return the values, {@code C, CR, CRDT, CREDIT} by default
   */
  @Value.Default
  public Set<String> creditValues() {
    return Set.of("C", "CR", "CRDT", "CREDIT");
  }

  /**
   * Indicator values meaning debit.
   *
   * @return the values, {@code D, DR, DBIT, DEBIT} by default
   */
  @Value.Default
  public Set<String> debitValues() {
    return Set.of("D", "DR", "DBIT", "DEBIT");
  }

  /**
   * The column of unsigned credit amounts (with {@link #debitColumn()}).
   *
   * @return the column, or empty
   */
  public abstract Optional<String> creditColumn();

  /**
   * The column of unsigned debit amounts (with {@link #creditColumn()}).
   *
   * @return the column, or empty
   */
  public abstract Optional<String> debitColumn();

  /**
   * The decimal separator.
   *
   * @return {@code '.'} by default
   */
  @Value.Default
  public char decimalSeparator() {
    return '.';
  }

  /**
   * The thousands separator, removed before reading a number.
   *
   * @return the separator, or empty
   */
  public abstract Optional<Character> groupingSeparator();

  /**
   * Columns whose values are structured references (invoice numbers, creditor references).
   *
   * @return the columns
   */
  public abstract List<String> referenceColumns();

  /**
   * Columns whose values are remittance text.
   *
   * @return the columns
   */
  public abstract List<String> descriptionColumns();

  /**
   * The end-to-end id column.
   *
   * @return the column, or empty
   */
  public abstract Optional<String> endToEndIdColumn();

  /**
   * The bank's transaction id column.
   *
   * @return the column, or empty
   */
  public abstract Optional<String> bankReferenceColumn();

  /**
   * The transaction code column.
   *
   * @return the column, or empty
   */
  public abstract Optional<String> transactionCodeColumn();

  /**
   * The counterparty name column.
   *
   * @return the column, or empty
   */
  public abstract Optional<String> counterpartyNameColumn();

  /**
   * The counterparty account column.
   *
   * @return the column, or empty
   */
  public abstract Optional<String> counterpartyAccountColumn();

  @Value.Check
  void check() {
    if (accountId().isPresent() == accountColumn().isPresent()) {
      throw new ValidationException("accountId", accountId().orElse(null), "must be set, or accountColumn, not "
          + "both");
    }
    if (currency().isPresent() == currencyColumn().isPresent()) {
      throw new ValidationException("currency", currency().orElse(null), "must be set, or currencyColumn, not both");
    }
    boolean split = creditColumn().isPresent() || debitColumn().isPresent();
    if (amountColumn().isPresent() == split) {
      throw new ValidationException("amountColumn", amountColumn().orElse(null),
          "must be set, or creditColumn and debitColumn, not both");
    }
    if (split && (creditColumn().isEmpty() || debitColumn().isEmpty())) {
      throw new ValidationException(creditColumn().isEmpty() ? "creditColumn" : "debitColumn", null,
          "must be set together with the other");
    }
    if (directionColumn().isPresent() && amountColumn().isEmpty()) {
      throw new ValidationException("directionColumn", directionColumn().get(), "must go with amountColumn");
    }
    char d = delimiter();
    if (d == '"' || d == '\r' || d == '\n' || d == decimalSeparator()) {
      throw new ValidationException("delimiter", d, "must not be a quote, a line break or the decimal separator");
    }
    if (groupingSeparator().isPresent() && groupingSeparator().get() == decimalSeparator()) {
      throw new ValidationException("groupingSeparator", groupingSeparator().get(),
          "must differ from the decimal separator");
    }
    try {
      var unused = DateTimeFormatter.ofPattern(datePattern());
    } catch (IllegalArgumentException e) {
      throw new ValidationException("datePattern", datePattern(), "must be a DateTimeFormatter pattern", e);
    }
    if (skipRows() < 0) {
      throw new ValidationException("skipRows", skipRows(), "must not be negative");
    }
  }
}
