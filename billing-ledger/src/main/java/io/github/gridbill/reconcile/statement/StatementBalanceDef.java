package io.github.gridbill.reconcile.statement;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * One balance of a statement: its type, the raw code, the signed amount (credit balances positive) and the date.
 *
 * <p>camt {@code <Bal><Tp>..<Cd>CLBD</Cd>..<Amt Ccy="EUR">27.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>..} is
 * {@code StatementBalance.of(CLOSING_BOOKED, "CLBD", EUR -27.00, 2014-12-31)}. A balance may be in another currency
 * than the account (camt allows it). Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class StatementBalanceDef {

  /**
   * The balance type.
   *
   * @return the type
   */
  @Value.Parameter
  public abstract BalanceType type();

  /**
   * The code as written: a camt balance code ({@code "OPBD"}) or a BAI2 status type code ({@code "010"}).
   *
   * @return the code, not blank
   */
  @Value.Parameter
  public abstract String code();

  /**
   * The signed amount: credit balances positive, debit (overdrawn) balances negative.
   *
   * @return the amount
   */
  @Value.Parameter
  public abstract Money amount();

  /**
   * The date of the balance, when the source states one.
   *
   * @return the date, or empty
   */
  @Value.Parameter
  public abstract Optional<LocalDate> date();

  @Value.Check
  void check() {
    Checks.notBlank(code(), "code");
  }
}
