package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.money.Monies;
import io.github.gridbill.ledger.LedgerAccount;
import io.github.gridbill.reconcile.CsvExportable;
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
 * reconciled account. CSV: one row per difference ({@code kind, subject, account, currency, expected, ledger,
 * difference, entries, entry_keys, statement_line, detail}). Instances are immutable and thread-safe; treat as a
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
