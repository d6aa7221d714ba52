package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.money.Monies;
import io.github.gridbill.ledger.LedgerAccount;
import io.github.gridbill.reconcile.CsvExportable;
import io.github.gridbill.reconcile.internal.Csv;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A ledger cash account against a bank statement: the statement's opening and closing booked balances, the ledger's
 * balances at the same days, and every difference, each with the statement line and the ledger entry involved.
 *
 * <p>Statement {@code STMT-2024-04-30} of EUR account {@code NL26VAYB8060476890}, period 2024-04-01 to 2024-04-30,
 * opening 1,000.00, closing 1,297.50, against {@code CASH:EFT}: ledger opening 1,000.00, closing 1,300.00; one
 * difference {@code NOT_IN_LEDGER} of EUR -2.50 (a bank charge). The differences always add up to
 * {@link #difference()}, the statement's closing balance less the ledger's, so a report with no differences is a
 * reconciled account. CSV: one row per difference ({@link #toCsv()}: {@code kind, subject, account, currency,
 * expected, ledger, difference, entries, entry_keys, statement_line, detail}), and the opening and closing balances
 * of the statement and the ledger as {@link #balancesCsv()}. Instances are immutable and thread-safe; treat as a
 * value type.
 */
@Value.Immutable
@GridBillStyle
abstract class BankReconciliationReportDef implements CsvExportable {

  /**
   * The statement's id.
   *
   * @return the id
   */
  public abstract String statementId();

  /**
   * The bank account (IBAN or number) the statement is for.
   *
   * @return the account
   */
  public abstract String bankAccount();

  /**
   * The ledger cash account compared.
   *
   * @return the account, {@code CASH:<method>}
   */
  public abstract LedgerAccount cashAccount();

  /**
   * The first day of the statement period.
   *
   * @return the day
   */
  public abstract LocalDate periodStart();

  /**
   * The statement date: the day of the closing balance.
   *
   * @return the day, not before {@link #periodStart()}
   */
  public abstract LocalDate statementDate();

  /**
   * The statement's opening booked balance, when it states one.
   *
   * @return the balance, or empty
   */
  public abstract Optional<Money> statementOpening();

  /**
   * The statement's closing booked balance.
   *
   * @return the balance
   */
  public abstract Money statementClosing();

  /**
   * The ledger cash account's balance at the end of the day before the period.
   *
   * @return the balance, debits positive
   */
  public abstract Money ledgerOpening();

  /**
   * The ledger cash account's balance at the end of the statement date.
   *
   * @return the balance, debits positive
   */
  public abstract Money ledgerClosing();

  /**
   * How many booked lines the statement has.
   *
   * @return the count
   */
  public abstract int lineCount();

  /**
   * How many booked lines have a ledger entry in the period with the same amount.
   *
   * @return the count
   */
  public abstract int matchedCount();

  /**
   * Every difference: opening balance, then lines in statement order, then ledger entries in sequence order, then the
   * statement's own totals.
   *
   * @return the differences
   */
  public abstract List<LedgerDifference> differences();

  /**
   * The currency.
   *
   * @return the currency, never null
   */
  public CurrencyUnit currency() {
    return statementClosing().getCurrencyUnit();
  }

  /**
   * The statement's closing balance less the ledger's.
   *
   * @return the difference, never null
   */
  public Money difference() {
    return statementClosing().minus(ledgerClosing());
  }

  /**
   * Whether the account is reconciled: nothing differs.
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
   * The sum of the differences of one kind ({@code expected - ledger}, see {@link LedgerDifference#difference()}).
   *
   * <p>For the statement above, {@code differenceTotal(NOT_IN_LEDGER)} is {@code EUR -2.50} and
   * {@code differenceTotal(AMOUNT_MISMATCH)} is {@code EUR 0.00}.
   *
   * @param kind the kind, not null
   * @return the sum, zero when no difference is of the kind, never null
   */
  public Money differenceTotal(DifferenceKind kind) {
    Objects.requireNonNull(kind, "kind");
    Money sum = Money.zero(currency());
    for (LedgerDifference d : differences()) {
      if (d.kind() == kind) {
        sum = sum.plus(d.difference());
      }
    }
    return sum;
  }

  /**
   * How many booked lines are not matched: no entry, another amount, or an entry outside the period.
   *
   * @return {@code lineCount() - matchedCount()}
   */
  public int unmatchedCount() {
    return lineCount() - matchedCount();
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
   * Writes the statement's balances against the ledger's, one row each, opening then closing: {@code statement_id,
   * bank_account, account, balance, as_of, currency, statement, ledger, difference}. {@code balance} is
   * {@code OPENING} or {@code CLOSING}; {@code as_of} is the day at whose end both are taken (for the opening, the day
   * before {@link #periodStart()}); {@code difference} is statement less ledger. When the statement states no opening
   * balance, the opening row's {@code statement} and {@code difference} are empty (the
   * {@link DifferenceKind#OPENING_BALANCE} difference, if any, gives the opening the closing and lines imply).
   *
   * <p>Statement {@code S1, April} (opening 10.00, a payment of 150.00 imported, a bank charge of 5.00 not posted):
   * <pre>
   * statement_id,bank_account,account,balance,as_of,currency,statement,ledger,difference
   * "S1, April",NL91ABNA0417164300,CASH:EFT,OPENING,2024-03-31,EUR,10.00,10.00,0.00
   * "S1, April",NL91ABNA0417164300,CASH:EFT,CLOSING,2024-04-03,EUR,155.00,160.00,-5.00
   * </pre>
   *
   * @param out where to write, not null
   * @throws IOException if writing fails
   */
  public void writeBalancesCsv(Appendable out) throws IOException {
    ReportCsv.writeBalances(Objects.requireNonNull(out, "out"), this);
  }

  /**
   * The balance rows as one CSV string (see {@link #writeBalancesCsv(Appendable)}).
   *
   * <p>It starts {@code "statement_id,bank_account,account,balance,as_of,currency,statement,ledger,difference\r\n"}
   * and has two more rows.
   *
   * @return the CSV text, never null
   */
  public String balancesCsv() {
    return Csv.text(this::writeBalancesCsv);
  }

  @Value.Check
  void check() {
    Checks.notBlank(statementId(), "statementId");
    Checks.notBlank(bankAccount(), "bankAccount");
    CurrencyUnit c = statementClosing().getCurrencyUnit();
    if (statementOpening().isPresent()) {
      Monies.requireCurrency("statementOpening", statementOpening().get(), c);
    }
    Monies.requireCurrency("ledgerOpening", ledgerOpening(), c);
    Monies.requireCurrency("ledgerClosing", ledgerClosing(), c);
    if (statementDate().isBefore(periodStart())) {
      throw new ValidationException("statementDate", statementDate(), "must not be before periodStart "
          + periodStart());
    }
    if (matchedCount() < 0 || matchedCount() > lineCount()) {
      throw new ValidationException("matchedCount", matchedCount(), "must be 0 to lineCount " + lineCount());
    }
    long sum = 0;
    for (int i = 0; i < differences().size(); i++) {
      sum += Monies.requireCurrency("differences[" + i + "].expected", differences().get(i).expected(), c)
          .minus(differences().get(i).ledger()).getAmountMinorLong();
    }
    if (sum != difference().getAmountMinorLong()) {
      throw new ValidationException("differences", Money.ofMinor(c, sum), "must add up to the difference "
          + difference());
    }
  }
}
