package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.reconcile.CsvExportable;
import io.github.gridbill.reconcile.internal.Csv;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A customer statement for a half-open date range: the opening balance, the movements, the closing balance.
 *
 * <p>Balances are what the customer owes (receivables less unapplied cash); negative is a credit balance.
 * {@code opening + Σ lines.amount = closing}. {@link #toCsv()} gives it as CSV for a spreadsheet or a mail merge.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class CustomerStatementDef implements CsvExportable {

  /**
   * The customer account.
   *
   * @return the account id
   */
  public abstract String accountId();

  /**
   * The currency.
   *
   * @return the currency
   */
  public abstract CurrencyUnit currency();

  /**
   * The first day covered.
   *
   * @return the start, inclusive
   */
  public abstract LocalDate fromInclusive();

  /**
   * The day after the last day covered.
   *
   * @return the end, exclusive
   */
  public abstract LocalDate toExclusive();

  /**
   * The balance at the end of the day before {@link #fromInclusive()}.
   *
   * @return the opening balance
   */
  public abstract Money openingBalance();

  /**
   * The movements, by date then sequence.
   *
   * @return the lines
   */
  public abstract List<StatementLine> lines();

  /**
   * The balance at the end of the day before {@link #toExclusive()}.
   *
   * @return the closing balance
   */
  public abstract Money closingBalance();

  /**
   * Writes the statement: {@code account_id, currency, date, sequence, type, reference, description, amount,
   * balance}; first an {@code OPENING_BALANCE} row dated {@link #fromInclusive()} with the opening balance, then one
   * row per movement, then a {@code CLOSING_BALANCE} row dated the last day covered. The balance rows leave sequence,
   * reference and amount empty.
   *
   * <p>{@code ACC-1,USD,2024-05-01,,OPENING_BALANCE,,Opening balance,,100.00}, then
   * {@code ACC-1,USD,2024-05-02,2,PAYMENT,PAY-1,Payment PAY-1,-70.00,30.00}, ...,
   * {@code ACC-1,USD,2024-05-31,,CLOSING_BALANCE,,Closing balance,,-10.00}.
   *
   * @param out where to write, not null
   * @throws IOException if writing fails
   */
  @Override
  public void writeCsv(Appendable out) throws IOException {
    Objects.requireNonNull(out, "out");
    String id = accountId();
    String cur = currency().getCode();
    Csv.writeRow(out, "account_id", "currency", "date", "sequence", "type", "reference", "description", "amount",
        "balance");
    Csv.writeRow(out, id, cur, fromInclusive().toString(), "", "OPENING_BALANCE", "", "Opening balance", "",
        Csv.amount(openingBalance()));
    for (StatementLine l : lines()) {
      Csv.writeRow(out, id, cur, l.date().toString(), Long.toString(l.sequence()), l.type().name(), l.reference(),
          l.description(), Csv.amount(l.amount()), Csv.amount(l.balance()));
    }
    Csv.writeRow(out, id, cur, toExclusive().minusDays(1).toString(), "", "CLOSING_BALANCE", "", "Closing balance",
        "", Csv.amount(closingBalance()));
  }
}
