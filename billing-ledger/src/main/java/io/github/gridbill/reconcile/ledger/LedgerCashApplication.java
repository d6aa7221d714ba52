package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.core.BusinessRuleException;
import io.github.gridbill.core.ConflictException;
import io.github.gridbill.core.CurrencyMismatchException;
import io.github.gridbill.core.NotFoundException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.money.Monies;
import io.github.gridbill.ledger.AccountKind;
import io.github.gridbill.ledger.Allocation;
import io.github.gridbill.ledger.EntryType;
import io.github.gridbill.ledger.JournalEntry;
import io.github.gridbill.ledger.JournalLine;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.ledger.LedgerAccount;
import io.github.gridbill.ledger.LedgerAttributes;
import io.github.gridbill.ledger.PaymentApplication;
import io.github.gridbill.ledger.PostingResult;
import io.github.gridbill.reconcile.cash.Application;
import io.github.gridbill.reconcile.cash.ApplicationInstruction;
import io.github.gridbill.reconcile.cash.CashApplicationEngine;
import io.github.gridbill.reconcile.cash.CashApplicationReport;
import io.github.gridbill.reconcile.cash.ExceptionReason;
import io.github.gridbill.reconcile.cash.Payment;
import io.github.gridbill.reconcile.cash.PaymentException;
import io.github.gridbill.reconcile.cash.PaymentMatch;
import io.github.gridbill.reconcile.cash.StatementPayments;
import io.github.gridbill.reconcile.statement.BankStatement;
import io.github.gridbill.reconcile.statement.StatementLine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Cash application through the ledger: bank lines matched against the ledger's open items and posted with the
 * ledger's payment operations, idempotently, so that importing the same statement twice posts nothing new.
 *
 * <pre>{@code
 * LedgerCashApplication cash = LedgerCashApplication.of(ledger, CashPostingConfig.defaults());
 * CashPostingPlan plan = cash.plan(Camt053Reader.create().read(file));   // validated, nothing posted yet
 * plan.exceptions().forEach(l -> System.out.println(l.payment().id() + " " + l.detail()));
 * CashPostingResult done = cash.post(plan);        // done.newPostingCount(), done.replayedPostingCount()
 * cash.identify("STMT-1#4", "ACC-2", LocalDate.parse("2024-04-03"));      // later, for an exception
 * }</pre>
 *
 * <p><b>Per bank line.</b> Every booked incoming line becomes a cash {@link Payment} ({@link StatementPayments}: id =
 * line id, value date, references, remittance text). A line the ledger has not seen is matched by the
 * {@link CashApplicationEngine} against the ledger's open items as of the plan's day ({@link LedgerOpenItems}), then:
 *
 * <ul>
 *   <li>an accepted match is recorded to the payer ({@code recordPayment}: {@code Dr CASH:<method> / Cr
 *       UNAPPLIED_CASH:<payer>}, payment id = line id, external reference = the bank's reference, else the end-to-end
 *       id) and applied open-item to exactly the engine's invoices and amounts ({@code applyPayment}: {@code Dr
 *       UNAPPLIED_CASH:<payer> / Cr RECEIVABLE:<payer>} per invoice); what the match leaves unapplied stays on the
 *       payer's unapplied cash, a credit balance;
 *   <li>an exception is recorded to unidentified cash ({@code Cr UNIDENTIFIED_CASH}) with the bank reference, to be
 *       identified later with {@link #identify}. A match is not accepted, and becomes an exception, when its
 *       confidence is below {@link CashPostingConfig#minimumConfidence()} ({@code LOW_CONFIDENCE}), or when the
 *       ledger cannot post it as one customer's payment: invoices of several accounts, of another account than the
 *       payer given, or no longer open enough ({@code NOT_POSTABLE}). A match not accepted does not give its invoices
 *       back to the lines after it in the same run.
 * </ul>
 *
 * <p><b>Keys.</b> Every posting's idempotency key is derived from the bank line alone: the stem
 * {@link ApplicationInstruction#idempotencyKeyOf(Payment)} (the SHA-256 of line id, currency, amount and value date)
 * with {@code /record}, {@code /apply} or {@code /identify}. A line whose record key is already in the ledger was
 * imported before: it is not matched again, its record is re-submitted (a replay) and its application, if there is
 * one, is left as it is, so a second import of the same statement posts nothing new and reports every posting as
 * replayed. Re-importing it with different content (another method, another bank reference) is a
 * {@link ConflictException}, and so is a new line whose payment id the ledger already has under another key (a
 * bank line changed since it was imported). A line recorded to a customer but never applied (an import interrupted
 * between the two postings, or a payment identified without an application) is matched again, with that customer
 * as payer, and applied.
 *
 * <p><b>Dates.</b> The record is dated on the value date. The application is dated on the value date too, or later
 * when one of its invoices moved later (it was issued, credited or paid after the value date) or was applied to
 * earlier in the same batch on a later day, and never in a closed period: the ledger requires every item's movements
 * in date order.
 *
 * <p><b>Validation, then posting.</b> {@link #plan} validates the whole batch against the ledger before anything is
 * posted: line ids unique, every request well-formed (ids and references 1–200 characters), value dates after the
 * closed period, replays identical to what was posted, applications within what is open now. A
 * {@link io.github.gridbill.core.BillingException} from {@code plan} means nothing was posted. {@link #post} then
 * makes the postings line by line (record, then application) inside one {@link Ledger#batch}: each posting is atomic
 * and durable when {@code post} returns. If a posting fails midway (a concurrent poster moved an invoice, the
 * journal failed), the postings before it stay and the exception propagates; planning and posting the same
 * statement again completes the rest and replays what was done. Instances are immutable and thread-safe; postings
 * go through the ledger's own locking.
 */
public final class LedgerCashApplication {
  static final String RECORD = "/record";
  static final String APPLY = "/apply";
  static final String IDENTIFY = "/identify";
  private static final Pattern DERIVED_KEY = Pattern.compile("(cashapp-v1-[0-9a-f]{32})/(record|identify|apply)");
  /** The day after the last day the ledger accepts: an exclusive end for "all later entries". */
  private static final LocalDate END = LocalDate.of(10000, 1, 1);

  private final Ledger ledger;
  private final CashPostingConfig config;
  private final Function<StatementLine, Optional<String>> payerLookup;
  private final CashApplicationEngine engine;

  private LedgerCashApplication(Ledger ledger, CashPostingConfig config,
      Function<StatementLine, Optional<String>> payerLookup) {
    this.ledger = ledger;
    this.config = config;
    this.payerLookup = payerLookup;
    this.engine = CashApplicationEngine.of(config.engine());
  }

  /**
   * Cash application through a ledger with the default configuration ({@link CashPostingConfig#defaults()}).
   *
   * @param ledger the ledger, not null
   * @return the cash application, never null
   */
  public static LedgerCashApplication of(Ledger ledger) {
    return of(ledger, CashPostingConfig.defaults());
  }

  /**
   * Cash application through a ledger.
   *
   * @param ledger the ledger, not null
   * @param config the rules, cash account and minimum confidence, not null
   * @return the cash application, never null
   */
  public static LedgerCashApplication of(Ledger ledger, CashPostingConfig config) {
    return new LedgerCashApplication(Objects.requireNonNull(ledger, "ledger"), Objects.requireNonNull(config,
        "config"), line -> Optional.empty());
  }

  /**
   * A copy that finds the payer of a statement line before matching, for example from the counterparty's IBAN. This
   * instance is immutable and unaffected by this method.
   *
   * <p>{@code cash.withPayerLookup(line -> line.counterpartyAccount().map(directory::customerOfIban))}.
   *
   * @param payerLookup gives the customer account id of a line, or empty; not null
   * @return the copy, never null
   */
  public LedgerCashApplication withPayerLookup(Function<StatementLine, Optional<String>> payerLookup) {
    return new LedgerCashApplication(ledger, config, Objects.requireNonNull(payerLookup, "payerLookup"));
  }

  /**
   * The ledger posted to.
   *
   * @return the ledger, never null
   */
  public Ledger ledger() {
    return ledger;
  }

  /**
   * The configuration.
   *
   * @return the configuration, never null
   */
  public CashPostingConfig config() {
    return config;
  }

  /**
   * The key a bank line is recorded under: {@code idempotencyKeyOf(payment) + "/record"}.
   *
   * <p>For line {@code STMT-1#3}, USD 150.00, value date 2024-03-05: {@code "cashapp-v1-<32 hex>/record"}, the same
   * on every import of that line.
   *
   * @param payment the bank line as a payment, not null
   * @return the key, never null
   */
  public static String recordKey(Payment payment) {
    return ApplicationInstruction.idempotencyKeyOf(payment) + RECORD;
  }

  /**
   * The key a bank line's application is posted under: {@code idempotencyKeyOf(payment) + "/apply"}.
   *
   * @param payment the bank line as a payment, not null
   * @return the key, never null
   */
  public static String applyKey(Payment payment) {
    return ApplicationInstruction.idempotencyKeyOf(payment) + APPLY;
  }

  /**
   * The key a bank line's later identification is posted under: {@code idempotencyKeyOf(payment) + "/identify"}.
   *
   * @param payment the bank line as a payment, not null
   * @return the key, never null
   */
  public static String identifyKey(Payment payment) {
    return ApplicationInstruction.idempotencyKeyOf(payment) + IDENTIFY;
  }

  // ------------------------------------------------------------------------------------------------ import

  /**
   * Plans, then posts, the import of bank statements: {@code post(plan(statements))}.
   *
   * @param statements the statements, not null, at least one
   * @return the result, never null
   * @throws ValidationException if the statements are empty, a line id repeats, a line has no date or a request
   *     would be malformed; nothing is posted
   * @throws ConflictException if a line was imported before with different content, or its payment id is in the
   *     ledger under another key; nothing is posted
   * @throws BusinessRuleException if a value date is in a closed period; nothing is posted
   */
  public CashPostingResult importStatements(List<BankStatement> statements) {
    return post(plan(statements));
  }

  /**
   * Plans, then posts, the import of bank statements with the open items as of a day: {@code post(plan(statements,
   * asOf))}.
   *
   * @param statements the statements, not null
   * @param asOf the day to take the open items as of, not null
   * @return the result, never null
   * @throws ValidationException if a line id repeats, a line has no date or a request would be malformed; nothing is
   *     posted
   * @throws ConflictException if a line was imported before with different content, or its payment id is in the
   *     ledger under another key; nothing is posted
   * @throws BusinessRuleException if a value date is in a closed period; nothing is posted
   */
  public CashPostingResult importStatements(List<BankStatement> statements, LocalDate asOf) {
    return post(plan(statements, asOf));
  }

  /**
   * Plans the import of bank statements, taking the open items as of the latest statement date (the closing
   * balance's date, else the period end, else the latest line date).
   *
   * @param statements the statements, not null, at least one
   * @return the plan, never null
   * @throws ValidationException if the statements are empty, a line id repeats, a line or statement has no date, or
   *     a request would be malformed
   * @throws ConflictException if a line was imported before with different content, or its payment id is in the
   *     ledger under another key
   * @throws BusinessRuleException if a value date is in a closed period
   */
  public CashPostingPlan plan(List<BankStatement> statements) {
    Objects.requireNonNull(statements, "statements");
    if (statements.isEmpty()) {
      throw new ValidationException("statements", statements, "must not be empty");
    }
    LocalDate asOf = LocalDate.MIN;
    for (int i = 0; i < statements.size(); i++) {
      LocalDate d = Statements.statementDate(Objects.requireNonNull(statements.get(i), "statements[" + i + "]"));
      asOf = d.isAfter(asOf) ? d : asOf;
    }
    return plan(statements, asOf);
  }

  /**
   * Plans the import of bank statements, taking the open items as of a day: every booked incoming line (see
   * {@link StatementPayments}) is classified against the ledger, new lines are matched, and every posting is
   * validated. Nothing is posted.
   *
   * @param statements the statements, not null
   * @param asOf the day to take the open items as of, not null
   * @return the plan, never null
   * @throws ValidationException if a line id repeats, a line has no date, or a request would be malformed
   * @throws ConflictException if a line was imported before with different content, or its payment id is in the
   *     ledger under another key
   * @throws BusinessRuleException if a value date is in a closed period
   */
  public CashPostingPlan plan(List<BankStatement> statements, LocalDate asOf) {
    Objects.requireNonNull(statements, "statements");
    Objects.requireNonNull(asOf, "asOf");
    List<Payment> payments = StatementPayments.incoming(statements, payerLookup);
    Map<String, StatementLine> lines = new HashMap<>();
    for (BankStatement s : statements) {
      for (StatementLine l : s.lines()) {
        lines.putIfAbsent(l.id(), l);
      }
    }
    return planPayments(payments, lines, asOf);
  }

  /**
   * Plans the import of payments that do not come from a bank statement (a lockbox file, card settlements): as
   * {@link #plan(List, LocalDate)}, with no external reference on the records.
   *
   * @param payments the payments, not null, ids unique
   * @param asOf the day to take the open items as of, not null
   * @return the plan, never null
   * @throws ValidationException if a payment id repeats or a request would be malformed
   * @throws ConflictException if a payment was imported before with different content, or its id is in the ledger
   *     under another key
   * @throws BusinessRuleException if a value date is in a closed period
   */
  public CashPostingPlan planPayments(List<Payment> payments, LocalDate asOf) {
    return planPayments(Objects.requireNonNull(payments, "payments"), Map.of(), Objects.requireNonNull(asOf,
        "asOf"));
  }

  /** How the ledger stands with a line before this import. */
  private enum Kind {
    /** Not recorded: match and record. */
    NEW,
    /** Recorded to a customer with something left and no application under its key: match with that payer. */
    RESUME,
    /** Applied under its key. */
    APPLIED,
    /** Recorded as unidentified and still unidentified. */
    AWAITING,
    /** Recorded to a customer, nothing left to apply, no application under its key. */
    SPENT
  }

  /** One line while planning. */
  private static final class Slot {
    final int index;
    final Payment payment;
    final Optional<StatementLine> line;
    final String base;
    final Optional<String> externalReference;
    Kind kind = Kind.NEW;
    long recordSequence;
    Optional<String> payer = Optional.empty();
    List<Allocation> done = List.of();
    long doneSequence;
    LocalDate earliestApplication;
    io.github.gridbill.ledger.@Nullable Payment record;

    Slot(int index, Payment payment, Optional<StatementLine> line, String base, Optional<String> externalReference) {
      this.index = index;
      this.payment = payment;
      this.line = line;
      this.base = base;
      this.externalReference = externalReference;
      this.earliestApplication = payment.valueDate();
    }
  }

  private CashPostingPlan planPayments(List<Payment> payments, Map<String, StatementLine> lines, LocalDate asOf) {
    Map<String, Integer> ids = new HashMap<>(payments.size() * 2);
    for (int i = 0; i < payments.size(); i++) {
      Payment p = Objects.requireNonNull(payments.get(i), "payments[" + i + "]");
      Integer before = ids.putIfAbsent(p.id(), i);
      if (before != null) {
        throw new ValidationException("payments[" + i + "].id", p.id(), "must be unique (payments[" + before
            + "] has it too)");
      }
    }
    Optional<LocalDate> closed = ledger.closedThrough();
    List<Slot> slots = new ArrayList<>(payments.size());
    List<Payment> toMatch = new ArrayList<>();
    for (int i = 0; i < payments.size(); i++) {
      Payment p = payments.get(i);
      Optional<StatementLine> line = Optional.ofNullable(lines.get(p.id()));
      Slot s = new Slot(i, p, line, ApplicationInstruction.idempotencyKeyOf(p),
          line.flatMap(LedgerCashApplication::externalReference));
      classify(s, closed);
      slots.add(s);
      if (s.kind == Kind.NEW) {
        toMatch.add(p);
      } else if (s.kind == Kind.RESUME) {
        io.github.gridbill.ledger.OpenItem left = ledger.payment(p.id()).orElseThrow();
        toMatch.add(p.withAmount(left.openAmount()).withPayerAccountId(s.payer));
      }
    }
    Map<String, PaymentMatch> matches = new HashMap<>();
    Map<String, PaymentException> exceptions = new HashMap<>();
    if (!toMatch.isEmpty()) {
      CashApplicationReport r = engine.apply(LedgerOpenItems.index(ledger, asOf), toMatch);
      r.matches().forEach(m -> matches.put(m.payment().id(), m));
      r.exceptions().forEach(e -> exceptions.put(e.payment().id(), e));
    }
    Batch batch = new Batch(closed);
    List<PlannedLine> out = new ArrayList<>(slots.size());
    for (Slot s : slots) {
      out.add(plannedLine(s, matches.get(s.payment.id()), exceptions.get(s.payment.id()), batch));
    }
    return CashPostingPlan.builder().asOf(asOf).lines(out).build();
  }

  private void classify(Slot s, Optional<LocalDate> closed) {
    Payment p = s.payment;
    Optional<JournalEntry> rec = ledger.entry(s.base + RECORD);
    if (rec.isEmpty()) {
      Optional<io.github.gridbill.ledger.OpenItem> existing = ledger.payment(p.id());
      if (existing.isPresent()) {
        throw new ConflictException("payments[" + s.index + "].id", p.id(), "must not be in the ledger under "
            + "another key (entry #" + existing.get().openedBy() + " recorded it; did the line change since it was "
            + "imported?)");
      }
      if (closed.isPresent() && !p.valueDate().isAfter(closed.get())) {
        throw new BusinessRuleException("payments[" + s.index + "].valueDate", p.valueDate(),
            "must be after the closed period ending " + closed.get());
      }
      s.record = request(s, Optional.empty());
      return;
    }
    JournalEntry r = rec.get();
    s.recordSequence = r.sequence();
    s.record = request(s, r.attribute(LedgerAttributes.ACCOUNT_ID));
    requireSameRecord(s, r, s.record);
    Optional<JournalEntry> app = ledger.entry(s.base + APPLY);
    io.github.gridbill.ledger.OpenItem item = ledger.payment(p.id()).orElseThrow(() -> new ConflictException(
        "payments[" + s.index + "].id", p.id(), "must be a payment in the ledger (entry #" + r.sequence()
            + " is under its key)"));
    if (app.isPresent()) {
      s.kind = Kind.APPLIED;
      s.payer = app.get().attribute(LedgerAttributes.ACCOUNT_ID);
      s.doneSequence = app.get().sequence();
      List<Allocation> done = new ArrayList<>();
      for (JournalLine l : app.get().lines()) {
        if (l.account().kind() == AccountKind.RECEIVABLE && l.itemRef().isPresent()) {
          done.add(Allocation.of(l.itemRef().get(), l.amount()));
        }
      }
      s.done = done;
    } else if (item.account().kind() == AccountKind.UNIDENTIFIED_CASH) {
      s.kind = Kind.AWAITING;
    } else {
      s.payer = item.accountId();
      if (item.openAmount().isPositive()) {
        s.kind = Kind.RESUME;
        s.earliestApplication = lastMove(item.account(), item.number(), item.issueDate());
      } else {
        s.kind = Kind.SPENT;
      }
    }
  }

  private io.github.gridbill.ledger.Payment request(Slot s, Optional<String> accountId) {
    try {
      return io.github.gridbill.ledger.Payment.builder().paymentId(s.payment.id()).accountId(accountId)
          .amount(s.payment.amount()).method(config.method()).receivedOn(s.payment.valueDate())
          .externalReference(s.externalReference).build();
    } catch (ValidationException e) {
      throw new ValidationException("payments[" + s.index + "]." + e.field(), e.value(), e.reason(), e);
    }
  }

  /** The record posted before must be what this import would post: same method, reference, amount, date. */
  private static void requireSameRecord(Slot s, JournalEntry r, io.github.gridbill.ledger.Payment want) {
    String was = null;
    if (r.type() != EntryType.PAYMENT) {
      was = "a " + r.type() + " entry";
    } else if (!r.attribute(LedgerAttributes.METHOD).equals(Optional.of(want.method().name()))) {
      was = "method " + r.attribute(LedgerAttributes.METHOD).orElse("") + ", now " + want.method();
    } else if (!r.attribute(LedgerAttributes.EXTERNAL_REFERENCE).equals(want.externalReference())) {
      was = "external reference " + r.attribute(LedgerAttributes.EXTERNAL_REFERENCE).orElse("(none)") + ", now "
          + want.externalReference().orElse("(none)");
    } else if (!r.effectiveDate().equals(want.receivedOn())) {
      was = "date " + r.effectiveDate() + ", now " + want.receivedOn();
    } else if (!r.attribute(LedgerAttributes.PAYMENT_ID).equals(Optional.of(want.paymentId()))) {
      was = "payment id " + r.attribute(LedgerAttributes.PAYMENT_ID).orElse("") + ", now " + want.paymentId();
    } else {
      for (JournalLine l : r.lines()) {
        if (l.account().kind() == AccountKind.CASH && !l.amount().equals(want.amount())) {
          was = "amount " + l.amount() + ", now " + want.amount();
        }
      }
    }
    if (was != null) {
      throw new ConflictException("payments[" + s.index + "]", s.payment.id(), "must be imported with the content "
          + "it was first imported with (entry #" + r.sequence() + ", key " + r.key() + ", has " + was + ")");
    }
  }

  /** The latest day an item moved, not before a given day: entries after that day touching the item. */
  private LocalDate lastMove(LedgerAccount account, String item, LocalDate notBefore) {
    LocalDate last = notBefore;
    if (!notBefore.isBefore(END.minusDays(1))) {
      return last;
    }
    for (JournalEntry e : ledger.entries(account, notBefore.plusDays(1), END)) {
      for (JournalLine l : e.lines()) {
        if (l.account().equals(account) && l.itemRef().equals(Optional.of(item))
            && e.effectiveDate().isAfter(last)) {
          last = e.effectiveDate();
        }
      }
    }
    return last;
  }

  /** What the lines planned so far take: per invoice, the amount and the latest application day. */
  private static final class Batch {
    final Optional<LocalDate> closed;
    final Map<String, Long> taken = new HashMap<>();
    final Map<String, LocalDate> movedOn = new HashMap<>();

    Batch(Optional<LocalDate> closed) {
      this.closed = closed;
    }
  }

  private PlannedLine plannedLine(Slot s, @Nullable PaymentMatch match, @Nullable PaymentException exception,
      Batch batch) {
    Payment p = s.payment;
    PlannedLine.Builder b = PlannedLine.builder().payment(p).statementLine(s.line).baseKey(s.base)
        .record(Objects.requireNonNull(s.record)).previouslyImported(s.kind != Kind.NEW);
    String recorded = "recorded before (entry #" + s.recordSequence + ")";
    switch (s.kind) {
      case APPLIED:
        return b.status(LineStatus.APPLIED).payerAccountId(s.payer).allocations(s.done)
            .detail("imported before: " + recorded + " and applied (entry #" + s.doneSequence + ")").build();
      case AWAITING:
        return b.status(LineStatus.UNIDENTIFIED).detail("imported before: " + recorded + " as unidentified cash, "
            + "waiting to be identified").build();
      case SPENT:
        return b.status(LineStatus.UNAPPLIED).payerAccountId(s.payer).detail("imported before: " + recorded
            + " to " + s.payer.orElse("") + "; nothing of it is left to apply").build();
      default:
        break;
    }
    String prefix = s.kind == Kind.RESUME ? recorded + " to " + s.payer.orElse("") + " and not applied; " : "";
    PaymentException ex = exception;
    if (match != null) {
      Accepted a = accept(s, match, batch);
      if (a.exception == null) {
        LocalDate date = Objects.requireNonNull(a.date);
        String applied = "matched by " + match.rule() + " (confidence " + match.confidence() + "): applies "
            + match.applied() + " to " + invoices(match) + " on " + date
            + (match.unapplied().isPositive() ? "; " + match.unapplied() + " stays unapplied on " + a.payer : "");
        return b.status(LineStatus.APPLIED).payerAccountId(a.payer).record(s.kind == Kind.NEW
                ? Objects.requireNonNull(s.record).withAccountId(a.payer) : Objects.requireNonNull(s.record))
            .application(PaymentApplication.builder().paymentId(p.id()).date(date)
                .mode(io.github.gridbill.ledger.ApplicationMode.OPEN_ITEM).allocations(a.allocations).build())
            .allocations(a.allocations).match(match).detail(prefix + applied).build();
      }
      ex = a.exception;
    }
    PaymentException e = Objects.requireNonNull(ex, "the engine reports every payment");
    if (s.kind == Kind.RESUME) {
      return b.status(LineStatus.UNAPPLIED).payerAccountId(s.payer).exception(e)
          .detail(prefix + e.reason() + ": " + e.detail()).build();
    }
    return b.status(LineStatus.UNIDENTIFIED).exception(e).detail("held as unidentified cash, " + e.reason() + ": "
        + e.detail()).build();
  }

  /** A match accepted for posting (allocations, payer, date), or the exception it became. */
  private static final class Accepted {
    List<Allocation> allocations = List.of();
    String payer = "";
    @Nullable LocalDate date;
    @Nullable PaymentException exception;
  }

  private Accepted accept(Slot s, PaymentMatch m, Batch batch) {
    Accepted out = new Accepted();
    Set<String> accounts = new LinkedHashSet<>();
    for (Application a : m.applications()) {
      accounts.add(a.accountId());
    }
    String account = accounts.iterator().next();
    if (accounts.size() > 1) {
      out.exception = notAccepted(m, ExceptionReason.NOT_POSTABLE, "matched by " + m.rule() + " to invoices of "
          + "several accounts (" + String.join(", ", accounts) + "); the ledger applies a payment to its payer's "
          + "invoices only");
      return out;
    }
    Optional<String> payer = s.kind == Kind.RESUME ? s.payer : m.payerAccountId();
    if (payer.isPresent() && (s.kind == Kind.RESUME ? !payer.get().equals(account)
        : !payer.get().equalsIgnoreCase(account))) {
      out.exception = notAccepted(m, ExceptionReason.NOT_POSTABLE, "matched by " + m.rule() + " to invoices of "
          + account + ", but the payer is " + payer.get() + "; the ledger applies a payment to its payer's "
          + "invoices only");
      return out;
    }
    if (m.confidence() < config.minimumConfidence()) {
      out.exception = notAccepted(m, ExceptionReason.LOW_CONFIDENCE, "matched by " + m.rule() + " to "
          + invoices(m) + " with confidence " + m.confidence() + ", below the minimum "
          + config.minimumConfidence());
      return out;
    }
    LocalDate date = s.earliestApplication;
    List<Allocation> allocations = new ArrayList<>(m.applications().size());
    for (Application a : m.applications()) {
      String inv = a.invoiceNumber();
      io.github.gridbill.ledger.OpenItem now = ledger.item(inv).orElseThrow();
      long taken = batch.taken.getOrDefault(inv, 0L) + a.amount().getAmountMinorLong();
      if (taken > now.openAmount().getAmountMinorLong()) {
        out.exception = notAccepted(m, ExceptionReason.NOT_POSTABLE, "matched by " + m.rule() + " to " + inv
            + ", which has only " + now.openAmount() + " open now, less than the lines before it apply to it and "
            + a.amount() + " (entries after the plan's day moved it)");
        return out;
      }
      date = max(date, now.issueDate());
      date = max(date, lastMove(now.account(), inv, s.payment.valueDate()));
      LocalDate moved = batch.movedOn.get(inv);
      date = moved == null ? date : max(date, moved);
      allocations.add(Allocation.of(inv, a.amount()));
    }
    if (batch.closed.isPresent() && !date.isAfter(batch.closed.get())) {
      date = batch.closed.get().plusDays(1);
    }
    for (Application a : m.applications()) {
      batch.taken.merge(a.invoiceNumber(), a.amount().getAmountMinorLong(), Long::sum);
      batch.movedOn.put(a.invoiceNumber(), date);
    }
    out.allocations = allocations;
    out.payer = account;
    out.date = date;
    return out;
  }

  private static PaymentException notAccepted(PaymentMatch m, ExceptionReason reason, String detail) {
    return PaymentException.builder().payment(m.payment()).reason(reason).detail(detail)
        .payerAccountId(m.payerAccountId()).candidates(invoiceList(m)).build();
  }

  private static List<String> invoiceList(PaymentMatch m) {
    List<String> out = new ArrayList<>();
    for (Application a : m.applications()) {
      out.add(a.invoiceNumber());
    }
    return out;
  }

  private static String invoices(PaymentMatch m) {
    return String.join(", ", invoiceList(m));
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** The bank's reference of a line for the ledger: its own reference, else the end-to-end id. */
  static Optional<String> externalReference(StatementLine l) {
    if (l.bankReference().isPresent() && !l.bankReference().get().isBlank()) {
      return l.bankReference();
    }
    return l.endToEndId().filter(e -> !e.isBlank() && !e.equals("NOTPROVIDED"));
  }

  /**
   * Posts a plan: for each line, its record (new, or re-submitted and replayed), then its application if it has one;
   * entries already in the ledger under the line's identification and application keys are listed as replayed.
   *
   * <p>All postings run inside one {@link Ledger#batch}: each is atomic and idempotent, and all are durable when
   * this returns. If one fails, those before it stay posted and the exception propagates; plan and post again to
   * complete the rest.
   *
   * @param plan a plan made by {@link #plan} on this ledger, not null
   * @return the result, never null
   * @throws ConflictException if a key was meanwhile used for different content (another import ran in between)
   * @throws BusinessRuleException if the ledger changed since the plan so that a posting breaks a ledger rule
   */
  public CashPostingResult post(CashPostingPlan plan) {
    Objects.requireNonNull(plan, "plan");
    List<PostedLine> out = new ArrayList<>(plan.lines().size());
    ledger.batch(() -> {
      for (PlannedLine l : plan.lines()) {
        List<PostingResult> postings = new ArrayList<>(3);
        postings.add(ledger.recordPayment(l.recordKey(), l.record()));
        if (l.previouslyImported()) {
          ledger.entry(l.baseKey() + IDENTIFY).ifPresent(e -> postings.add(PostingResult.of(e, true)));
        }
        if (l.application().isPresent()) {
          postings.add(ledger.applyPayment(l.applyKey(), l.application().get()));
        } else if (l.previouslyImported()) {
          ledger.entry(l.applyKey()).ifPresent(e -> postings.add(PostingResult.of(e, true)));
        }
        out.add(PostedLine.of(l, postings));
      }
    });
    return CashPostingResult.builder().plan(plan).lines(out).build();
  }

  // ------------------------------------------------------------------------------------------ identification

  /**
   * Identifies an unidentified payment to a customer and applies it by the cash-application rules: the engine,
   * with the customer as payer, matches what is left of the payment against the customer's open items as of the
   * day (exact amount, oldest items, combinations, balance-forward as configured; the payment's remittance text is
   * not in the ledger, so the reference rule finds nothing).
   *
   * <p>{@code identify("STMT-1#4", "ACC-2", 2024-04-03)} posts {@code identifyPayment} ({@code Dr UNIDENTIFIED_CASH /
   * Cr UNAPPLIED_CASH:ACC-2}) under {@code <stem>/identify} and, if a rule matches with enough confidence,
   * {@code applyPayment} under {@code <stem>/apply}, where the stem is the key stem of the bank line that recorded
   * the payment. If nothing matches, the payment stays on the customer's unapplied cash and the result carries the
   * exception. Calling it again replays both postings (the application is not recomputed); identifying the same
   * payment to another customer or on another day is a {@link ConflictException}. A payment already on the
   * customer's unapplied cash (recorded to it, or identified to it before) is only applied.
   *
   * @param paymentId the payment (for a bank line, its line id), not null
   * @param accountId the customer account, not null
   * @param date the day of the identification and application, not null
   * @return the result, never null
   * @throws NotFoundException if the payment or the customer is unknown; nothing is posted
   * @throws BusinessRuleException if the payment belongs to another customer, nothing of it is left, the date is in a
   *     closed period or before the last movement of the payment or of an invoice chosen; nothing is posted
   * @throws ConflictException if the identification key was used for a different request; nothing is posted
   */
  public IdentificationResult identify(String paymentId, String accountId, LocalDate date) {
    return identifyAndApply(paymentId, accountId, date, null);
  }

  /**
   * Identifies an unidentified payment to a customer and applies it to the invoices given (open-item): as
   * {@link #identify(String, String, LocalDate)} with the caller's choice of invoices instead of the rules.
   *
   * <p>{@code identify("STMT-1#4", "ACC-2", 2024-04-03, List.of(Allocation.of("INV-9"), Allocation.of("INV-12",
   * USD 20.00)))}. Called again with the same allocations, both postings replay; with other allocations, the
   * application is a {@link ConflictException} (the first application stands until it is reversed).
   *
   * @param paymentId the payment, not null
   * @param accountId the customer account, not null
   * @param date the day of the identification and application, not null
   * @param allocations the invoices, at least one, each named once, not null
   * @return the result, never null
   * @throws ValidationException if no invoice is named or one is named twice; nothing is posted
   * @throws NotFoundException if the payment, the customer or an invoice is unknown; nothing is posted
   * @throws BusinessRuleException if the payment belongs to another customer or nothing of it is left, an invoice
   *     belongs to another customer or moved after the date, an amount exceeds what is open, the sum exceeds the
   *     payment, or the date is in a closed period; nothing is posted
   * @throws CurrencyMismatchException if an invoice or amount is in another currency than the payment
   * @throws ConflictException if a key was used for a different request (the application only after the
   *     identification replayed)
   */
  public IdentificationResult identify(String paymentId, String accountId, LocalDate date,
      List<Allocation> allocations) {
    return identifyAndApply(paymentId, accountId, date, Objects.requireNonNull(allocations, "allocations"));
  }

  private IdentificationResult identifyAndApply(String paymentId, String accountId, LocalDate date,
      @Nullable List<Allocation> given) {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(date, "date");
    if (given != null) {
      // the ledger's own rules for the request: at least one invoice, each once
      PaymentApplication.builder().paymentId(paymentId).date(date)
          .mode(io.github.gridbill.ledger.ApplicationMode.OPEN_ITEM).allocations(given).build();
    }
    io.github.gridbill.ledger.OpenItem item = ledger.payment(paymentId).orElseThrow(() -> new NotFoundException(
        "paymentId", paymentId, "must name a payment recorded in the ledger"));
    String base = baseKeyOf(item);
    Optional<JournalEntry> identified = ledger.entry(base + IDENTIFY);
    Optional<JournalEntry> applied = ledger.entry(base + APPLY);
    boolean unidentified = item.account().kind() == AccountKind.UNIDENTIFIED_CASH;
    if (!unidentified && identified.isEmpty()) {
      String owner = item.accountId().orElse("");
      if (!owner.equals(accountId)) {
        throw new BusinessRuleException("accountId", accountId, "must be the account " + paymentId + " belongs to ("
            + owner + ")");
      }
    }
    IdentificationResult.Builder r = IdentificationResult.builder().paymentId(paymentId).accountId(accountId);
    if (applied.isPresent() && given == null) {
      if (identified.isPresent()) {
        r.identification(ledger.identifyPayment(base + IDENTIFY, paymentId, accountId, date));
      }
      return r.application(PostingResult.of(applied.get(), true)).build();
    }
    if (!item.openAmount().isPositive() && applied.isEmpty()) {
      throw new BusinessRuleException("paymentId", paymentId, "must have an amount left to identify or apply");
    }
    Optional<PaymentApplication> application = Optional.empty();
    if (given != null) {
      if (applied.isEmpty()) {
        requireApplicable(paymentId, accountId, date, item.openAmount(), given);
      }
      application = Optional.of(PaymentApplication.builder().paymentId(paymentId).date(date)
          .mode(io.github.gridbill.ledger.ApplicationMode.OPEN_ITEM).allocations(given).build());
    } else {
      Payment p = Payment.builder().id(paymentId).amount(item.openAmount()).valueDate(date)
          .payerAccountId(accountId).build();
      CashApplicationReport report = engine.apply(LedgerOpenItems.of(ledger, accountId, date), List.of(p));
      if (!report.matches().isEmpty()) {
        PaymentMatch m = report.matches().get(0);
        if (m.confidence() < config.minimumConfidence()) {
          r.exception(notAccepted(m, ExceptionReason.LOW_CONFIDENCE, "matched by " + m.rule() + " to "
              + invoices(m) + " with confidence " + m.confidence() + ", below the minimum "
              + config.minimumConfidence()));
        } else {
          List<Allocation> chosen = new ArrayList<>();
          for (Application a : m.applications()) {
            chosen.add(Allocation.of(a.invoiceNumber(), a.amount()));
          }
          requireApplicable(paymentId, accountId, date, item.openAmount(), chosen);
          r.match(m);
          application = Optional.of(PaymentApplication.builder().paymentId(paymentId).date(date)
              .mode(io.github.gridbill.ledger.ApplicationMode.OPEN_ITEM).allocations(chosen).build());
        }
      } else {
        r.exception(report.exceptions().get(0));
      }
    }
    if (unidentified || identified.isPresent()) {
      r.identification(ledger.identifyPayment(base + IDENTIFY, paymentId, accountId, date));
    }
    application.ifPresent(a -> r.application(ledger.applyPayment(base + APPLY, a)));
    return r.build();
  }

  /** The checks the ledger will make on an open-item application, made before anything is posted. */
  private void requireApplicable(String paymentId, String accountId, LocalDate date, Money available,
      List<Allocation> allocations) {
    CurrencyUnit cur = available.getCurrencyUnit();
    long total = 0;
    for (int i = 0; i < allocations.size(); i++) {
      Allocation al = allocations.get(i);
      String f = "allocations[" + i + "]";
      io.github.gridbill.ledger.OpenItem inv = ledger.item(al.invoiceNumber()).orElseThrow(() ->
          new NotFoundException(f + ".invoiceNumber", al.invoiceNumber(), "must name a receivable of the ledger"));
      String owner = inv.accountId().orElse("");
      if (!owner.equals(accountId)) {
        throw new BusinessRuleException(f + ".invoiceNumber", al.invoiceNumber(), "must belong to account "
            + accountId + " (it belongs to " + owner + ")");
      }
      if (!inv.currency().equals(cur)) {
        throw new CurrencyMismatchException(f + ".invoiceNumber", cur, inv.currency(), al.invoiceNumber());
      }
      long open = inv.openAmount().getAmountMinorLong();
      long x;
      if (al.amount().isPresent()) {
        Monies.requireCurrency(f + ".amount", al.amount().get(), cur);
        x = al.amount().get().getAmountMinorLong();
        if (x > open) {
          throw new BusinessRuleException(f + ".amount", al.amount().get(), "must not exceed the open amount "
              + inv.openAmount() + " of " + al.invoiceNumber());
        }
      } else {
        if (open == 0) {
          throw new BusinessRuleException(f + ".invoiceNumber", al.invoiceNumber(), "must have an open amount");
        }
        x = Math.min(open, Math.max(0, available.getAmountMinorLong() - total));
      }
      total += x;
      LocalDate moved = lastMove(inv.account(), al.invoiceNumber(), inv.issueDate());
      if (moved.isAfter(date)) {
        throw new BusinessRuleException("date", date, "must not be before the last movement of "
            + al.invoiceNumber() + " on " + moved);
      }
    }
    if (total > available.getAmountMinorLong()) {
      throw new BusinessRuleException("allocations", Money.ofMinor(cur, total), "must not exceed the amount "
          + available + " left of " + paymentId);
    }
  }

  /** The key stem of the bank line that recorded a payment (or a stem derived from the payment itself). */
  private String baseKeyOf(io.github.gridbill.ledger.OpenItem payment) {
    Matcher m = DERIVED_KEY.matcher(ledger.entry(payment.openedBy()).key());
    if (m.matches()) {
      return m.group(1);
    }
    return ApplicationInstruction.idempotencyKeyOf(Payment.builder().id(payment.number())
        .amount(payment.originalAmount()).valueDate(payment.issueDate()).build());
  }
}
