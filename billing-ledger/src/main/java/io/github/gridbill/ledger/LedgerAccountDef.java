package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.invoice.LineKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An account of the chart of accounts: a kind and, for keyed kinds, a key.
 *
 * <p>{@code LedgerAccount.receivable("ACC-1")} is customer ACC-1's receivables, written {@code "RECEIVABLE:ACC-1"};
 * {@code LedgerAccount.cash(PaymentMethod.CARD)} is {@code "CASH:CARD"}; {@code LedgerAccount.writeOffExpense()} is
 * {@code "WRITE_OFF_EXPENSE"}. Keys are 1 to 200 characters without control characters; a revenue key is a
 * {@link io.github.gridbill.core.invoice.LineKind} name other than {@code TAX}, a cash key a {@link PaymentMethod}
 * name. Instances are immutable and
 * thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class LedgerAccountDef {
  /**
   * The accounts without a caller-chosen key, built once (on first use, in a holder so that nothing runs while the
   * generated class initializes): the factories below return these shared instances, value types whose sharing
   * callers cannot observe, instead of building and validating a new one per posting.
   */
  private static final class Shared {
    static final Map<LineKind, LedgerAccount> REVENUE = new EnumMap<>(LineKind.class);
    static final Map<PaymentMethod, LedgerAccount> CASH = new EnumMap<>(PaymentMethod.class);
    static final LedgerAccount UNIDENTIFIED_CASH = LedgerAccount.of(AccountKind.UNIDENTIFIED_CASH, "");
    static final LedgerAccount WRITE_OFF_EXPENSE = LedgerAccount.of(AccountKind.WRITE_OFF_EXPENSE, "");
    static final LedgerAccount LATE_FEE_INCOME = LedgerAccount.of(AccountKind.LATE_FEE_INCOME, "");
    static final LedgerAccount REFUNDS_PAYABLE = LedgerAccount.of(AccountKind.REFUNDS_PAYABLE, "");
    static final LedgerAccount ADJUSTMENTS = LedgerAccount.of(AccountKind.ADJUSTMENTS, "");

    static {
      for (LineKind k : LineKind.values()) {
        if (k != LineKind.TAX) {
          REVENUE.put(k, LedgerAccount.of(AccountKind.REVENUE, k.name()));
        }
      }
      for (PaymentMethod m : PaymentMethod.values()) {
        CASH.put(m, LedgerAccount.of(AccountKind.CASH, m.name()));
      }
    }

    private Shared() {}
  }

  /**
   * The kind.
   *
   * @return the kind
   */
  @Value.Parameter
  public abstract AccountKind kind();

  /**
   * The key: a customer account id, a line kind, a tax, a payment method or a name; empty for single accounts.
   *
   * @return the key, empty for unkeyed kinds
   */
  @Value.Parameter
  public abstract String key();

  /**
   * Customer receivables.
   *
   * @param accountId the customer account id, not null
   * @return {@code RECEIVABLE:<accountId>}, never null
   * @throws ValidationException if the id is blank, too long or has control characters
   */
  public static LedgerAccount receivable(String accountId) {
    return LedgerAccount.of(AccountKind.RECEIVABLE, accountId);
  }

  /**
   * A customer's unapplied cash and credits (their credit balance).
   *
   * @param accountId the customer account id, not null
   * @return {@code UNAPPLIED_CASH:<accountId>}, never null
   * @throws ValidationException if the id is blank, too long or has control characters
   */
  public static LedgerAccount unappliedCash(String accountId) {
    return LedgerAccount.of(AccountKind.UNAPPLIED_CASH, accountId);
  }

  /**
   * Cash received from unknown payers.
   *
   * @return {@code UNIDENTIFIED_CASH}, never null
   */
  public static LedgerAccount unidentifiedCash() {
    return Shared.UNIDENTIFIED_CASH;
  }

  /**
   * Revenue of one line kind.
   *
   * @param kind the line kind, not {@code TAX}, not null
   * @return {@code REVENUE:<kind>}, for example {@code REVENUE:ENERGY}, never null
   * @throws ValidationException if the kind is {@code TAX}
   */
  public static LedgerAccount revenue(LineKind kind) {
    LedgerAccount a = Shared.REVENUE.get(Objects.requireNonNull(kind, "kind"));
    return a != null ? a : LedgerAccount.of(AccountKind.REVENUE, kind.name()); // TAX: refused with its message
  }

  /**
   * Tax payable for one tax.
   *
   * @param tax the tax, as the source of the invoice's tax lines, for example {@code "CGST"}, not null
   * @return {@code TAX_PAYABLE:<tax>}, never null
   * @throws ValidationException if the name is blank, too long or has control characters
   */
  public static LedgerAccount taxPayable(String tax) {
    return LedgerAccount.of(AccountKind.TAX_PAYABLE, tax);
  }

  /**
   * The cash or bank account of a payment method.
   *
   * @param method the method, not null
   * @return {@code CASH:<method>}, for example {@code CASH:CHEQUE}, never null
   */
  public static LedgerAccount cash(PaymentMethod method) {
    LedgerAccount a = Shared.CASH.get(Objects.requireNonNull(method, "method"));
    return Objects.requireNonNull(a, "every payment method has an account");
  }

  /**
   * Bad-debt expense.
   *
   * @return {@code WRITE_OFF_EXPENSE}, never null
   */
  public static LedgerAccount writeOffExpense() {
    return Shared.WRITE_OFF_EXPENSE;
  }

  /**
   * Late-fee income.
   *
   * @return {@code LATE_FEE_INCOME}, never null
   */
  public static LedgerAccount lateFeeIncome() {
    return Shared.LATE_FEE_INCOME;
  }

  /**
   * Refunds payable.
   *
   * @return {@code REFUNDS_PAYABLE}, never null
   */
  public static LedgerAccount refundsPayable() {
    return Shared.REFUNDS_PAYABLE;
  }

  /**
   * Billing adjustments.
   *
   * @return {@code ADJUSTMENTS}, never null
   */
  public static LedgerAccount adjustments() {
    return Shared.ADJUSTMENTS;
  }

  /**
   * A general account for manual entries.
   *
   * @param name the name, for example {@code "bank-fees"}, not null
   * @return {@code GENERAL:<name>}, never null
   * @throws ValidationException if the name is blank, too long or has control characters
   */
  public static LedgerAccount general(String name) {
    return LedgerAccount.of(AccountKind.GENERAL, name);
  }

  /**
   * Parses the text form: {@code "RECEIVABLE:ACC-1"}, {@code "WRITE_OFF_EXPENSE"}.
   *
   * @param text the text, not null
   * @return the account, never null
   * @throws ValidationException if the kind is unknown or the key breaks its kind's rule
   */
  public static LedgerAccount parse(CharSequence text) {
    String s = Objects.requireNonNull(text, "text").toString();
    int colon = s.indexOf(':');
    String kind = colon < 0 ? s : s.substring(0, colon);
    for (AccountKind k : AccountKind.values()) {
      if (k.name().equals(kind)) {
        return LedgerAccount.of(k, colon < 0 ? "" : s.substring(colon + 1));
      }
    }
    throw new ValidationException("account", s, "must be <kind> or <kind>:<key> with a known kind");
  }

  /**
   * The customer account id, for a customer kind.
   *
   * @return the id for {@code RECEIVABLE} and {@code UNAPPLIED_CASH} accounts, otherwise empty
   */
  public Optional<String> accountId() {
    return kind().isCustomerAccount() ? Optional.of(key()) : Optional.empty();
  }

  @Value.Check
  void check() {
    if (!kind().isKeyed()) {
      if (!key().isEmpty()) {
        throw new ValidationException("key", key(), "must be empty for a " + kind() + " account");
      }
      return;
    }
    Names.name(key(), "key");
    if (kind() == AccountKind.REVENUE && !isLineKind(key())) {
      throw new ValidationException("key", key(), "must be a line kind other than TAX for a REVENUE account");
    }
    if (kind() == AccountKind.CASH && !isPaymentMethod(key())) {
      throw new ValidationException("key", key(), "must be a payment method for a CASH account");
    }
  }

  private static boolean isLineKind(String key) {
    for (LineKind k : LineKind.values()) {
      if (k != LineKind.TAX && k.name().equals(key)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPaymentMethod(String key) {
    for (PaymentMethod m : PaymentMethod.values()) {
      if (m.name().equals(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text form, {@code "RECEIVABLE:ACC-1"} or {@code "WRITE_OFF_EXPENSE"}.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    return key().isEmpty() ? kind().name() : kind().name() + ":" + key();
  }
}
