package io.github.gridbill.reconcile.statement;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import io.github.gridbill.core.ValidationException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * One account's statement as read from a bank file: the account, its balances, summaries and lines.
 *
 * <p>A camt.053 {@code Stmt} is one statement; a BAI2 file has one statement per account record (03) of each group;
 * a CSV file has one statement per account. Example: {@code id "253EURNL26VAYB8060476890", account
 * "NL26VAYB8060476890", EUR, opening EUR 18.15, closing EUR 27.00, 1 line}. Line ids are unique within the statement.
 * Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class BankStatementDef {

  /**
   * The file format.
   *
   * @return the format
   */
  public abstract StatementFormat format();

  /**
   * The statement id: camt {@code Stmt/Id}; for BAI2 {@code "<sender>/<created yyMMdd>/<file id>/<group>/<account
   * record>"}; for CSV the mapping's statement id or {@code "<source>/<account>"}.
   *
   * @return the id, not blank
   */
  public abstract String id();

  /**
   * The message (file) id: camt {@code GrpHdr/MsgId}, BAI2 {@code "<sender>/<created yyMMdd>/<file id>"}.
   *
   * @return the id, or empty
   */
  public abstract Optional<String> messageId();

  /**
   * The account: an IBAN, another account id, or the BAI2 customer account number (leading zeros kept).
   *
   * @return the account, not blank
   */
  public abstract String accountId();

  /**
   * The account currency, when the file states it (BAI2 always does, defaulting to USD).
   *
   * @return the currency, or empty
   */
  public abstract Optional<CurrencyUnit> currency();

  /**
   * When the statement was created (camt {@code Stmt/CreDtTm}).
   *
   * @return the creation time, or empty
   */
  public abstract Optional<OffsetDateTime> createdAt();

  /**
   * The start of the period the statement covers (camt {@code FrToDt/FrDtTm}).
   *
   * @return the start, or empty
   */
  public abstract Optional<OffsetDateTime> fromDateTime();

  /**
   * The end of the period the statement covers (camt {@code FrToDt/ToDtTm}).
   *
   * @return the end, or empty
   */
  public abstract Optional<OffsetDateTime> toDateTime();

  /**
   * The as-of date of a BAI2 group.
   *
   * @return the date, or empty
   */
  public abstract Optional<LocalDate> asOfDate();

  /**
   * The electronic sequence number (camt {@code ElctrncSeqNb}).
   *
   * @return the number as written, or empty
   */
  public abstract Optional<String> electronicSequenceNumber();

  /**
   * The legal sequence number (camt {@code LglSeqNb}).
   *
   * @return the number as written, or empty
   */
  public abstract Optional<String> legalSequenceNumber();

  /**
   * The balances, in file order.
   *
   * @return the balances
   */
  public abstract List<StatementBalance> balances();

  /**
   * The summary amounts (BAI2 03 summary type codes), in file order.
   *
   * @return the summaries
   */
  public abstract List<StatementSummary> summaries();

  /**
   * The transactions, in file order.
   *
   * @return the lines
   */
  public abstract List<StatementLine> lines();

  /**
   * Further information (camt {@code AddtlStmtInf}; the text of BAI2 890 non-monetary records, one per line).
   *
   * @return the text, or empty
   */
  public abstract Optional<String> additionalInfo();

  /**
   * The opening booked balance: {@code OPBD}, else {@code PRCD}, else BAI2 {@code 010}.
   *
   * @return the balance, or empty
   */
  public Optional<Money> openingBalance() {
    Optional<Money> b = balance(BalanceType.OPENING_BOOKED);
    return b.isPresent() ? b : balance(BalanceType.PREVIOUSLY_CLOSED_BOOKED);
  }

  /**
   * The closing booked balance: {@code CLBD}, BAI2 {@code 015}.
   *
   * @return the balance, or empty
   */
  public Optional<Money> closingBalance() {
    return balance(BalanceType.CLOSING_BOOKED);
  }

  /**
   * The first balance of a type.
   *
   * <p>{@code balance(CLOSING_AVAILABLE)} is the {@code CLAV} amount when present.
   *
   * @param type the type, not null
   * @return the signed amount, or empty
   */
  public Optional<Money> balance(BalanceType type) {
    for (StatementBalance b : balances()) {
      if (b.type() == type) {
        return Optional.of(b.amount());
      }
    }
    return Optional.empty();
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notBlank(accountId(), "accountId");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < lines().size(); i++) {
      if (!ids.add(lines().get(i).id())) {
        throw new ValidationException("lines[" + i + "].id", lines().get(i).id(), "must be unique in the statement");
      }
    }
  }
}
