package io.github.gridbill.reconcile.cash;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.reconcile.statement.BankStatement;
import io.github.gridbill.reconcile.statement.CreditDebit;
import io.github.gridbill.reconcile.statement.StatementLine;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Payments from bank statements: every booked, non-reversal credit line becomes a {@link Payment}.
 *
 * <pre>{@code
 * List<Payment> payments = StatementPayments.incoming(statements, line -> directory.customerOf(line));
 * }</pre>
 *
 * <p>The payment's id is the line's id (so its idempotency key is the bank line's); its value date is the line's
 * value date, else its booking date, else the statement's as-of, end or creation date. Its references are the
 * end-to-end id (unless {@code NOTPROVIDED}) and the line's structured references; its free text is the remittance
 * text lines joined with a space. Lines that are debits, reversals, or not booked (a status other than {@code BOOK})
 * are left out. Stateless and thread-safe.
 */
public final class StatementPayments {
  private StatementPayments() {}

  /**
   * The incoming payments of statements, payers unknown (the engine finds them from the references).
   *
   * @param statements the statements, not null
   * @return the payments in statement and line order, never null
   * @throws ValidationException if a line has no date at all to use as value date
   */
  public static List<Payment> incoming(List<BankStatement> statements) {
    return incoming(statements, line -> Optional.empty());
  }

  /**
   * The incoming payments of statements, with a payer look-up (for example from the counterparty's IBAN to a customer
   * account).
   *
   * @param statements the statements, not null
   * @param payer gives the payer's account id for a line, or empty; not null
   * @return the payments in statement and line order, never null
   * @throws ValidationException if a line has no date at all to use as value date
   */
  public static List<Payment> incoming(List<BankStatement> statements,
      Function<StatementLine, Optional<String>> payer) {
    Objects.requireNonNull(statements, "statements");
    Objects.requireNonNull(payer, "payer");
    List<Payment> out = new ArrayList<>();
    for (BankStatement s : statements) {
      for (StatementLine l : s.lines()) {
        if (l.direction() != CreditDebit.CREDIT || l.reversal()
            || (l.status().isPresent() && !l.status().get().equals("BOOK"))) {
          continue;
        }
        Optional<LocalDate> date = l.valueDate().or(l::bookingDate).or(s::asOfDate)
            .or(() -> s.toDateTime().map(OffsetDateTime::toLocalDate))
            .or(() -> s.createdAt().map(OffsetDateTime::toLocalDate));
        if (date.isEmpty()) {
          throw new ValidationException("lines[" + l.id() + "].valueDate", null,
              "must be present (or a booking or statement date) to make a payment");
        }
        Payment.Builder p = Payment.builder().id(l.id()).amount(l.amount()).valueDate(date.get())
            .payerAccountId(Objects.requireNonNull(payer.apply(l), "payer result"));
        if (l.endToEndId().isPresent() && !l.endToEndId().get().equals("NOTPROVIDED")) {
          p.addReference(l.endToEndId().get());
        }
        p.addAllReferences(l.references());
        if (!l.remittanceText().isEmpty()) {
          p.freeText(String.join(" ", l.remittanceText()));
        }
        out.add(p.build());
      }
    }
    return out;
  }
}
