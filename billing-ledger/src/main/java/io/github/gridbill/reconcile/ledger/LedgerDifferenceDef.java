package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.money.Monies;
import io.github.gridbill.ledger.JournalEntry;
import io.github.gridbill.ledger.LedgerAccount;
import io.github.gridbill.reconcile.statement.StatementLine;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * One difference a ledger reconciliation found: what was compared, the two figures, and the ledger entries (and the
 * statement line) involved.
 *
 * <p>{@code CUSTOMER_RECEIVABLE ACC-1 on RECEIVABLE:ACC-1: expected USD 150.00 (its open items), ledger USD 100.00,
 * difference USD 50.00, entries #3, #9}; {@code NOT_IN_LEDGER STMT-1#5: expected EUR -2.50 (the bank charge), ledger
 * EUR 0.00, line STMT-1#5}. {@link #expected()} is the figure of the other side (the open items, another book's
 * control balance, the bank statement), {@link #ledger()} the ledger's, and {@link #difference()} their difference.
 * Receivables, the AR control and cash are debit balances (money in the bank positive, a bank line as the bank signs
 * it: credits to the account positive); the credit balances compared with open credits and unidentified payments
 * ({@code CUSTOMER_CREDITS}, {@code UNIDENTIFIED_CASH}) are shown positive, as the open amounts are. Instances are
 * immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class LedgerDifferenceDef {

  /**
   * What differs.
   *
   * @return the kind
   */
  public abstract DifferenceKind kind();

  /**
   * What the difference is about: a customer account id, a currency's control, a statement line id, an entry.
   *
   * @return the subject, not blank
   */
  public abstract String subject();

  /**
   * The ledger account compared, when there is one.
   *
   * @return the account, or empty
   */
  public abstract Optional<LedgerAccount> account();

  /**
   * The other side's figure: the open items, the other book's balance, the statement's amount.
   *
   * @return the amount
   */
  public abstract Money expected();

  /**
   * The ledger's figure.
   *
   * @return the amount, in the currency of {@link #expected()}
   */
  public abstract Money ledger();

  /**
   * The currency.
   *
   * @return the currency of both figures, never null
   */
  public CurrencyUnit currency() {
    return expected().getCurrencyUnit();
  }

  /**
   * The difference: {@code expected() - ledger()}.
   *
   * @return the difference, never zero, never null
   */
  public Money difference() {
    return expected().minus(ledger());
  }

  /**
   * The ledger entries involved: those on the account compared, restricted to the dates concerned (the
   * reconciliation's window, the statement line's entry).
   *
   * @return the entries, in sequence order
   */
  public abstract List<JournalEntry> entries();

  /**
   * The statement line involved, for a bank difference about one line.
   *
   * @return the line, or empty
   */
  public abstract Optional<StatementLine> statementLine();

  /**
   * The difference in words.
   *
   * @return the detail, not blank
   */
  public abstract String detail();

  @Value.Check
  void check() {
    Checks.notBlank(subject(), "subject");
    Checks.notBlank(detail(), "detail");
    Monies.requireCurrency("ledger", ledger(), expected().getCurrencyUnit());
    if (ledger().isEqual(expected())) {
      throw new ValidationException("ledger", ledger(), "must differ from expected " + expected());
    }
  }
}
