package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * One line of a journal entry: an account, a side and an amount not below zero, and for item-managed accounts the
 * open item it opens or settles.
 *
 * <p>{@code JournalLine.debit(LedgerAccount.receivable("ACC-1"), USD 107.33).withItemRef("INV-42")
 * .withDueDate(2024-05-05)} opens invoice INV-42 on ACC-1's receivables; {@code JournalLine.credit(
 * LedgerAccount.revenue(ENERGY), USD 90.00)} books revenue. A due date is given only on a line that opens an item.
 * Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class JournalLineDef {

  /**
   * The account.
   *
   * @return the account
   */
  @Value.Parameter
  public abstract LedgerAccount account();

  /**
   * The side.
   *
   * @return the side
   */
  @Value.Parameter
  public abstract EntrySide side();

  /**
   * The amount, zero or more.
   *
   * @return the amount
   */
  @Value.Parameter
  public abstract Money amount();

  /**
   * The open item this line opens or settles: an invoice number, payment id or refund id. Present exactly on lines of
   * item-managed accounts ({@link AccountKind#isItemManaged()}).
   *
   * @return the item reference, or empty
   */
  public abstract Optional<String> itemRef();

  /**
   * The due date of the item this line opens (receivables only; defaults to the entry's effective date).
   *
   * @return the due date, or empty
   */
  public abstract Optional<LocalDate> dueDate();

  /**
   * A debit line: {@code debit(LedgerAccount.cash(CARD), USD 50.00)}.
   *
   * @param account the account, not null
   * @param amount the amount, zero or more, not null
   * @return the line, never null
   * @throws ValidationException if the amount is negative
   */
  public static JournalLine debit(LedgerAccount account, Money amount) {
    return JournalLine.of(account, EntrySide.DEBIT, amount);
  }

  /**
   * A credit line: {@code credit(LedgerAccount.lateFeeIncome(), USD 5.00)}.
   *
   * @param account the account, not null
   * @param amount the amount, zero or more, not null
   * @return the line, never null
   * @throws ValidationException if the amount is negative
   */
  public static JournalLine credit(LedgerAccount account, Money amount) {
    return JournalLine.of(account, EntrySide.CREDIT, amount);
  }

  /**
   * The amount in minor units, debits positive: a credit of USD 5.00 is {@code -500}.
   *
   * @return the signed minor amount
   */
  public long signedMinor() {
    long minor = amount().getAmountMinorLong();
    return side() == EntrySide.DEBIT ? minor : -minor;
  }

  @Value.Check
  void check() {
    if (amount().isNegative()) {
      throw new ValidationException("amount", amount(), "must not be negative");
    }
    Limits.requireAmount(amount(), "amount");
    itemRef().ifPresent(r -> Names.name(r, "itemRef"));
    if (dueDate().isPresent() && itemRef().isEmpty()) {
      throw new ValidationException("dueDate", dueDate().get(), "must come with an itemRef");
    }
  }
}
