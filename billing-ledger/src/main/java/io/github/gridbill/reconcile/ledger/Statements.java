package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.reconcile.statement.BalanceType;
import io.github.gridbill.reconcile.statement.BankStatement;
import io.github.gridbill.reconcile.statement.StatementBalance;
import io.github.gridbill.reconcile.statement.StatementLine;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.joda.money.CurrencyUnit;

/** The dates and currency of a bank statement, as reconciliation uses them. Stateless. */
final class Statements {
  private Statements() {}

  /**
   * The statement date: the closing booked balance's date, else the end of the period, else the BAI2 as-of date,
   * else the latest booking or value date of a line, else the creation date.
   */
  static LocalDate statementDate(BankStatement s) {
    Optional<LocalDate> d = balanceDate(s, BalanceType.CLOSING_BOOKED)
        .or(() -> s.toDateTime().map(OffsetDateTime::toLocalDate)).or(s::asOfDate);
    if (d.isPresent()) {
      return d.get();
    }
    LocalDate latest = null;
    for (StatementLine l : s.lines()) {
      Optional<LocalDate> ld = l.bookingDate().or(l::valueDate);
      if (ld.isPresent() && (latest == null || ld.get().isAfter(latest))) {
        latest = ld.get();
      }
    }
    if (latest != null) {
      return latest;
    }
    return s.createdAt().map(OffsetDateTime::toLocalDate).orElseThrow(() -> new ValidationException(
        "statement.closingBalance.date", s.id(), "must be present, or a period end, as-of, line or creation date"));
  }

  /**
   * The first day the statement covers: the start of the period, else the opening booked balance's date, else the
   * day after the previous closing balance's date, else the BAI2 as-of date, else the earliest booking date, else the
   * statement date.
   */
  static LocalDate periodStart(BankStatement s) {
    Optional<LocalDate> d = s.fromDateTime().map(OffsetDateTime::toLocalDate)
        .or(() -> balanceDate(s, BalanceType.OPENING_BOOKED))
        .or(() -> balanceDate(s, BalanceType.PREVIOUSLY_CLOSED_BOOKED).map(x -> x.plusDays(1))).or(s::asOfDate);
    LocalDate end = statementDate(s);
    if (d.isPresent()) {
      return d.get().isAfter(end) ? end : d.get();
    }
    LocalDate earliest = end;
    for (StatementLine l : s.lines()) {
      Optional<LocalDate> ld = l.bookingDate().or(l::valueDate);
      if (ld.isPresent() && ld.get().isBefore(earliest)) {
        earliest = ld.get();
      }
    }
    return earliest;
  }

  /** The account currency: stated, else the closing balance's, else the first line's. */
  static CurrencyUnit currency(BankStatement s) {
    if (s.currency().isPresent()) {
      return s.currency().get();
    }
    if (s.closingBalance().isPresent()) {
      return s.closingBalance().get().getCurrencyUnit();
    }
    if (!s.lines().isEmpty()) {
      return s.lines().get(0).amount().getCurrencyUnit();
    }
    throw new ValidationException("statement.currency", s.id(), "must be stated, or a balance or line given");
  }

  private static Optional<LocalDate> balanceDate(BankStatement s, BalanceType type) {
    for (StatementBalance b : s.balances()) {
      if (b.type() == type) {
        return b.date();
      }
    }
    return Optional.empty();
  }

  /** Whether a line counts in the booked balance: booked status (or none stated). */
  static boolean booked(StatementLine l) {
    return l.status().isEmpty() || l.status().get().equals("BOOK");
  }
}
