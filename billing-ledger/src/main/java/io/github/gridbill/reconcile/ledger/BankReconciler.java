package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.core.ConflictException;
import io.github.gridbill.core.CurrencyMismatchException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.ledger.JournalEntry;
import io.github.gridbill.ledger.JournalLine;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.LedgerAccount;
import io.github.gridbill.ledger.LedgerAttributes;
import io.github.gridbill.ledger.PaymentMethod;
import io.github.gridbill.reconcile.cash.Payment;
import io.github.gridbill.reconcile.cash.StatementPayments;
import io.github.gridbill.reconcile.statement.BankStatement;
import io.github.gridbill.reconcile.statement.StatementLine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Bank account to statement: a ledger cash account ({@code CASH:<method>}) in the statement's currency against a
 * camt.053, BAI2 or CSV statement's booked balances, line by line, each difference with the entry and line involved.
 *
 * <pre>{@code
 * BankReconciliationReport r = BankReconciler.of(ledger, PaymentMethod.EFT).reconcile(statement);
 * r.statementClosing(); r.ledgerClosing(); r.differences(); r.toCsv();
 * }</pre>
 *
 * <p><b>Balances.</b> The statement's closing booked balance ({@code CLBD}, BAI2 {@code 015}) is compared with the
 * ledger's balance at the end of the statement date (the closing balance's date, else the period end, else the
 * BAI2 as-of date); the opening booked balance ({@code OPBD}, {@code PRCD}, BAI2 {@code 010}) with the ledger's at
 * the end of the day before the period (the period start, else the opening balance's date). Without an opening
 * balance, the opening the closing balance and the lines imply is compared.
 *
 * <p><b>Lines.</b> Each booked line (status {@code BOOK}, or none stated) is looked for in the ledger: first by the
 * key {@link LedgerCashApplication} records it under (for an incoming line), then among the ledger's entries on the
 * cash account in the period by reference: an entry whose payment id is the line id, or whose external reference is
 * the line's bank reference or end-to-end id (a refund paid, a payment recorded by another import), preferring one
 * with the same amount. A line found in the period with the same amount is matched; otherwise it is a difference:
 * {@link DifferenceKind#NOT_IN_LEDGER}, {@link DifferenceKind#AMOUNT_MISMATCH}, or, found outside the period (the
 * ledger dates a payment on its value date, the bank books it on its booking date),
 * {@link DifferenceKind#POSTED_BEFORE_PERIOD} or {@link DifferenceKind#POSTED_AFTER_STATEMENT}. Entries of the
 * period left over are {@link DifferenceKind#NOT_ON_STATEMENT}, except an entry and its reversal, which cancel out.
 * The opening difference ({@link DifferenceKind#OPENING_BALANCE}) and the statement's own arithmetic
 * ({@link DifferenceKind#STATEMENT_TOTALS}) complete the list, so the differences always add up to the closing
 * difference. One ledger cash account should stand for one bank account and currency. Instances are immutable and
 * thread-safe; each {@code reconcile} reads the ledger's current state.
 */
public final class BankReconciler {
  private final Ledger ledger;
  private final PaymentMethod method;

  private BankReconciler(Ledger ledger, PaymentMethod method) {
    this.ledger = ledger;
    this.method = method;
  }

  /**
   * A reconciler of the ledger cash account of a payment method.
   *
   * <p>{@code BankReconciler.of(ledger, PaymentMethod.EFT)} compares {@code CASH:EFT}.
   *
   * @param ledger the ledger, not null
   * @param method the method whose cash account stands for the bank account, not null
   * @return the reconciler, never null
   */
  public static BankReconciler of(Ledger ledger, PaymentMethod method) {
    return new BankReconciler(Objects.requireNonNull(ledger, "ledger"), Objects.requireNonNull(method, "method"));
  }

  /**
   * The ledger cash account compared.
   *
   * <p>{@code BankReconciler.of(ledger, PaymentMethod.WIRE).cashAccount()} is {@code CASH:WIRE}.
   *
   * @return {@code CASH:<method>}, never null
   */
  public LedgerAccount cashAccount() {
    return LedgerAccount.cash(method);
  }

  /**
   * Reconciles the cash account with a statement. Nothing is posted.
   *
   * <p>Statement {@code S1} (EUR, 2024-04-01 to 2024-04-03, opening 0.00, closing 265.00: three payments of 270.00
   * imported with {@link LedgerCashApplication}, and a bank charge of 5.00): {@code ledgerOpening 0.00,
   * ledgerClosing 270.00, lineCount 4, matchedCount 3}, one difference {@code NOT_IN_LEDGER} of EUR -5.00 (the
   * charge), {@code difference() EUR -5.00}.
   *
   * <p>The ledger is read with several queries; if entries are posted meanwhile, it is read again (up to three
   * times), so the report is of one state of the ledger.
   *
   * @param statement the statement, not null
   * @return the report, never null
   * @throws ValidationException if the statement has no closing booked balance, or no date to take it as of
   * @throws CurrencyMismatchException if a balance or booked line is in another currency than the statement's account
   * @throws ConflictException if entries were posted while each of three readings of the ledger ran
   */
  public BankReconciliationReport reconcile(BankStatement statement) {
    Objects.requireNonNull(statement, "statement");
    BankStatement s = statement;
    CurrencyUnit cur = Statements.currency(s);
    Money closing = s.closingBalance().orElseThrow(() -> new ValidationException("statement.closingBalance", s.id(),
        "must be present (camt CLBD, BAI2 015)"));
    requireCurrency("statement.closingBalance", closing, cur);
    Optional<Money> opening = s.openingBalance();
    if (opening.isPresent()) {
      requireCurrency("statement.openingBalance", opening.get(), cur);
    }
    List<StatementLine> lines = new ArrayList<>();
    for (StatementLine l : s.lines()) {
      if (Statements.booked(l)) {
        requireCurrency("lines[" + l.id() + "].amount", l.amount(), cur);
        lines.add(l);
      }
    }
    LocalDate end = Statements.statementDate(s);
    LocalDate start = Statements.periodStart(s);
    for (int attempt = 1; ; attempt++) {
      long before = ledger.lastSequence();
      BankReconciliationReport r;
      try {
        r = read(s, cur, opening, closing, lines, start, end);
      } catch (ValidationException e) {
        if (ledger.lastSequence() == before) {
          throw e;
        }
        r = null; // read across a posting: the figures did not add up; read again
      }
      long after = ledger.lastSequence();
      if (r != null && after == before) {
        return r;
      }
      if (attempt == ReceivablesReconciler.ATTEMPTS) {
        throw new ConflictException("ledger.lastSequence", after, "must not change while the ledger is reconciled "
            + "(entries were posted during each of " + ReceivablesReconciler.ATTEMPTS + " readings)");
      }
    }
  }

  private BankReconciliationReport read(BankStatement s, CurrencyUnit cur, Optional<Money> opening, Money closing,
      List<StatementLine> lines, LocalDate start, LocalDate end) {
    LedgerAccount cash = cashAccount();
    Money ledgerOpening = ledger.balance(cash, cur, start.minusDays(1));
    Money ledgerClosing = ledger.balance(cash, cur, end);

    // the period's entries on the cash account in this currency, with their net effect on it
    Map<Long, JournalEntry> open = new LinkedHashMap<>();
    Map<Long, Long> net = new HashMap<>();
    Map<String, List<Long>> byReference = new HashMap<>();
    for (JournalEntry e : ledger.entries(cash, start, end.plusDays(1))) {
      Long n = netOf(e, cash, cur);
      if (n == null) {
        continue;
      }
      open.put(e.sequence(), e);
      net.put(e.sequence(), n);
      for (String name : new String[] {LedgerAttributes.PAYMENT_ID, LedgerAttributes.EXTERNAL_REFERENCE}) {
        e.attribute(name).ifPresent(v -> byReference.computeIfAbsent(v, k -> new ArrayList<>()).add(e.sequence()));
      }
    }

    // pass 1: the keys the cash application records incoming lines under
    Map<String, Payment> payments = new HashMap<>();
    for (Payment p : StatementPayments.incoming(List.of(s))) {
      payments.put(p.id(), p);
    }
    Map<Integer, JournalEntry> found = new HashMap<>();
    Map<Long, Boolean> claimed = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Payment p = payments.get(lines.get(i).id());
      if (p != null) {
        Optional<JournalEntry> rec = ledger.entry(LedgerCashApplication.recordKey(p));
        if (rec.isPresent() && netOf(rec.get(), cash, cur) != null) {
          found.put(i, rec.get());
          if (open.containsKey(rec.get().sequence())) {
            claimed.put(rec.get().sequence(), true);
          }
        }
      }
    }
    // pass 2: references, among the period's entries not yet claimed
    for (int i = 0; i < lines.size(); i++) {
      if (found.containsKey(i)) {
        continue;
      }
      StatementLine l = lines.get(i);
      long signed = l.signedAmount().getAmountMinorLong();
      Long best = null;
      for (String ref : references(l)) {
        for (long seq : byReference.getOrDefault(ref, List.of())) {
          if (claimed.containsKey(seq)) {
            continue;
          }
          if (best == null || (net.getOrDefault(seq, 0L) == signed && net.getOrDefault(best, 0L) != signed)) {
            best = seq;
          }
        }
      }
      if (best != null) {
        claimed.put(best, true);
        found.put(i, Objects.requireNonNull(open.get(best)));
      }
    }

    List<LedgerDifference> lineDifferences = new ArrayList<>();
    int matched = 0;
    long linesTotal = 0;
    for (int i = 0; i < lines.size(); i++) {
      StatementLine l = lines.get(i);
      Money signed = l.signedAmount();
      linesTotal += signed.getAmountMinorLong();
      JournalEntry e = found.get(i);
      Money zero = Money.zero(cur);
      if (e == null) {
        lineDifferences.add(LedgerDifference.builder().kind(DifferenceKind.NOT_IN_LEDGER).subject(l.id())
            .account(cash).expected(signed).ledger(zero).statementLine(l)
            .detail(l.direction() + " " + l.amount() + " booked " + l.bookingDate().map(Object::toString)
                .orElse("(no date)") + " has no entry on " + cash + describe(l)).build());
      } else if (open.containsKey(e.sequence())) {
        Money inLedger = Money.ofMinor(cur, Objects.requireNonNull(net.get(e.sequence())));
        if (inLedger.isEqual(signed)) {
          matched++;
        } else {
          lineDifferences.add(LedgerDifference.builder().kind(DifferenceKind.AMOUNT_MISMATCH).subject(l.id())
              .account(cash).expected(signed).ledger(inLedger).addEntry(e).statementLine(l)
              .detail("the bank booked " + signed + ", entry #" + e.sequence() + " records " + inLedger).build());
        }
      } else {
        boolean before = e.effectiveDate().isBefore(start);
        lineDifferences.add(LedgerDifference.builder()
            .kind(before ? DifferenceKind.POSTED_BEFORE_PERIOD : DifferenceKind.POSTED_AFTER_STATEMENT)
            .subject(l.id()).account(cash).expected(signed).ledger(zero).addEntry(e).statementLine(l)
            .detail("the bank booked " + signed + " on " + l.bookingDate().map(Object::toString).orElse("(no date)")
                + ", entry #" + e.sequence() + " records it on " + e.effectiveDate() + ", "
                + (before ? "before the period starting " + start : "after the statement date " + end)).build());
      }
    }
    // entries of the period without a line; an entry and its reversal cancel out
    List<Long> left = new ArrayList<>();
    for (long seq : open.keySet()) {
      if (!claimed.containsKey(seq)) {
        left.add(seq);
      }
    }
    for (long seq : new ArrayList<>(left)) {
      Optional<Long> reversed = Objects.requireNonNull(open.get(seq)).reverses();
      if (reversed.isPresent() && left.contains(reversed.get()) && left.contains(seq)) {
        left.remove(reversed.get());
        left.remove(Long.valueOf(seq));
      }
    }
    List<LedgerDifference> entryDifferences = new ArrayList<>();
    for (long seq : left) {
      JournalEntry e = Objects.requireNonNull(open.get(seq));
      Money inLedger = Money.ofMinor(cur, Objects.requireNonNull(net.get(seq)));
      entryDifferences.add(LedgerDifference.builder().kind(DifferenceKind.NOT_ON_STATEMENT).subject("#" + seq)
          .account(cash).expected(Money.zero(cur)).ledger(inLedger).addEntry(e)
          .detail(e.type() + " entry #" + seq + " (" + e.key() + ") of " + e.effectiveDate() + " records " + inLedger
              + " on " + cash + "; the statement has no line for it"
              + e.attribute(LedgerAttributes.EXTERNAL_REFERENCE).map(r -> " (reference " + r + ")").orElse(""))
          .build());
    }

    List<LedgerDifference> differences = new ArrayList<>();
    Money lines0 = Money.ofMinor(cur, linesTotal);
    Money impliedOpening = opening.orElse(closing.minus(lines0));
    if (!impliedOpening.isEqual(ledgerOpening)) {
      differences.add(LedgerDifference.builder().kind(DifferenceKind.OPENING_BALANCE).subject(s.id()).account(cash)
          .expected(impliedOpening).ledger(ledgerOpening)
          .detail((opening.isPresent() ? "the statement opens with " : "the closing balance less the lines implies "
              + "an opening of ") + impliedOpening + "; " + cash + " has " + ledgerOpening + " at the end of "
              + start.minusDays(1) + " (reconcile the statements before " + start + ")").build());
    }
    differences.addAll(lineDifferences);
    differences.addAll(entryDifferences);
    if (opening.isPresent() && !closing.isEqual(opening.get().plus(lines0))) {
      differences.add(LedgerDifference.builder().kind(DifferenceKind.STATEMENT_TOTALS).subject(s.id())
          .expected(closing).ledger(opening.get().plus(lines0))
          .detail("the statement closes with " + closing + ", but its opening " + opening.get() + " plus its "
              + lines.size() + " booked lines " + lines0 + " is " + opening.get().plus(lines0)
              + " (the 'ledger' figure here is the statement's own)").build());
    }
    return BankReconciliationReport.builder().statementId(s.id()).bankAccount(s.accountId()).cashAccount(cash)
        .periodStart(start).statementDate(end).statementOpening(opening).statementClosing(closing)
        .ledgerOpening(ledgerOpening).ledgerClosing(ledgerClosing).lineCount(lines.size()).matchedCount(matched)
        .differences(differences).build();
  }

  /** The net debit of an entry on an account in a currency, or null when it has no line there. */
  private static @Nullable Long netOf(JournalEntry e, LedgerAccount account, CurrencyUnit cur) {
    long n = 0;
    boolean any = false;
    for (JournalLine l : e.lines()) {
      if (l.account().equals(account) && l.amount().getCurrencyUnit().equals(cur)) {
        n += l.signedMinor();
        any = true;
      }
    }
    return any ? n : null;
  }

  private static List<String> references(StatementLine l) {
    List<String> out = new ArrayList<>(3);
    out.add(l.id());
    l.bankReference().filter(r -> !r.isBlank()).ifPresent(out::add);
    l.endToEndId().filter(r -> !r.isBlank() && !r.equals("NOTPROVIDED")).ifPresent(out::add);
    return out;
  }

  private static String describe(StatementLine l) {
    List<String> parts = new ArrayList<>();
    l.bankTransactionCode().ifPresent(c -> parts.add("code " + c));
    l.bankReference().ifPresent(r -> parts.add("reference " + r));
    if (!l.remittanceText().isEmpty()) {
      parts.add("\"" + String.join(" ", l.remittanceText()) + "\"");
    }
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }

  private static void requireCurrency(String field, Money amount, CurrencyUnit cur) {
    if (!amount.getCurrencyUnit().equals(cur)) {
      throw new CurrencyMismatchException(field, cur, amount.getCurrencyUnit(), amount);
    }
  }
}
