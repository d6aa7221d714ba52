package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import java.time.LocalDate;
import java.util.List;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A customer statement for a half-open date range: the opening balance, the movements, the closing balance.
 *
 * <p>Balances are what the customer owes (receivables less unapplied cash); negative is a credit balance.
 * {@code opening + Σ lines.amount = closing}. Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class CustomerStatementDef {

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
}
