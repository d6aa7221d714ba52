package io.github.gridbill.reconcile.statement;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.BigMoney;
import org.joda.money.Money;

/**
 * One transaction on a bank statement: an unsigned amount with its direction, dates, and everything that can tie it
 * to a customer or invoice (end-to-end id, structured references, remittance text, counterparty).
 *
 * <p>A camt.053 entry ({@code Ntry}) with one transaction is one line; a batch booking (one {@code Ntry} with several
 * {@code TxDtls}) is split into one line per transaction, each with its own amount, and they share the
 * {@link #entryNumber()} with {@link #batchSize()} &gt; 1. A BAI2 16 record is one line; a CSV row is one line.
 *
 * <p>Example: {@code id "253EURNL26VAYB8060476890#1", EUR 8.85 CREDIT, booked 2014-12-31, value 2015-01-02,
 * references ["4654654654654654"]}. Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class StatementLineDef {
  /**
   * The most an amount read from a statement may be, in minor units of its currency: 2^52 (USD 45,035,996,273,704.96),
   * the bound of cash application's amounts, so that every line can be matched and summed in longs.
   */
  static final BigDecimal MAX_MINOR = BigDecimal.valueOf(1L << 52);
  /** The readers' reason for an amount past {@link #MAX_MINOR}. */
  static final String TOO_LARGE = "must be at most 4503599627370496 minor units (2^52)";

  /**
   * An id unique within the statement and stable for the same file: {@code "<statement id>#<entry>"} or
   * {@code "<statement id>#<entry>.<transaction>"} for a split batch booking.
   *
   * @return the id, not blank
   */
  public abstract String id();

  /**
   * The booked amount of this transaction, never negative; see {@link #direction()}.
   *
   * @return the amount
   */
  public abstract Money amount();

  /**
   * Money in (credit) or out (debit).
   *
   * @return the direction
   */
  public abstract CreditDebit direction();

  /**
   * The booking date.
   *
   * @return the date, or empty
   */
  public abstract Optional<LocalDate> bookingDate();

  /**
   * The value date: when the funds are available (for BAI2: the funds-type {@code V} date, never before the as-of
   * date).
   *
   * @return the date, or empty
   */
  public abstract Optional<LocalDate> valueDate();

  /**
   * The entry status as written: camt {@code BOOK}, {@code PDNG} or {@code INFO}.
   *
   * @return the status, or empty when the format has none
   */
  public abstract Optional<String> status();

  /**
   * Whether the bank marks this entry as a reversal of an earlier one (camt {@code RvslInd}).
   *
   * @return true for a reversal
   */
  @Value.Default
  public boolean reversal() {
    return false;
  }

  /**
   * The bank transaction code: camt domain/family/sub-family ({@code "PMNT/RCDT/DMCT"}) or proprietary code
   * ({@code "544"}); the BAI2 type code ({@code "108"}).
   *
   * @return the code, or empty
   */
  public abstract Optional<String> bankTransactionCode();

  /**
   * The bank's own reference: camt {@code AcctSvcrRef}, BAI2 bank reference number, or the CSV id column.
   *
   * @return the reference, or empty
   */
  public abstract Optional<String> bankReference();

  /**
   * The end-to-end id the payer gave (camt {@code Refs/EndToEndId}), as written (may be {@code NOTPROVIDED}).
   *
   * @return the id, or empty
   */
  public abstract Optional<String> endToEndId();

  /**
   * Structured references: camt creditor references ({@code Strd/CdtrRefInf/Ref}) and referred document numbers
   * ({@code Strd/RfrdDocInf/Nb}), the BAI2 customer reference number, the CSV reference columns.
   *
   * @return the references, in file order
   */
  public abstract List<String> references();

  /**
   * Unstructured remittance text: camt {@code Ustrd} lines and {@code AddtlRmtInf}, the BAI2 text (continuations
   * joined with a space), the CSV description columns.
   *
   * @return the text lines, in file order
   */
  public abstract List<String> remittanceText();

  /**
   * Further information the bank gave ({@code AddtlTxInf}, {@code AddtlNtryInf}).
   *
   * @return the text, or empty
   */
  public abstract Optional<String> additionalInfo();

  /**
   * The other party's name: the debtor for a credit, the creditor for a debit.
   *
   * @return the name, or empty
   */
  public abstract Optional<String> counterpartyName();

  /**
   * The other party's account (IBAN or other id): the debtor's for a credit, the creditor's for a debit.
   *
   * @return the account, or empty
   */
  public abstract Optional<String> counterpartyAccount();

  /**
   * The amount the transaction details state, when the entry has one transaction and states it (it may differ from
   * the booked {@link #amount()}, for example before charges or in the instructed currency, and may carry more
   * decimals: it is kept exact).
   *
   * @return the detail amount as written, or empty
   */
  public abstract Optional<BigMoney> detailAmount();

  /**
   * The position of the bank entry this line belongs to in its statement, 1-based.
   *
   * @return the entry number, at least 1
   */
  @Value.Default
  public int entryNumber() {
    return 1;
  }

  /**
   * How many lines the entry was split into: 1, or the number of transactions of a batch booking.
   *
   * @return the batch size, at least 1
   */
  @Value.Default
  public int batchSize() {
    return 1;
  }

  /**
   * Where the line is in its file: {@code "line 14"} or {@code "line 57, Stmt[1]/Ntry[2]/NtryDtls[1]/TxDtls[3]"}.
   *
   * @return the location, not blank
   */
  public abstract String location();

  /**
   * The signed amount, credits positive.
   *
   * @return the signed amount, never null
   */
  public Money signedAmount() {
    return direction().signed(amount());
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notBlank(location(), "location");
    if (amount().isNegative()) {
      throw new ValidationException("amount", amount(), "must not be negative");
    }
    if (entryNumber() < 1) {
      throw new ValidationException("entryNumber", entryNumber(), "must be at least 1");
    }
    if (batchSize() < 1) {
      throw new ValidationException("batchSize", batchSize(), "must be at least 1");
    }
  }
}
