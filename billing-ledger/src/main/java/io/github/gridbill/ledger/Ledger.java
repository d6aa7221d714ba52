package io.github.gridbill.ledger;

import io.github.gridbill.core.BillingException;
import io.github.gridbill.core.BusinessRuleException;
import io.github.gridbill.core.ConflictException;
import io.github.gridbill.core.CurrencyMismatchException;
import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.core.NotFoundException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.invoice.Invoice;
import io.github.gridbill.core.invoice.InvoiceLine;
import io.github.gridbill.core.invoice.LineKind;
import io.github.gridbill.core.money.Monies;
import io.github.gridbill.ledger.journal.Checkpoint;
import io.github.gridbill.ledger.journal.FileJournalStore;
import io.github.gridbill.ledger.journal.InMemoryJournalStore;
import io.github.gridbill.ledger.journal.JournalCorruptedException;
import io.github.gridbill.ledger.journal.JournalException;
import io.github.gridbill.ledger.journal.JournalStore;
import io.github.gridbill.ledger.journal.VerificationReport;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A double-entry accounts-receivable ledger on a hash-chained journal: business operations that post balanced
 * entries, and as-of queries (balances, statements, open items, aging, dunning).
 *
 * <p><b>Opening.</b> {@code Ledger.open(FileJournalStore.open(folder))} replays the journal in the folder and
 * rebuilds the ledger's state exactly; {@link #inMemory()} starts an empty ledger in memory. Closing the ledger closes
 * its store. A {@link FileJournalStore} or {@link InMemoryJournalStore} of 8,192 entries or more is read and decoded on
 * a second, short-lived daemon thread while the opening thread replays it; that thread has ended when {@code open}
 * returns or throws. Other {@link JournalStore} implementations are read on the opening thread.
 *
 * <p><b>Posting.</b> Every operation takes a caller-chosen idempotency key and posts one entry atomically: it
 * validates everything first (a typed {@link BillingException} means nothing changed), appends the entry to the
 * journal, updates the state and waits until the journal has made the entry durable. Posting the same key again with
 * the same request returns the original entry with {@link PostingResult#replayed()} true and changes nothing; the same
 * key with a different request is refused with a {@link ConflictException}. Posted entries never change; corrections
 * are reversals, credit notes and adjustments. Each operation's double-entry pattern is listed in LEDGER.md.
 *
 * <p><b>Durability.</b> When a posting method returns, its entry is durable in the journal (for a
 * {@link FileJournalStore}: written and forced to disk). Inside {@link #batch(Runnable)} the entries of the batch are
 * durable when {@code batch} returns. If the journal fails to write, the ledger refuses every later posting with a
 * {@link JournalException} (its memory may then be ahead of the disk): reopen it from the store.
 *
 * <p><b>Concurrency.</b> Thread-safe. Postings are serialized (one writer at a time, under a write lock) while the
 * journal's group commit lets concurrent posters share one disk flush; queries run under a read lock and return
 * immutable values, so each sees a consistent state between two postings. A query may see an entry whose posting call
 * has not yet returned because its flush is still running.
 *
 * <p><b>Dates.</b> Every entry has an effective date; queries "as of" a day include the entries effective on or
 * before it. Back-dated entries are allowed (after any closed period), except that an item's movements never go back
 * before its last movement.
 *
 * <p><b>Currencies.</b> Entries balance per currency; balances are kept per currency; nothing is ever converted.
 */
public final class Ledger implements AutoCloseable {
  private static final Comparator<LedgerAccount> ACCOUNT_ORDER = Comparator.comparing(LedgerAccount::kind)
      .thenComparing(LedgerAccount::key);
  /** The batches open on this thread, innermost first (one per ledger). */
  private static final ThreadLocal<@Nullable Batch> BATCH = new ThreadLocal<>();
  private static final BigDecimal MAX_DEBITS = BigDecimal.valueOf(LedgerState.MAX_DEBITS);

  private final JournalStore store;
  private final Clock clock;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final LedgerState state = new LedgerState();
  private volatile @Nullable JournalException failure;

  private Ledger(JournalStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Opens a ledger on a journal, replaying every entry in it; recorded-at instants come from the system UTC clock.
   *
   * <p>{@code Ledger.open(FileJournalStore.open(Path.of("/data/ledger")))}.
   *
   * @param store the journal, not null; the ledger owns it from now on (closing the ledger closes it, and so does a
   *     failed open)
   * @return the ledger, never null
   * @throws DataFormatException if an entry in the journal cannot be decoded or breaks a ledger rule on replay
   * @throws JournalCorruptedException if a journal record is damaged
   */
  public static Ledger open(JournalStore store) {
    return open(store, Clock.systemUTC());
  }

  /**
   * Opens a ledger on a journal with a clock for the entries' recorded-at instants.
   *
   * @param store the journal, not null
   * @param clock the clock, not null
   * @return the ledger, never null
   * @throws DataFormatException if an entry in the journal cannot be decoded or breaks a ledger rule on replay
   * @throws JournalCorruptedException if a journal record is damaged
   */
  public static Ledger open(JournalStore store, Clock clock) {
    return open(store, clock, Replay.pipelineFrom(store));
  }

  /** Opens with a chosen record count from which the journal is read on a second thread (tests force both ways). */
  static Ledger open(JournalStore store, Clock clock, long pipelineFrom) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(clock, "clock");
    Ledger ledger = new Ledger(store, clock);
    boolean ok = false;
    try {
      Replay.run(store, pipelineFrom, ledger::replay);
      ok = true;
      return ledger;
    } finally {
      if (!ok) {
        store.close();
      }
    }
  }

  /**
   * An empty ledger on a new {@link InMemoryJournalStore}.
   *
   * @return the ledger, never null
   */
  public static Ledger inMemory() {
    return open(new InMemoryJournalStore());
  }

  /** Replays one entry read back from the journal (in sequence order): the posting checks, then the state change. */
  private void replay(JournalEntry e) {
    if (state.keys.find(e.key(), this::keyAt) != 0) {
      throw new DataFormatException(store.name(), "record #" + e.sequence(), "key", e.key(),
          "must be unique in the journal");
    }
    try {
      state.check(new Draft(e.type(), e.effectiveDate(), e.description(), e.lines(), e.notes(), e.attributes()));
    } catch (BillingException x) {
      throw new DataFormatException(store.name(), "record #" + e.sequence(), x.field(), x.value(), x.reason(), x);
    }
    state.apply(e);
  }

  private String keyAt(long sequence) {
    return readEntry(sequence).key();
  }

  private JournalEntry readEntry(long sequence) {
    return JournalEntry.fromBytes(store.read(sequence).payload());
  }

  /** Builds the draft of an operation from the state, validating its business rules; null means nothing to post. */
  private interface Builder {
    @Nullable Draft build(LedgerState s);
  }

  private @Nullable PostingResult submit(String key, String digest, Builder builder) {
    Names.name(key, "key");
    JournalEntry entry;
    boolean replayed;
    lock.writeLock().lock();
    try {
      JournalException failed = failure;
      if (failed != null) {
        throw new JournalException("ledger", store.name(), "must be reopened after a failed journal write", failed);
      }
      long existing = state.keys.find(key, this::keyAt);
      if (existing != 0) {
        entry = readEntry(existing);
        if (!entry.contentDigest().equals(digest)) {
          throw new ConflictException("key", key, "must not be reused with different content (it posted entry #"
              + existing + ")");
        }
        replayed = true;
      } else {
        Draft d = builder.build(state);
        if (d == null) {
          return null;
        }
        state.check(d);
        entry = JournalEntry.builder().sequence(state.lastSequence + 1).key(key).type(d.type())
            .effectiveDate(d.effectiveDate()).recordedAt(clock.instant()).description(d.description())
            .lines(d.lines()).notes(d.notes()).attributes(d.attributes()).contentDigest(digest).build();
        try {
          store.append(entry.sequence(), entry.toBytes());
        } catch (JournalException e) {
          failure = e;
          throw e;
        }
        state.apply(entry);
        replayed = false;
      }
    } finally {
      lock.writeLock().unlock();
    }
    durable(entry.sequence());
    return PostingResult.of(entry, replayed);
  }

  private PostingResult post(String key, String digest, Builder builder) {
    return Objects.requireNonNull(submit(key, digest, builder), "a builder that always posts returned nothing");
  }

  /** A batch of postings on one thread whose durability wait is deferred to its end. */
  private static final class Batch {
    final Ledger ledger;
    final @Nullable Batch outer;
    long last;

    Batch(Ledger ledger, @Nullable Batch outer) {
      this.ledger = ledger;
      this.outer = outer;
    }
  }

  private @Nullable Batch batchOnThisThread() {
    for (Batch b = BATCH.get(); b != null; b = b.outer) {
      if (b.ledger == this) {
        return b;
      }
    }
    return null;
  }

  private void durable(long sequence) {
    Batch b = batchOnThisThread();
    if (b != null) {
      b.last = Math.max(b.last, sequence);
      return;
    }
    sync(sequence);
  }

  private void sync(long sequence) {
    try {
      store.sync(sequence);
    } catch (JournalException e) {
      failure = e;
      throw e;
    }
  }

  /**
   * Runs postings on this thread with one durability wait at the end instead of one per posting: much faster for bulk
   * loads on a file journal.
   *
   * <p>{@code ledger.batch(() -> invoices.forEach(i -> ledger.issueInvoice("inv/" + i.number(), i)))}. Each posting
   * is still atomic and idempotent on its own; if one fails, those before it stay posted. Postings made inside the
   * batch are durable when {@code batch} returns (normally or not); before that, a crash may lose them. Batches nest.
   *
   * @param work the postings, not null
   * @throws JournalException if the journal fails to make the batch durable
   */
  public void batch(Runnable work) {
    Objects.requireNonNull(work, "work");
    if (batchOnThisThread() != null) {
      work.run();
      return;
    }
    Batch mine = new Batch(this, BATCH.get());
    BATCH.set(mine);
    try {
      work.run();
    } finally {
      if (mine.outer == null) {
        BATCH.remove();
      } else {
        BATCH.set(mine.outer);
      }
      if (mine.last > 0) {
        sync(mine.last);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- postings

  /**
   * Posts a manual entry: the caller chooses the lines.
   *
   * <p>Lines on item-managed accounts ({@link AccountKind#isItemManaged()}) must name their item: a line on the
   * account's normal side opens the item (or adds to it), a line on the other side settles at most its open amount.
   * Customer accounts must belong to a known customer; other accounts open on first use.
   *
   * @param key the idempotency key, 1 to 200 characters, not null
   * @param entry the entry, not null
   * @return the posting, never null
   * @throws ValidationException if a line breaks a line rule (item reference present exactly on item accounts)
   * @throws NotFoundException if a customer account or a settled item is unknown
   * @throws BusinessRuleException if a line settles more than is open, an item moves back in time, or the date is in
   *     a closed period
   * @throws CurrencyMismatchException if a line's currency differs from its item's
   * @throws ConflictException if the key was used for a different request
   */
  public PostingResult post(String key, ManualEntry entry) {
    Objects.requireNonNull(entry, "entry");
    Canon c = Canon.of("post").add("effectiveDate", entry.effectiveDate()).add("description", entry.description());
    for (JournalLine l : entry.lines()) {
      c.add("line", l.account()).add("side", l.side()).add("amount", l.amount()).add("itemRef", l.itemRef())
          .add("dueDate", l.dueDate());
    }
    entry.attributes().forEach((k, v) -> c.add("attribute", v));
    return post(key, c.digest(), s -> new Draft(EntryType.MANUAL, entry.effectiveDate(), entry.description(),
        entry.lines(), List.of(), entry.attributes()));
  }

  /**
   * Issues an invoice: a receivable for its total, revenue per line kind and tax payable per tax.
   *
   * <p>For INV-42 (ENERGY 90.00, FIXED 7.57, TAX "CGST" 7.81, TAX "SGST" 1.95; total USD 107.33):
   * {@code Dr RECEIVABLE:ACC-1 107.33 (INV-42, due 2024-05-05) / Cr REVENUE:FIXED 7.57 / Cr REVENUE:ENERGY 90.00 /
   * Cr TAX_PAYABLE:CGST 7.81 / Cr TAX_PAYABLE:SGST 1.95}, effective on the issue date. Lines of a kind are netted
   * (a negative net is a debit); revenue comes in {@link LineKind} order, then taxes by name. An invoice with a
   * negative total (a credit bill) credits the customer's unapplied cash instead, as a credit named by the invoice
   * number; a zero total opens a zero item. The customer account opens with its first invoice.
   *
   * @param key the idempotency key, not null
   * @param invoice the invoice, not null
   * @return the posting, never null
   * @throws ConflictException if the invoice number was already posted, or the key was used for a different request
   * @throws BusinessRuleException if the issue date is in a closed period
   * @throws ValidationException if a tax line's source is not a valid account key
   */
  public PostingResult issueInvoice(String key, Invoice invoice) {
    Objects.requireNonNull(invoice, "invoice");
    requirePostable(invoice, "invoice");
    Names.name(invoice.number(), "invoice.number");
    Names.name(invoice.accountId(), "invoice.accountId");
    String digest = Canon.of("issueInvoice").invoice("invoice", invoice).digest();
    return post(key, digest, s -> {
      requireNewDocument(s, invoice.number(), "invoice.number");
      List<JournalLine> lines = new ArrayList<>();
      addInvoiceLines(lines, invoice);
      return new Draft(EntryType.INVOICE, invoice.issueDate(), "Invoice " + invoice.number(), lines, List.of(),
          attributes(LedgerAttributes.ACCOUNT_ID, invoice.accountId(), LedgerAttributes.DOCUMENT, invoice.number()));
    });
  }

  /** A line on an item, built at once (the same line as {@code JournalLine.of(...).withItemRef(itemRef)}). */
  private static JournalLine line(LedgerAccount account, EntrySide side, Money amount, String itemRef) {
    return JournalLine.builder().account(account).side(side).amount(amount).itemRef(itemRef).build();
  }

  private static void addInvoiceLines(List<JournalLine> lines, Invoice invoice) {
    Money total = invoice.total();
    String number = invoice.number();
    int first = lines.size();
    if (total.isNegative()) {
      lines.add(line(LedgerAccount.unappliedCash(invoice.accountId()), EntrySide.CREDIT, total.negated(), number));
    } else {
      lines.add(JournalLine.builder().account(LedgerAccount.receivable(invoice.accountId())).side(EntrySide.DEBIT)
          .amount(total).itemRef(number).dueDate(invoice.dueDate()).build());
    }
    addRevenueLines(lines, invoice);
    if (lines.size() == first + 1) {
      InvoiceLine l = invoice.lines().get(0);
      lines.add(JournalLine.credit(revenueAccount(l), Money.zero(invoice.currency())));
    }
  }

  /**
   * Refuses an invoice whose lines, each and together (Σ |amount|), are past what a ledger may debit in a currency
   * ({@link LedgerState#MAX_DEBITS}), so that netting them per kind cannot overflow.
   */
  private static void requirePostable(Invoice invoice, String field) {
    List<InvoiceLine> lines = invoice.lines();
    long sum = 0; // at most MAX_DEBITS before each line, so adding one more (also at most MAX_DEBITS) cannot overflow
    for (int i = 0; i < lines.size(); i++) {
      Money amount = lines.get(i).amount();
      BigDecimal minor = amount.getAmount().movePointRight(amount.getCurrencyUnit().getDecimalPlaces()).abs();
      if (minor.compareTo(MAX_DEBITS) <= 0) {
        sum += minor.longValue();
      }
      if (minor.compareTo(MAX_DEBITS) > 0 || sum > LedgerState.MAX_DEBITS) {
        throw new ValidationException(field + ".lines[" + i + "].amount", amount, "must keep the lines within "
            + Money.ofMinor(amount.getCurrencyUnit(), LedgerState.MAX_DEBITS) + " in all");
      }
    }
  }

  private static LedgerAccount revenueAccount(InvoiceLine l) {
    return l.kind() == LineKind.TAX ? LedgerAccount.taxPayable(l.source()) : LedgerAccount.revenue(l.kind());
  }

  /** Revenue per line kind (in kind order), then tax per source (in name order); credits for positive nets. */
  private static void addRevenueLines(List<JournalLine> lines, Invoice invoice) {
    LineKind[] kinds = LineKind.values();
    long[] revenue = new long[kinds.length];
    boolean[] billed = new boolean[kinds.length];
    @Nullable TreeMap<String, Long> taxes = null;
    List<InvoiceLine> invoiceLines = invoice.lines();
    for (int i = 0; i < invoiceLines.size(); i++) {
      InvoiceLine l = invoiceLines.get(i);
      long minor = l.amount().getAmountMinorLong();
      if (l.kind() == LineKind.TAX) {
        if (!Names.isPlainName(l.source())) {
          Names.name(l.source(), "lines[" + i + "].source");
        }
        if (taxes == null) {
          taxes = new TreeMap<>();
        }
        taxes.merge(l.source(), minor, Math::addExact);
      } else {
        int k = 0;
        while (kinds[k] != l.kind()) {
          k++;
        }
        revenue[k] = billed[k] ? Math.addExact(revenue[k], minor) : minor;
        billed[k] = true;
      }
    }
    CurrencyUnit cur = invoice.currency();
    for (int k = 0; k < kinds.length; k++) {
      if (billed[k]) {
        addNet(lines, LedgerAccount.revenue(kinds[k]), cur, revenue[k]);
      }
    }
    if (taxes != null) {
      taxes.forEach((tax, net) -> addNet(lines, LedgerAccount.taxPayable(tax), cur, net));
    }
  }

  private static void addNet(List<JournalLine> lines, LedgerAccount account, CurrencyUnit currency, long net) {
    if (net > 0) {
      lines.add(JournalLine.credit(account, Money.ofMinor(currency, net)));
    } else if (net < 0) {
      lines.add(JournalLine.debit(account, Money.ofMinor(currency, -net)));
    }
  }

  private static void requireNewDocument(LedgerState s, String number, String field) {
    Item existing = s.receivable(number);
    if (existing == null) {
      existing = s.items(AccountKind.UNAPPLIED_CASH).get(number);
    }
    if (existing != null) {
      throw new ConflictException(field, number, "must not have been posted before (entry #" + existing.openedBy
          + ")");
    }
  }

  /**
   * Issues a credit note against an invoice: revenue and tax are reversed by the credit note's lines, the invoice is
   * credited up to its open amount and any rest becomes a credit on the customer's unapplied cash.
   *
   * <p>A credit note CN-5 of USD -30.00 (ENERGY -30.00) against INV-42 with USD 20.00 open:
   * {@code Dr REVENUE:ENERGY 30.00 / Cr RECEIVABLE:ACC-1 20.00 (INV-42) / Cr UNAPPLIED_CASH:ACC-1 10.00 (CN-5)}.
   * The credit note is a core {@link Invoice} whose total is negative, with the invoice's account and currency.
   *
   * @param key the idempotency key, not null
   * @param creditNote the credit note, total below zero, not null
   * @param invoiceNumber the invoice credited, not null
   * @return the posting, never null
   * @throws ValidationException if the credit note's total is not negative
   * @throws NotFoundException if the invoice is unknown
   * @throws BusinessRuleException if the invoice belongs to another account, or the date is before the invoice's last
   *     movement or in a closed period
   * @throws CurrencyMismatchException if the currencies differ
   * @throws ConflictException if the credit note's number was already posted, or the key was used for a different
   *     request
   */
  public PostingResult issueCreditNote(String key, Invoice creditNote, String invoiceNumber) {
    Objects.requireNonNull(creditNote, "creditNote");
    requirePostable(creditNote, "creditNote");
    Names.name(invoiceNumber, "invoiceNumber");
    Names.name(creditNote.number(), "creditNote.number");
    if (!creditNote.total().isNegative()) {
      throw new ValidationException("creditNote.total", creditNote.total(), "must be negative for a credit note");
    }
    String digest = Canon.of("issueCreditNote").invoice("creditNote", creditNote)
        .add("invoiceNumber", invoiceNumber).digest();
    return post(key, digest, s -> {
      Item target = requireInvoice(s, invoiceNumber, "invoiceNumber");
      requireOwner(target, creditNote.accountId(), "invoiceNumber");
      if (!target.currency.equals(creditNote.currency())) {
        throw new CurrencyMismatchException("creditNote.currency", target.currency, creditNote.currency(),
            creditNote.currency());
      }
      requireNewDocument(s, creditNote.number(), "creditNote.number");
      long credit = -creditNote.total().getAmountMinorLong();
      long applied = Math.min(credit, target.open);
      List<JournalLine> lines = new ArrayList<>();
      CurrencyUnit cur = creditNote.currency();
      if (applied > 0) {
        lines.add(JournalLine.credit(target.account.account, Money.ofMinor(cur, applied)).withItemRef(invoiceNumber));
      }
      if (credit > applied) {
        lines.add(JournalLine.credit(LedgerAccount.unappliedCash(creditNote.accountId()),
            Money.ofMinor(cur, credit - applied)).withItemRef(creditNote.number()));
      }
      addRevenueLines(lines, creditNote);
      return new Draft(EntryType.CREDIT_NOTE, creditNote.issueDate(), "Credit note " + creditNote.number(), lines,
          List.of(), attributes(LedgerAttributes.ACCOUNT_ID, creditNote.accountId(), LedgerAttributes.DOCUMENT,
              creditNote.number(), LedgerAttributes.INVOICE_NUMBER, invoiceNumber));
    });
  }

  private static Item requireInvoice(LedgerState s, String number, String field) {
    Item item = s.receivable(number);
    if (item == null) {
      throw new NotFoundException(field, number, "must name an invoice of this ledger");
    }
    return item;
  }

  private static void requireOwner(Item item, String accountId, String field) {
    String owner = item.account.account.key();
    if (!owner.equals(accountId)) {
      throw new BusinessRuleException(field, item.ref, "must belong to account " + accountId + " (it belongs to "
          + owner + ")");
    }
  }

  private static Customer requireCustomer(LedgerState s, String accountId, String field) {
    Customer c = s.customers.get(accountId);
    if (c == null) {
      throw new NotFoundException(field, accountId, "must name a customer account of this ledger");
    }
    return c;
  }

  /**
   * Records a payment received: cash by method against the customer's unapplied cash (or unidentified cash).
   *
   * <p>PAY-7, USD 50.00 by cheque from ACC-1: {@code Dr CASH:CHEQUE 50.00 / Cr UNAPPLIED_CASH:ACC-1 50.00 (PAY-7)};
   * from an unknown payer: {@code Cr UNIDENTIFIED_CASH 50.00 (PAY-7)}. Apply it with {@link #applyPayment}.
   *
   * @param key the idempotency key, not null
   * @param payment the payment, not null
   * @return the posting, never null
   * @throws NotFoundException if the customer account is unknown
   * @throws ConflictException if the payment id was already recorded, or the key was used for a different request
   * @throws BusinessRuleException if the date is in a closed period
   */
  public PostingResult recordPayment(String key, Payment payment) {
    Objects.requireNonNull(payment, "payment");
    String digest = Canon.of("recordPayment").add("paymentId", payment.paymentId())
        .add("accountId", payment.accountId()).add("amount", payment.amount()).add("method", payment.method())
        .add("receivedOn", payment.receivedOn()).add("externalReference", payment.externalReference()).digest();
    return post(key, digest, s -> {
      String id = payment.paymentId();
      payment.accountId().ifPresent(a -> requireCustomer(s, a, "accountId"));
      requireNewPayment(s, id, "paymentId");
      LedgerAccount credit = payment.accountId().map(LedgerAccount::unappliedCash)
          .orElseGet(LedgerAccount::unidentifiedCash);
      List<JournalLine> lines = List.of(JournalLine.debit(LedgerAccount.cash(payment.method()), payment.amount()),
          line(credit, EntrySide.CREDIT, payment.amount(), id));
      SortedMap<String, String> attributes = attributes(LedgerAttributes.PAYMENT_ID, id, LedgerAttributes.METHOD,
          payment.method().name());
      payment.accountId().ifPresent(a -> attributes.put(LedgerAttributes.ACCOUNT_ID, a));
      payment.externalReference().ifPresent(r -> attributes.put(LedgerAttributes.EXTERNAL_REFERENCE, r));
      return new Draft(EntryType.PAYMENT, payment.receivedOn(), "Payment " + id, lines, List.of(), attributes);
    });
  }

  private static void requireNewPayment(LedgerState s, String id, String field) {
    Item existing = s.items(AccountKind.UNAPPLIED_CASH).get(id);
    if (existing == null) {
      existing = s.items(AccountKind.UNIDENTIFIED_CASH).get(id);
    }
    if (existing != null) {
      throw new ConflictException(field, id, "must not have been recorded before (entry #" + existing.openedBy + ")");
    }
  }

  /**
   * Assigns an unidentified payment to a customer: what is left of it moves to the customer's unapplied cash.
   *
   * <p>{@code Dr UNIDENTIFIED_CASH 50.00 (PAY-9) / Cr UNAPPLIED_CASH:ACC-1 50.00 (PAY-9)}.
   *
   * @param key the idempotency key, not null
   * @param paymentId the unidentified payment, not null
   * @param accountId the customer account, not null
   * @param date the effective date, not null
   * @return the posting, never null
   * @throws NotFoundException if the payment is not an unidentified payment, or the customer is unknown
   * @throws BusinessRuleException if nothing of the payment is left, the date is too early, or the payment was
   *     identified to another customer before (and that identification reversed): a payment keeps its first customer
   * @throws ConflictException if the key was used for a different request
   */
  public PostingResult identifyPayment(String key, String paymentId, String accountId, LocalDate date) {
    Names.name(paymentId, "paymentId");
    Names.name(accountId, "accountId");
    Objects.requireNonNull(date, "date");
    String digest = Canon.of("identifyPayment").add("paymentId", paymentId).add("accountId", accountId)
        .add("date", date).digest();
    return post(key, digest, s -> {
      Item item = s.items(AccountKind.UNIDENTIFIED_CASH).get(paymentId);
      if (item == null) {
        throw new NotFoundException("paymentId", paymentId, "must name an unidentified payment");
      }
      if (item.open == 0) {
        throw new BusinessRuleException("paymentId", paymentId, "must have an unidentified amount left");
      }
      requireCustomer(s, accountId, "accountId");
      Item before = s.items(AccountKind.UNAPPLIED_CASH).get(paymentId);
      if (before != null && !before.account.account.key().equals(accountId)) {
        throw new BusinessRuleException("accountId", accountId, "must be the account " + paymentId
            + " was identified to before (" + before.account.account.key() + ")");
      }
      Money amount = Money.ofMinor(item.currency, item.open);
      List<JournalLine> lines = List.of(JournalLine.debit(LedgerAccount.unidentifiedCash(), amount)
          .withItemRef(paymentId), JournalLine.credit(LedgerAccount.unappliedCash(accountId), amount)
          .withItemRef(paymentId));
      return new Draft(EntryType.PAYMENT_IDENTIFIED, date, "Payment " + paymentId + " identified", lines, List.of(),
          attributes(LedgerAttributes.PAYMENT_ID, paymentId, LedgerAttributes.ACCOUNT_ID, accountId));
    });
  }

  /**
   * Applies an unapplied payment or credit to the customer's invoices, balance-forward or open-item; whatever is not
   * applied stays on the customer's unapplied cash (a credit balance).
   *
   * <p>PAY-7 (USD 50.00) balance-forward over INV-1 (due 03-01, open 30.00) and INV-2 (due 04-01, open 40.00):
   * {@code Dr UNAPPLIED_CASH:ACC-1 50.00 (PAY-7) / Cr RECEIVABLE:ACC-1 30.00 (INV-1) / Cr RECEIVABLE:ACC-1 20.00
   * (INV-2)}. Balance-forward takes open, undisputed items in the payment's currency that have not moved after the
   * application date, by due date, then issue date, then posting order, up to {@link PaymentApplication#maximum()}.
   * Open-item applies the amount given per invoice, or the lesser of its open amount and what is left.
   * {@link PostingResult#allocations()} lists what each invoice got.
   *
   * @param key the idempotency key, not null
   * @param application the application, not null
   * @return the posting, never null
   * @throws NotFoundException if the payment or an invoice is unknown
   * @throws BusinessRuleException if nothing is left of the payment, there is nothing to apply it to, an amount
   *     exceeds an invoice's open amount or the sum exceeds what is unapplied, an invoice belongs to another customer,
   *     or the date is too early
   * @throws CurrencyMismatchException if an invoice or amount is in another currency than the payment
   * @throws ConflictException if the key was used for a different request
   */
  public PostingResult applyPayment(String key, PaymentApplication application) {
    Objects.requireNonNull(application, "application");
    Canon c = Canon.of("applyPayment").add("paymentId", application.paymentId()).add("date", application.date())
        .add("mode", application.mode()).add("maximum", application.maximum());
    for (Allocation a : application.allocations()) {
      c.add("invoice", a.invoiceNumber()).add("amount", a.amount());
    }
    return post(key, c.digest(), s -> applicationDraft(s, application));
  }

  private static Draft applicationDraft(LedgerState s, PaymentApplication a) {
    String id = a.paymentId();
    Item source = s.items(AccountKind.UNAPPLIED_CASH).get(id);
    if (source == null) {
      throw new NotFoundException("paymentId", id, "must name a payment or credit of a customer");
    }
    if (source.open == 0) {
      throw new BusinessRuleException("paymentId", id, "must have an unapplied amount left");
    }
    Customer customer = Objects.requireNonNull(source.account.customer);
    CurrencyUnit cur = source.currency;
    int day = LedgerState.day(a.date());
    List<JournalLine> credits = new ArrayList<>();
    long left = source.open;
    if (a.mode() == ApplicationMode.BALANCE_FORWARD) {
      if (a.maximum().isPresent()) {
        Monies.requireCurrency("maximum", a.maximum().get(), cur);
        left = Math.min(left, a.maximum().get().getAmountMinorLong());
      }
      List<Item> candidates = new ArrayList<>();
      for (Item it : customer.receivables) {
        if (it.open > 0 && it.currency.equals(cur) && !it.disputed() && it.lastMoveDay <= day) {
          candidates.add(it);
        }
      }
      candidates.sort(Comparator.comparingInt((Item it) -> it.dueDay).thenComparingInt(it -> it.openedDay)
          .thenComparingLong(it -> it.openedBy));
      for (Item it : candidates) {
        if (left == 0) {
          break;
        }
        long x = Math.min(left, it.open);
        credits.add(line(it.account.account, EntrySide.CREDIT, Money.ofMinor(cur, x), it.ref));
        left -= x;
      }
      if (credits.isEmpty()) {
        throw new BusinessRuleException("paymentId", id, "must find an open undisputed item of " + customer.id
            + " in " + cur + " to apply to on " + a.date());
      }
    } else {
      long total = 0;
      for (int i = 0; i < a.allocations().size(); i++) {
        Allocation al = a.allocations().get(i);
        String f = "allocations[" + i + "]";
        Item it = requireInvoice(s, al.invoiceNumber(), f + ".invoiceNumber");
        requireOwner(it, customer.id, f + ".invoiceNumber");
        if (!it.currency.equals(cur)) {
          throw new CurrencyMismatchException(f + ".invoiceNumber", cur, it.currency, al.invoiceNumber());
        }
        long x;
        if (al.amount().isPresent()) {
          Monies.requireCurrency(f + ".amount", al.amount().get(), cur);
          x = al.amount().get().getAmountMinorLong();
          if (x > it.open) {
            throw new BusinessRuleException(f + ".amount", al.amount().get(), "must not exceed the open amount "
                + Money.ofMinor(cur, it.open) + " of " + it.ref);
          }
        } else {
          if (it.open == 0) {
            throw new BusinessRuleException(f + ".invoiceNumber", it.ref, "must have an open amount");
          }
          x = Math.min(it.open, Math.max(0, source.open - total));
        }
        total += x;
        if (x > 0) {
          credits.add(line(it.account.account, EntrySide.CREDIT, Money.ofMinor(cur, x), it.ref));
        }
      }
      if (total > source.open) {
        throw new BusinessRuleException("allocations", Money.ofMinor(cur, total), "must not exceed the unapplied "
            + "amount " + Money.ofMinor(cur, source.open) + " of " + id);
      }
      left = source.open - total;
      if (credits.isEmpty()) {
        throw new BusinessRuleException("paymentId", id, "must have an unapplied amount left");
      }
    }
    long applied = 0;
    for (JournalLine l : credits) {
      applied += l.amount().getAmountMinorLong();
    }
    List<JournalLine> lines = new ArrayList<>();
    lines.add(line(source.account.account, EntrySide.DEBIT, Money.ofMinor(cur, applied), id));
    lines.addAll(credits);
    return new Draft(EntryType.APPLICATION, a.date(), "Application of " + id, lines, List.of(),
        attributes(LedgerAttributes.PAYMENT_ID, id, LedgerAttributes.MODE, a.mode().name(),
            LedgerAttributes.ACCOUNT_ID, customer.id));
  }

  /**
   * Posts a billing adjustment: a positive amount charges the customer (a new receivable item), a negative one
   * credits an invoice or, without one, the customer's unapplied cash.
   *
   * <p>{@code +12.50 ADJ-3: Dr RECEIVABLE:ACC-1 12.50 (ADJ-3) / Cr ADJUSTMENTS 12.50}; {@code -12.50 on INV-42:
   * Dr ADJUSTMENTS 12.50 / Cr RECEIVABLE:ACC-1 12.50 (INV-42)}; {@code -12.50 without invoice: Dr ADJUSTMENTS 12.50 /
   * Cr UNAPPLIED_CASH:ACC-1 12.50 (ADJ-3)}.
   *
   * @param key the idempotency key, not null
   * @param adjustment the adjustment, not null
   * @return the posting, never null
   * @throws NotFoundException if the customer or invoice is unknown
   * @throws BusinessRuleException if the credit exceeds the invoice's open amount, the invoice belongs to another
   *     customer, or the date is too early
   * @throws CurrencyMismatchException if the invoice is in another currency
   * @throws ConflictException if the document number was already posted, or the key was used for a different request
   */
  public PostingResult adjust(String key, Adjustment adjustment) {
    Objects.requireNonNull(adjustment, "adjustment");
    Adjustment a = adjustment;
    String digest = Canon.of("adjust").add("documentNumber", a.documentNumber()).add("accountId", a.accountId())
        .add("amount", a.amount()).add("date", a.date()).add("dueDate", a.dueDate())
        .add("invoiceNumber", a.invoiceNumber()).add("reason", a.reason()).digest();
    return post(key, digest, s -> {
      requireCustomer(s, a.accountId(), "accountId");
      Money amount = a.amount().abs();
      List<JournalLine> lines = new ArrayList<>();
      if (a.amount().isPositive()) {
        requireNewDocument(s, a.documentNumber(), "documentNumber");
        lines.add(JournalLine.debit(LedgerAccount.receivable(a.accountId()), amount).withItemRef(a.documentNumber())
            .withDueDate(a.dueDate().orElse(a.date())));
        lines.add(JournalLine.credit(LedgerAccount.adjustments(), amount));
      } else if (a.invoiceNumber().isPresent()) {
        Item it = requireInvoice(s, a.invoiceNumber().get(), "invoiceNumber");
        requireOwner(it, a.accountId(), "invoiceNumber");
        if (!it.currency.equals(amount.getCurrencyUnit())) {
          throw new CurrencyMismatchException("amount", it.currency, amount.getCurrencyUnit(), a.amount());
        }
        if (amount.getAmountMinorLong() > it.open) {
          throw new BusinessRuleException("amount", a.amount(), "must not exceed the open amount "
              + Money.ofMinor(it.currency, it.open) + " of " + it.ref);
        }
        lines.add(JournalLine.debit(LedgerAccount.adjustments(), amount));
        lines.add(JournalLine.credit(it.account.account, amount).withItemRef(it.ref));
      } else {
        requireNewDocument(s, a.documentNumber(), "documentNumber");
        lines.add(JournalLine.debit(LedgerAccount.adjustments(), amount));
        lines.add(JournalLine.credit(LedgerAccount.unappliedCash(a.accountId()), amount)
            .withItemRef(a.documentNumber()));
      }
      SortedMap<String, String> attributes = attributes(LedgerAttributes.ACCOUNT_ID, a.accountId(),
          LedgerAttributes.DOCUMENT, a.documentNumber(), LedgerAttributes.REASON, a.reason());
      a.invoiceNumber().ifPresent(n -> attributes.put(LedgerAttributes.INVOICE_NUMBER, n));
      return new Draft(EntryType.ADJUSTMENT, a.date(), "Adjustment " + a.documentNumber(), lines, List.of(),
          attributes);
    });
  }

  /**
   * Writes off (part of) an invoice as bad debt.
   *
   * <p>{@code Dr WRITE_OFF_EXPENSE 57.33 / Cr RECEIVABLE:ACC-1 57.33 (INV-42)}.
   *
   * @param key the idempotency key, not null
   * @param writeOff the write-off, not null
   * @return the posting, never null
   * @throws NotFoundException if the invoice is unknown
   * @throws BusinessRuleException if nothing is open, the amount exceeds the open amount, or the date is too early
   * @throws CurrencyMismatchException if the amount is in another currency than the invoice
   * @throws ConflictException if the key was used for a different request
   */
  public PostingResult writeOff(String key, WriteOff writeOff) {
    Objects.requireNonNull(writeOff, "writeOff");
    String digest = Canon.of("writeOff").add("invoiceNumber", writeOff.invoiceNumber()).add("date", writeOff.date())
        .add("amount", writeOff.amount()).add("reason", writeOff.reason()).digest();
    return post(key, digest, s -> {
      Item it = requireInvoice(s, writeOff.invoiceNumber(), "invoiceNumber");
      if (it.open == 0) {
        throw new BusinessRuleException("invoiceNumber", it.ref, "must have an open amount to write off");
      }
      long amount = it.open;
      if (writeOff.amount().isPresent()) {
        Money m = writeOff.amount().get();
        if (!m.getCurrencyUnit().equals(it.currency)) {
          throw new CurrencyMismatchException("amount", it.currency, m.getCurrencyUnit(), m);
        }
        if (m.getAmountMinorLong() > it.open) {
          throw new BusinessRuleException("amount", m, "must not exceed the open amount "
              + Money.ofMinor(it.currency, it.open) + " of " + it.ref);
        }
        amount = m.getAmountMinorLong();
      }
      Money m = Money.ofMinor(it.currency, amount);
      List<JournalLine> lines = List.of(JournalLine.debit(LedgerAccount.writeOffExpense(), m),
          JournalLine.credit(it.account.account, m).withItemRef(it.ref));
      return new Draft(EntryType.WRITE_OFF, writeOff.date(), "Write-off of " + it.ref, lines, List.of(),
          attributes(LedgerAttributes.ACCOUNT_ID, it.account.account.key(), LedgerAttributes.INVOICE_NUMBER, it.ref,
              LedgerAttributes.REASON, writeOff.reason()));
    });
  }

  /**
   * Charges a customer a late fee by policy, as a new receivable item named by the key; posts nothing when no fee is
   * due.
   *
   * <p>ACC-1 owes USD 1,000.00 more than the grace days past due; at 1.5%: {@code Dr RECEIVABLE:ACC-1 15.00
   * (key, due asOf + netDays) / Cr LATE_FEE_INCOME 15.00}. See {@link LateFeePolicy} for what counts as overdue. The
   * overdue amount is taken as of {@code asOf}, which is also the entry's date.
   *
   * @param key the idempotency key and the fee's item number, not null
   * @param accountId the customer account, not null
   * @param asOf the assessment date, not null
   * @param policy the policy, not null
   * @return the posting, or empty when no fee is due (nothing is recorded then)
   * @throws NotFoundException if the customer is unknown
   * @throws ConflictException if the key is already an item number, or was used for a different request
   * @throws BusinessRuleException if the date is in a closed period
   */
  public Optional<PostingResult> assessLateFee(String key, String accountId, LocalDate asOf, LateFeePolicy policy) {
    Names.name(accountId, "accountId");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(policy, "policy");
    String digest = Canon.of("assessLateFee").add("accountId", accountId).add("asOf", asOf)
        .add("currency", policy.currency()).add("rate", policy.rate().toPlainString()).add("flatFee", policy.flatFee())
        .add("minimumOverdue", policy.minimumOverdue()).add("graceDays", policy.graceDays())
        .add("netDays", policy.netDays()).add("roundingMode", policy.roundingMode()).digest();
    return Optional.ofNullable(submit(key, digest, s -> {
      Customer c = requireCustomer(s, accountId, "accountId");
      int day = LedgerState.day(asOf);
      long base = 0;
      for (Item it : c.receivables) {
        if (it.currency.equals(policy.currency()) && it.origin != EntryType.LATE_FEE && it.openedDay <= day
            && (long) day - it.dueDay > policy.graceDays() && !it.disputedAsOf(day)) {
          base += it.openAsOf(day);
        }
      }
      Money overdue = Money.ofMinor(policy.currency(), base);
      Money fee = policy.feeOn(overdue);
      if (fee.isZero()) {
        return null;
      }
      requireNewDocument(s, key, "key");
      List<JournalLine> lines = List.of(JournalLine.debit(LedgerAccount.receivable(accountId), fee).withItemRef(key)
          .withDueDate(asOf.plusDays(policy.netDays())), JournalLine.credit(LedgerAccount.lateFeeIncome(), fee));
      return new Draft(EntryType.LATE_FEE, asOf, "Late fee " + key, lines, List.of(),
          attributes(LedgerAttributes.ACCOUNT_ID, accountId, LedgerAttributes.DOCUMENT, key, LedgerAttributes.BASE,
              overdue.toString(), LedgerAttributes.RATE, policy.rate().toPlainString()));
    }));
  }

  /**
   * Assesses late fees for every customer, in one batch: customer {@code ACC-1} gets key {@code keyPrefix + "ACC-1"}.
   *
   * @param keyPrefix the key prefix, for example {@code "late-fee/2024-06/"}, not null
   * @param asOf the assessment date, not null
   * @param policy the policy, not null
   * @return the fees posted (or replayed), by customer in ledger order, never null
   * @throws ValidationException if a key would be invalid (too long)
   * @throws ConflictException if a key was used for a different request
   * @throws BusinessRuleException if the date is in a closed period
   */
  public List<PostingResult> assessLateFees(String keyPrefix, LocalDate asOf, LateFeePolicy policy) {
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    List<String> ids = new ArrayList<>();
    lock.readLock().lock();
    try {
      state.customerList.forEach(c -> ids.add(c.id));
    } finally {
      lock.readLock().unlock();
    }
    List<PostingResult> out = new ArrayList<>();
    batch(() -> ids.forEach(id -> assessLateFee(keyPrefix + id, id, asOf, policy).ifPresent(out::add)));
    return out;
  }

  /**
   * Approves a refund of (part of) a customer's credit balance: the customer's credits, oldest first, move to
   * refunds payable.
   *
   * <p>{@code Dr UNAPPLIED_CASH:ACC-1 15.00 (PAY-7) / Cr REFUNDS_PAYABLE 15.00 (RF-1)}. Pay it out with
   * {@link #payRefund}.
   *
   * @param key the idempotency key, not null
   * @param refund the refund, not null
   * @return the posting, never null
   * @throws NotFoundException if the customer is unknown
   * @throws BusinessRuleException if the amount exceeds the customer's credit balance in its currency (counting
   *     credits not moved after the date), or the date is in a closed period
   * @throws ConflictException if the refund id was already used, or the key was used for a different request
   */
  public PostingResult refund(String key, Refund refund) {
    Objects.requireNonNull(refund, "refund");
    String digest = Canon.of("refund").add("refundId", refund.refundId()).add("accountId", refund.accountId())
        .add("amount", refund.amount()).add("date", refund.date()).add("reason", refund.reason()).digest();
    return post(key, digest, s -> {
      Customer c = requireCustomer(s, refund.accountId(), "accountId");
      Item used = s.items(AccountKind.REFUNDS_PAYABLE).get(refund.refundId());
      if (used != null) {
        throw new ConflictException("refundId", refund.refundId(), "must not have been used before (entry #"
            + used.openedBy + ")");
      }
      CurrencyUnit cur = refund.amount().getCurrencyUnit();
      int day = LedgerState.day(refund.date());
      long available = 0;
      for (Item it : c.credits) {
        if (it.currency.equals(cur) && it.lastMoveDay <= day) {
          available += it.open;
        }
      }
      long want = refund.amount().getAmountMinorLong();
      if (want > available) {
        throw new BusinessRuleException("amount", refund.amount(), "must not exceed the credit balance "
            + Money.ofMinor(cur, available) + " of " + c.id);
      }
      List<JournalLine> lines = new ArrayList<>();
      for (Item it : c.credits) {
        if (want == 0) {
          break;
        }
        if (it.currency.equals(cur) && it.lastMoveDay <= day && it.open > 0) {
          long x = Math.min(want, it.open);
          lines.add(JournalLine.debit(it.account.account, Money.ofMinor(cur, x)).withItemRef(it.ref));
          want -= x;
        }
      }
      lines.add(JournalLine.credit(LedgerAccount.refundsPayable(), refund.amount()).withItemRef(refund.refundId()));
      return new Draft(EntryType.REFUND, refund.date(), "Refund " + refund.refundId(), lines, List.of(),
          attributes(LedgerAttributes.ACCOUNT_ID, c.id, LedgerAttributes.REFUND_ID, refund.refundId(),
              LedgerAttributes.REASON, refund.reason()));
    });
  }

  /**
   * Pays out an approved refund: refunds payable against cash by method.
   *
   * <p>{@code Dr REFUNDS_PAYABLE 15.00 (RF-1) / Cr CASH:EFT 15.00}.
   *
   * @param key the idempotency key, not null
   * @param refundId the refund, not null
   * @param method how it is paid, not null
   * @param date the effective date, not null
   * @param externalReference the bank or cheque reference, not null
   * @return the posting, never null
   * @throws NotFoundException if the refund is unknown
   * @throws BusinessRuleException if it is already paid, or the date is too early
   * @throws ConflictException if the key was used for a different request
   */
  public PostingResult payRefund(String key, String refundId, PaymentMethod method, LocalDate date,
      String externalReference) {
    Names.name(refundId, "refundId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(date, "date");
    Names.name(externalReference, "externalReference");
    String digest = Canon.of("payRefund").add("refundId", refundId).add("method", method).add("date", date)
        .add("externalReference", externalReference).digest();
    return post(key, digest, s -> {
      Item it = s.items(AccountKind.REFUNDS_PAYABLE).get(refundId);
      if (it == null) {
        throw new NotFoundException("refundId", refundId, "must name an approved refund");
      }
      if (it.open == 0) {
        throw new BusinessRuleException("refundId", refundId, "must have an unpaid amount");
      }
      Money m = Money.ofMinor(it.currency, it.open);
      List<JournalLine> lines = List.of(JournalLine.debit(LedgerAccount.refundsPayable(), m).withItemRef(refundId),
          JournalLine.credit(LedgerAccount.cash(method), m));
      return new Draft(EntryType.REFUND_PAID, date, "Refund " + refundId + " paid", lines, List.of(),
          attributes(LedgerAttributes.REFUND_ID, refundId, LedgerAttributes.METHOD, method.name(),
              LedgerAttributes.EXTERNAL_REFERENCE, externalReference));
    });
  }

  /**
   * Reverses a financial entry with its exact mirror (every line on the other side), once.
   *
   * <p>Reversing payment #7 ({@code Dr CASH:CHEQUE 50.00 / Cr UNAPPLIED_CASH:ACC-1 50.00 (PAY-7)}) posts
   * {@code Dr UNAPPLIED_CASH:ACC-1 50.00 (PAY-7) / Cr CASH:CHEQUE 50.00}. The mirror must obey the item rules: a
   * payment already applied must have its application reversed first.
   *
   * @param key the idempotency key, not null
   * @param sequence the entry to reverse, not null
   * @param date the effective date, not before the reversed entry's, not null
   * @param reason why, not null
   * @return the posting, never null
   * @throws NotFoundException if there is no such entry
   * @throws BusinessRuleException if the entry is a memo, a reversal, already reversed, dated later, or its mirror
   *     would settle more than is open
   * @throws ConflictException if the key was used for a different request
   */
  public PostingResult reverse(String key, long sequence, LocalDate date, String reason) {
    Objects.requireNonNull(date, "date");
    Names.text(reason, "reason");
    String digest = Canon.of("reverse").add("sequence", sequence).add("date", date).add("reason", reason).digest();
    return post(key, digest, s -> {
      s.checkReversible(sequence, date);
      JournalEntry target = readEntry(sequence);
      return new Draft(EntryType.REVERSAL, date, "Reversal of #" + sequence, mirror(target.lines()), List.of(),
          attributes(LedgerAttributes.REVERSES, Long.toString(sequence), LedgerAttributes.REASON, reason));
    });
  }

  private static List<JournalLine> mirror(List<JournalLine> lines) {
    List<JournalLine> out = new ArrayList<>(lines.size());
    for (JournalLine l : lines) {
      EntrySide side = l.side() == EntrySide.DEBIT ? EntrySide.CREDIT : EntrySide.DEBIT;
      JournalLine m = JournalLine.of(l.account(), side, l.amount());
      out.add(l.itemRef().isPresent() ? m.withItemRef(l.itemRef().get()) : m);
    }
    return out;
  }

  /**
   * Reverses an invoice (cancels it) with the mirror of its invoice entry; nothing may have been applied, credited or
   * written off on it.
   *
   * @param key the idempotency key, not null
   * @param invoiceNumber the invoice, not null
   * @param date the effective date, not before the invoice's, not null
   * @param reason why, not null
   * @return the posting, never null
   * @throws NotFoundException if the invoice is unknown
   * @throws BusinessRuleException if it was not issued by {@link #issueInvoice}, has been partly settled, was
   *     already reversed, or the date is too early
   * @throws ConflictException if the key was used for a different request
   */
  public PostingResult reverseInvoice(String key, String invoiceNumber, LocalDate date, String reason) {
    Names.name(invoiceNumber, "invoiceNumber");
    Objects.requireNonNull(date, "date");
    Names.text(reason, "reason");
    String digest = Canon.of("reverseInvoice").add("invoiceNumber", invoiceNumber).add("date", date)
        .add("reason", reason).digest();
    return post(key, digest, s -> {
      Item it = invoiceToCancel(s, invoiceNumber, date);
      JournalEntry original = readEntry(it.openedBy);
      return new Draft(EntryType.REVERSAL, date, "Reversal of invoice " + invoiceNumber, mirror(original.lines()),
          List.of(), attributes(LedgerAttributes.REVERSES, Long.toString(it.openedBy),
              LedgerAttributes.INVOICE_NUMBER, invoiceNumber, LedgerAttributes.ACCOUNT_ID,
              it.account.account.key(), LedgerAttributes.REASON, reason));
    });
  }

  private static Item invoiceToCancel(LedgerState s, String number, LocalDate date) {
    Item it = s.receivable(number);
    if (it == null) {
      it = s.items(AccountKind.UNAPPLIED_CASH).get(number);
    }
    if (it == null || (it.origin != EntryType.INVOICE && it.origin != EntryType.REBILL)) {
      throw new NotFoundException("invoiceNumber", number, "must name an invoice of this ledger");
    }
    if (s.typeOf(it.openedBy) != EntryType.INVOICE) {
      throw new BusinessRuleException("invoiceNumber", number, "must have been issued by issueInvoice (it came from "
          + s.typeOf(it.openedBy) + ")");
    }
    Long by = s.reversedBy.get(it.openedBy);
    if (by != null) {
      throw new BusinessRuleException("invoiceNumber", number, "must not be cancelled already (by #" + by + ")");
    }
    if (it.open != it.original) {
      throw new BusinessRuleException("invoiceNumber", number, "must have nothing applied, credited or written off "
          + "(open " + Money.ofMinor(it.currency, it.open) + " of " + Money.ofMinor(it.currency, it.original) + ")");
    }
    s.checkReversible(it.openedBy, date);
    return it;
  }

  /**
   * Cancels an invoice and issues its replacement in one entry: the mirror of the old invoice entry plus the new
   * invoice's lines, effective on the replacement's issue date.
   *
   * <p>INV-42 (USD 107.33) rebilled as INV-42R (USD 100.00): {@code Cr RECEIVABLE:ACC-1 107.33 (INV-42) / Dr
   * REVENUE:ENERGY 90.00 / … / Dr RECEIVABLE:ACC-1 100.00 (INV-42R) / Cr REVENUE:ENERGY 85.00 / …}. The old invoice
   * must be untouched, as for {@link #reverseInvoice}.
   *
   * @param key the idempotency key, not null
   * @param invoiceNumber the invoice to cancel, not null
   * @param replacement the new invoice, same account and currency, new number, not null
   * @param reason why, not null
   * @return the posting, never null
   * @throws NotFoundException if the invoice is unknown
   * @throws BusinessRuleException as for {@link #reverseInvoice}, or if the replacement is for another account
   * @throws CurrencyMismatchException if the replacement is in another currency
   * @throws ConflictException if the replacement's number was already posted, or the key was used for a different
   *     request
   */
  public PostingResult cancelAndRebill(String key, String invoiceNumber, Invoice replacement, String reason) {
    Names.name(invoiceNumber, "invoiceNumber");
    Objects.requireNonNull(replacement, "replacement");
    requirePostable(replacement, "replacement");
    Names.name(replacement.number(), "replacement.number");
    Names.text(reason, "reason");
    String digest = Canon.of("cancelAndRebill").add("invoiceNumber", invoiceNumber)
        .invoice("replacement", replacement).add("reason", reason).digest();
    return post(key, digest, s -> {
      Item it = invoiceToCancel(s, invoiceNumber, replacement.issueDate());
      String owner = it.account.account.key();
      if (!owner.equals(replacement.accountId())) {
        throw new BusinessRuleException("replacement.accountId", replacement.accountId(),
            "must be the cancelled invoice's account " + owner);
      }
      if (!it.currency.equals(replacement.currency())) {
        throw new CurrencyMismatchException("replacement.currency", it.currency, replacement.currency(),
            replacement.currency());
      }
      requireNewDocument(s, replacement.number(), "replacement.number");
      List<JournalLine> lines = mirror(readEntry(it.openedBy).lines());
      addInvoiceLines(lines, replacement);
      return new Draft(EntryType.REBILL, replacement.issueDate(), "Invoice " + invoiceNumber + " rebilled as "
          + replacement.number(), lines, List.of(), attributes(LedgerAttributes.REVERSES,
              Long.toString(it.openedBy), LedgerAttributes.REPLACES, invoiceNumber, LedgerAttributes.DOCUMENT,
              replacement.number(), LedgerAttributes.ACCOUNT_ID, owner, LedgerAttributes.REASON, reason));
    });
  }

  /**
   * Opens a dispute on an invoice: it is shown apart in aging, skipped by balance-forward application, late fees and
   * dunning until resolved. A memo entry; no money moves.
   *
   * @param key the idempotency key, not null
   * @param invoiceNumber the invoice, not null
   * @param date the effective date, not null
   * @param reason the customer's complaint, not null
   * @return the posting, never null
   * @throws NotFoundException if the invoice is unknown
   * @throws BusinessRuleException if nothing is open, it is already in dispute, or the date is too early
   * @throws ConflictException if the key was used for a different request
   */
  public PostingResult openDispute(String key, String invoiceNumber, LocalDate date, String reason) {
    return dispute(key, invoiceNumber, date, reason, EntryType.DISPUTE_OPENED);
  }

  /**
   * Resolves a dispute on an invoice (the invoice is collectable again; credit it separately if the customer was
   * right). A memo entry.
   *
   * @param key the idempotency key, not null
   * @param invoiceNumber the invoice, not null
   * @param date the effective date, not null
   * @param resolution how it was resolved, not null
   * @return the posting, never null
   * @throws NotFoundException if the invoice is unknown
   * @throws BusinessRuleException if it is not in dispute, or the date is too early
   * @throws ConflictException if the key was used for a different request
   */
  public PostingResult resolveDispute(String key, String invoiceNumber, LocalDate date, String resolution) {
    return dispute(key, invoiceNumber, date, resolution, EntryType.DISPUTE_RESOLVED);
  }

  private PostingResult dispute(String key, String invoiceNumber, LocalDate date, String reason, EntryType type) {
    Names.name(invoiceNumber, "invoiceNumber");
    Objects.requireNonNull(date, "date");
    Names.text(reason, "reason");
    String digest = Canon.of(type.name()).add("invoiceNumber", invoiceNumber).add("date", date)
        .add("reason", reason).digest();
    return post(key, digest, s -> {
      Item it = requireInvoice(s, invoiceNumber, "invoiceNumber");
      if (type == EntryType.DISPUTE_OPENED) {
        if (it.disputed()) {
          throw new BusinessRuleException("invoiceNumber", invoiceNumber, "must not be in dispute already");
        }
        if (it.open == 0) {
          throw new BusinessRuleException("invoiceNumber", invoiceNumber, "must have an open amount to dispute");
        }
      } else if (!it.disputed()) {
        throw new BusinessRuleException("invoiceNumber", invoiceNumber, "must be in dispute");
      }
      ItemNote note = ItemNote.of(it.account.account, it.ref, Money.ofMinor(it.currency, it.open), 0);
      String what = type == EntryType.DISPUTE_OPENED ? "Dispute opened on " : "Dispute resolved on ";
      return new Draft(type, date, what + invoiceNumber, List.of(), List.of(note),
          attributes(LedgerAttributes.INVOICE_NUMBER, invoiceNumber, LedgerAttributes.ACCOUNT_ID,
              it.account.account.key(), LedgerAttributes.REASON, reason));
    });
  }

  /**
   * Runs dunning as of a day and records the notices in the journal, so that no item gets the same level twice.
   *
   * <p>For each customer, each open undisputed item in the policy's currency reaches the highest level whose
   * {@code daysPastDue + graceDays} it has passed; items that reached a level above the one they were last dunned at
   * are grouped per level into a notice, which is issued when its total is at least the level's minimum amount (an
   * item left out may join a later notice). The run is one memo entry effective on {@code asOf}; a retry with the same
   * key returns the same notices.
   *
   * @param key the idempotency key, not null
   * @param asOf the run's date, not null
   * @param policy the policy, not null
   * @return the run, never null
   * @throws BusinessRuleException if the date is in a closed period
   * @throws ConflictException if the key was used for a different request
   */
  public DunningRun runDunning(String key, LocalDate asOf, DunningPolicy policy) {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(policy, "policy");
    Canon c = Canon.of("runDunning").add("asOf", asOf).add("currency", policy.currency())
        .add("graceDays", policy.graceDays());
    for (DunningLevel l : policy.levels()) {
      c.add("level", l.level()).add("name", l.name()).add("days", l.daysPastDue()).add("minimum", l.minimumAmount());
    }
    PostingResult r = post(key, c.digest(), s -> dunningDraft(s, asOf, policy));
    lock.readLock().lock();
    try {
      return DunningRun.builder().asOf(r.entry().effectiveDate()).notices(notices(r.entry())).posting(r).build();
    } finally {
      lock.readLock().unlock();
    }
  }

  private static Draft dunningDraft(LedgerState s, LocalDate asOf, DunningPolicy policy) {
    int day = LedgerState.day(asOf);
    List<ItemNote> notes = new ArrayList<>();
    List<DunningLevel> levels = policy.levels();
    for (Customer c : s.customerList) {
      List<List<Item>> byLevel = new ArrayList<>();
      for (int i = 0; i < levels.size(); i++) {
        byLevel.add(new ArrayList<>());
      }
      for (Item it : c.receivables) {
        if (!it.currency.equals(policy.currency()) || it.openedDay > day || it.disputedAsOf(day)
            || it.openAsOf(day) == 0) {
          continue;
        }
        long pastDue = (long) day - it.dueDay - policy.graceDays();
        int reached = 0;
        for (DunningLevel l : levels) {
          if (pastDue >= l.daysPastDue()) {
            reached = l.level();
          }
        }
        if (reached > it.dunningLevel) {
          byLevel.get(reached - 1).add(it);
        }
      }
      for (int i = 0; i < levels.size(); i++) {
        List<Item> items = byLevel.get(i);
        long total = 0;
        for (Item it : items) {
          total += it.openAsOf(day);
        }
        if (items.isEmpty() || total < levels.get(i).minimumAmount().getAmountMinorLong()) {
          continue;
        }
        items.sort(Comparator.comparingInt((Item it) -> it.dueDay).thenComparingLong(it -> it.openedBy));
        for (Item it : items) {
          notes.add(ItemNote.of(it.account.account, it.ref, Money.ofMinor(it.currency, it.openAsOf(day)),
              levels.get(i).level()));
        }
      }
    }
    SortedMap<String, String> attributes = new TreeMap<>();
    for (DunningLevel l : levels) {
      attributes.put(LedgerAttributes.LEVEL_PREFIX + l.level(), l.name());
    }
    return new Draft(EntryType.DUNNING_RUN, asOf, "Dunning run " + asOf, List.of(), notes, attributes);
  }

  /** The notices recorded by a dunning-run entry (notes grouped by customer and level). */
  private List<DunningNotice> notices(JournalEntry run) {
    List<DunningNotice> out = new ArrayList<>();
    int day = LedgerState.day(run.effectiveDate());
    DunningNotice.Builder current = null;
    String currentKey = "";
    Money total = null;
    for (ItemNote n : run.notes()) {
      String k = n.account().key() + "\u0000" + n.level();
      if (current == null || !k.equals(currentKey)) {
        if (current != null) {
          out.add(current.total(Objects.requireNonNull(total)).build());
        }
        current = DunningNotice.builder().accountId(n.account().key()).level(n.level())
            .levelName(run.attribute(LedgerAttributes.LEVEL_PREFIX + n.level()).orElse("Level " + n.level()));
        currentKey = k;
        total = Money.zero(n.amount().getCurrencyUnit());
      }
      Item it = Objects.requireNonNull(state.receivable(n.itemRef()));
      current.addItem(DunningItem.of(n.itemRef(), LedgerState.date(it.dueDay), (long) day - it.dueDay, n.amount()));
      total = Objects.requireNonNull(total).plus(n.amount());
    }
    if (current != null) {
      out.add(current.total(Objects.requireNonNull(total)).build());
    }
    return out;
  }

  /**
   * Closes the books through a day: from then on nothing may be posted effective on or before it. A memo entry.
   *
   * @param key the idempotency key, not null
   * @param closedThrough the last day of the closed period, not null
   * @return the posting, never null
   * @throws BusinessRuleException if a later day is already closed
   * @throws ConflictException if the key was used for a different request
   */
  public PostingResult closePeriod(String key, LocalDate closedThrough) {
    Objects.requireNonNull(closedThrough, "closedThrough");
    String digest = Canon.of("closePeriod").add("closedThrough", closedThrough).digest();
    return post(key, digest, s -> {
      if (LedgerState.day(closedThrough) <= s.closedThrough) {
        throw new BusinessRuleException("closedThrough", closedThrough, "must be after the period already closed "
            + "through " + LedgerState.date(s.closedThrough));
      }
      return new Draft(EntryType.PERIOD_CLOSED, closedThrough, "Period closed through " + closedThrough, List.of(),
          List.of(), attributes(LedgerAttributes.CLOSED_THROUGH, closedThrough.toString()));
    });
  }

  /**
   * Opens a customer account before its first invoice (for a prepayment, say). Invoices open accounts themselves.
   *
   * @param key the idempotency key, not null
   * @param accountId the customer account id, not null
   * @param date the effective date, not null
   * @return the posting, never null
   * @throws ConflictException if the account is already open, or the key was used for a different request
   * @throws BusinessRuleException if the date is in a closed period
   */
  public PostingResult openCustomer(String key, String accountId, LocalDate date) {
    Names.name(accountId, "accountId");
    Objects.requireNonNull(date, "date");
    String digest = Canon.of("openCustomer").add("accountId", accountId).add("date", date).digest();
    return post(key, digest, s -> new Draft(EntryType.CUSTOMER_OPENED, date, "Customer account " + accountId
        + " opened", List.of(), List.of(), attributes(LedgerAttributes.ACCOUNT_ID, accountId)));
  }

  private static SortedMap<String, String> attributes(String... namesAndValues) {
    SortedMap<String, String> m = new TreeMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return m;
  }

  // ---------------------------------------------------------------------------------------------- queries

  private <T> T read(java.util.function.Supplier<T> query) {
    lock.readLock().lock();
    try {
      return query.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * An account's balance at the end of a day, debits positive.
   *
   * <p>{@code balance(LedgerAccount.receivable("ACC-1"), USD, 2024-05-31)} is what ACC-1's invoices have open;
   * {@code balance(LedgerAccount.cash(CARD), USD, …)} the card receipts. An account that never moved has zero.
   *
   * @param account the account, not null
   * @param currency the currency, not null
   * @param asOf the day, not null
   * @return the balance, never null
   */
  public Money balance(LedgerAccount account, CurrencyUnit currency, LocalDate asOf) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(currency, "currency");
    int day = LedgerState.day(Objects.requireNonNull(asOf, "asOf"));
    return read(() -> Money.ofMinor(currency, state.balance(account, currency, day)));
  }

  /**
   * An account's balances in every currency it has moved in, at the end of a day.
   *
   * @param account the account, not null
   * @param asOf the day, not null
   * @return currency to balance (debits positive), by currency code, never null
   */
  public Map<CurrencyUnit, Money> balances(LedgerAccount account, LocalDate asOf) {
    Objects.requireNonNull(account, "account");
    int day = LedgerState.day(Objects.requireNonNull(asOf, "asOf"));
    return read(() -> {
      Map<CurrencyUnit, Money> out = new TreeMap<>();
      AccountState as = state.accounts.get(account);
      if (as != null) {
        for (int i = 0; i < as.balances.size(); i++) {
          out.put(as.balances.currency(i), Money.ofMinor(as.balances.currency(i), as.balances.at(i).asOf(day)));
        }
      }
      return Map.copyOf(out);
    });
  }

  /**
   * The sum of the balances of every account of a kind, at the end of a day, debits positive.
   *
   * @param kind the kind, not null
   * @param currency the currency, not null
   * @param asOf the day, not null
   * @return the total, never null
   */
  public Money total(AccountKind kind, CurrencyUnit currency, LocalDate asOf) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(currency, "currency");
    int day = LedgerState.day(Objects.requireNonNull(asOf, "asOf"));
    return read(() -> Money.ofMinor(currency, state.kindTotal(kind).asOf(currency, day)));
  }

  /**
   * The AR control balance: all customer receivables, at the end of a day. It always equals the sum of the open
   * receivable items ({@link #openItems(LocalDate)}).
   *
   * @param currency the currency, not null
   * @param asOf the day, not null
   * @return the balance, never null
   */
  public Money arControl(CurrencyUnit currency, LocalDate asOf) {
    return total(AccountKind.RECEIVABLE, currency, asOf);
  }

  /**
   * What a customer owes at the end of a day: receivables less unapplied cash and credits; negative is a credit
   * balance.
   *
   * @param accountId the customer account, not null
   * @param currency the currency, not null
   * @param asOf the day, not null
   * @return the balance, never null (zero for an unknown customer)
   */
  public Money customerBalance(String accountId, CurrencyUnit currency, LocalDate asOf) {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(currency, "currency");
    int day = LedgerState.day(Objects.requireNonNull(asOf, "asOf"));
    return read(() -> Money.ofMinor(currency, customerBalance(accountId, currency, day)));
  }

  private long customerBalance(String accountId, CurrencyUnit currency, int day) {
    if (!state.customers.containsKey(accountId)) {
      return 0;
    }
    return state.balance(LedgerAccount.receivable(accountId), currency, day)
        + state.balance(LedgerAccount.unappliedCash(accountId), currency, day);
  }

  /**
   * The balance of every cash/bank account (one per payment method) at the end of a day, debits positive.
   *
   * @param currency the currency, not null
   * @param asOf the day, not null
   * @return method to balance, every method present, never null
   */
  public Map<PaymentMethod, Money> cashBalances(CurrencyUnit currency, LocalDate asOf) {
    Objects.requireNonNull(currency, "currency");
    int day = LedgerState.day(Objects.requireNonNull(asOf, "asOf"));
    return read(() -> {
      Map<PaymentMethod, Money> out = new EnumMap<>(PaymentMethod.class);
      for (PaymentMethod m : PaymentMethod.values()) {
        out.put(m, Money.ofMinor(currency, state.balance(LedgerAccount.cash(m), currency, day)));
      }
      return java.util.Collections.unmodifiableMap(out);
    });
  }

  /**
   * The trial balance at the end of a day: every account with a non-zero balance, per currency, debits positive; the
   * balances of each currency sum to zero.
   *
   * @param asOf the day, not null
   * @return the lines, by account then currency code, never null
   */
  public List<TrialBalanceLine> trialBalance(LocalDate asOf) {
    int day = LedgerState.day(Objects.requireNonNull(asOf, "asOf"));
    return read(() -> {
      List<TrialBalanceLine> out = new ArrayList<>();
      for (AccountState as : state.accounts.values()) {
        for (int i = 0; i < as.balances.size(); i++) {
          long b = as.balances.at(i).asOf(day);
          if (b != 0) {
            out.add(TrialBalanceLine.of(as.account, Money.ofMinor(as.balances.currency(i), b)));
          }
        }
      }
      out.sort(Comparator.comparing(TrialBalanceLine::account, ACCOUNT_ORDER)
          .thenComparing(l -> l.balance().getCurrencyUnit().getCode()));
      return List.copyOf(out);
    });
  }

  /**
   * The open receivable items of every customer at the end of a day (invoices, late fees, positive adjustments with
   * something open), in posting order. Their sum per currency is {@link #arControl}.
   *
   * @param asOf the day, not null
   * @return the items, never null
   */
  public List<OpenItem> openItems(LocalDate asOf) {
    int day = LedgerState.day(Objects.requireNonNull(asOf, "asOf"));
    return read(() -> open(state.receivables, day));
  }

  /**
   * One customer's open receivable items at the end of a day, in posting order.
   *
   * @param accountId the customer account, not null
   * @param asOf the day, not null
   * @return the items, never null (empty for an unknown customer)
   */
  public List<OpenItem> openItems(String accountId, LocalDate asOf) {
    Objects.requireNonNull(accountId, "accountId");
    int day = LedgerState.day(Objects.requireNonNull(asOf, "asOf"));
    return read(() -> {
      Customer c = state.customers.get(accountId);
      return c == null ? List.of() : open(c.receivables, day);
    });
  }

  /**
   * One customer's unapplied payments and credits at the end of a day (what is left of each), in posting order:
   * their sum is the customer's credit balance.
   *
   * @param accountId the customer account, not null
   * @param asOf the day, not null
   * @return the credits, never null
   */
  public List<OpenItem> openCredits(String accountId, LocalDate asOf) {
    Objects.requireNonNull(accountId, "accountId");
    int day = LedgerState.day(Objects.requireNonNull(asOf, "asOf"));
    return read(() -> {
      Customer c = state.customers.get(accountId);
      return c == null ? List.of() : open(c.credits, day);
    });
  }

  /**
   * Payments from unknown payers still unassigned at the end of a day, in posting order.
   *
   * @param asOf the day, not null
   * @return the payments, never null
   */
  public List<OpenItem> unidentifiedPayments(LocalDate asOf) {
    int day = LedgerState.day(Objects.requireNonNull(asOf, "asOf"));
    return read(() -> open(state.unidentified, day));
  }

  private static List<OpenItem> open(List<Item> items, int day) {
    List<OpenItem> out = new ArrayList<>();
    for (Item it : items) {
      if (it.openedDay <= day && it.openAsOf(day) != 0) {
        out.add(view(it, day));
      }
    }
    return List.copyOf(out);
  }

  private static OpenItem view(Item it, int day) {
    return OpenItem.builder().number(it.ref).account(it.account.account).currency(it.currency)
        .issueDate(LedgerState.date(it.openedDay)).dueDate(LedgerState.date(it.dueDay))
        .originalAmount(Money.ofMinor(it.currency, it.original)).openAmount(Money.ofMinor(it.currency,
            it.openAsOf(day))).disputed(it.disputedAsOf(day)).origin(it.origin).openedBy(it.openedBy).build();
  }

  /**
   * A receivable item (invoice, late fee, adjustment) as it stands now, open or not.
   *
   * @param number the item number, not null
   * @return the item, or empty if unknown
   */
  public Optional<OpenItem> item(String number) {
    Objects.requireNonNull(number, "number");
    return read(() -> {
      Item it = state.receivable(number);
      return it == null ? Optional.<OpenItem>empty() : Optional.of(view(it, Integer.MAX_VALUE));
    });
  }

  /**
   * A payment or credit on a customer's unapplied cash, or an unidentified payment, as it stands now.
   *
   * @param paymentId the payment or credit id, not null
   * @return the item (its open amount is what is left to apply), or empty if unknown
   */
  public Optional<OpenItem> payment(String paymentId) {
    Objects.requireNonNull(paymentId, "paymentId");
    return read(() -> {
      Item it = state.items(AccountKind.UNAPPLIED_CASH).get(paymentId);
      if (it == null) {
        it = state.items(AccountKind.UNIDENTIFIED_CASH).get(paymentId);
      }
      return it == null ? Optional.<OpenItem>empty() : Optional.of(view(it, Integer.MAX_VALUE));
    });
  }

  /**
   * The customer accounts, in the order they first appeared.
   *
   * @return the account ids, never null
   */
  public List<String> customers() {
    return read(() -> {
      List<String> out = new ArrayList<>(state.customerList.size());
      state.customerList.forEach(c -> out.add(c.id));
      return List.copyOf(out);
    });
  }

  /**
   * Every account that has moved, sorted.
   *
   * @return the accounts, never null
   */
  public List<LedgerAccount> accounts() {
    return read(() -> {
      List<LedgerAccount> out = new ArrayList<>(state.accounts.keySet());
      out.sort(ACCOUNT_ORDER);
      return List.copyOf(out);
    });
  }

  /**
   * A customer statement: opening balance, the movements that changed what the customer owes, closing balance.
   *
   * <p>{@code statement("ACC-1", USD, 2024-05-01, 2024-06-01)} covers May. Amounts are positive for charges and
   * negative for payments and credits; applications (which move nothing the customer owes) are not listed.
   *
   * @param accountId the customer account, not null
   * @param currency the currency, not null
   * @param fromInclusive the first day, not null
   * @param toExclusive the day after the last, after {@code fromInclusive}, not null
   * @return the statement, never null
   * @throws ValidationException if the range is empty
   * @throws NotFoundException if the customer is unknown
   */
  public CustomerStatement statement(String accountId, CurrencyUnit currency, LocalDate fromInclusive,
      LocalDate toExclusive) {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(fromInclusive, "fromInclusive");
    Objects.requireNonNull(toExclusive, "toExclusive");
    if (!toExclusive.isAfter(fromInclusive)) {
      throw new ValidationException("toExclusive", toExclusive, "must be after fromInclusive " + fromInclusive);
    }
    int from = LedgerState.day(fromInclusive);
    int to = LedgerState.day(toExclusive);
    return read(() -> {
      requireCustomer(state, accountId, "accountId");
      LedgerAccount ar = LedgerAccount.receivable(accountId);
      LedgerAccount un = LedgerAccount.unappliedCash(accountId);
      long opening = customerBalance(accountId, currency, from - 1);
      List<JournalEntry> entries = new ArrayList<>();
      for (long seq : mergedSequences(ar, un)) {
        int day = LedgerState.day(state.dateOf(seq));
        if (day >= from && day < to) {
          entries.add(readEntry(seq));
        }
      }
      entries.sort(Comparator.comparing(JournalEntry::effectiveDate).thenComparingLong(JournalEntry::sequence));
      List<StatementLine> lines = new ArrayList<>();
      long running = opening;
      for (JournalEntry e : entries) {
        long net = 0;
        for (JournalLine l : e.lines()) {
          if ((l.account().equals(ar) || l.account().equals(un)) && l.amount().getCurrencyUnit().equals(currency)) {
            net += l.signedMinor();
          }
        }
        if (net == 0) {
          continue;
        }
        running += net;
        lines.add(StatementLine.builder().date(e.effectiveDate()).sequence(e.sequence()).type(e.type())
            .reference(reference(e)).description(e.description()).amount(Money.ofMinor(currency, net))
            .balance(Money.ofMinor(currency, running)).build());
      }
      return CustomerStatement.builder().accountId(accountId).currency(currency).fromInclusive(fromInclusive)
          .toExclusive(toExclusive).openingBalance(Money.ofMinor(currency, opening)).lines(lines)
          .closingBalance(Money.ofMinor(currency, customerBalance(accountId, currency, to - 1))).build();
    });
  }

  private static String reference(JournalEntry e) {
    for (String name : new String[] {LedgerAttributes.DOCUMENT, LedgerAttributes.PAYMENT_ID,
        LedgerAttributes.REFUND_ID, LedgerAttributes.INVOICE_NUMBER}) {
      Optional<String> v = e.attribute(name);
      if (v.isPresent()) {
        return v.get();
      }
    }
    return "";
  }

  private long[] mergedSequences(LedgerAccount a, LedgerAccount b) {
    AccountState x = state.accounts.get(a);
    AccountState y = state.accounts.get(b);
    long[] xs = x == null ? new long[0] : x.sequences.toArray();
    long[] ys = y == null ? new long[0] : y.sequences.toArray();
    long[] out = new long[xs.length + ys.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < xs.length || j < ys.length) {
      long next = j >= ys.length || (i < xs.length && xs[i] <= ys[j]) ? xs[i++] : ys[j++];
      if (n == 0 || out[n - 1] != next) {
        out[n++] = next;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * The journal entries with a line on an account, in sequence order.
   *
   * @param account the account, not null
   * @return the entries, never null
   */
  public List<JournalEntry> entries(LedgerAccount account) {
    Objects.requireNonNull(account, "account");
    return read(() -> {
      AccountState as = state.accounts.get(account);
      List<JournalEntry> out = new ArrayList<>();
      if (as != null) {
        for (int i = 0; i < as.sequences.size(); i++) {
          out.add(readEntry(as.sequences.get(i)));
        }
      }
      return List.copyOf(out);
    });
  }

  /**
   * The journal entries with a line on an account and an effective date in a half-open range, in sequence order.
   *
   * @param account the account, not null
   * @param fromInclusive the first day, not null
   * @param toExclusive the day after the last, not null
   * @return the entries, never null
   */
  public List<JournalEntry> entries(LedgerAccount account, LocalDate fromInclusive, LocalDate toExclusive) {
    Objects.requireNonNull(account, "account");
    int from = LedgerState.day(Objects.requireNonNull(fromInclusive, "fromInclusive"));
    int to = LedgerState.day(Objects.requireNonNull(toExclusive, "toExclusive"));
    return read(() -> {
      AccountState as = state.accounts.get(account);
      List<JournalEntry> out = new ArrayList<>();
      if (as != null) {
        for (int i = 0; i < as.sequences.size(); i++) {
          long seq = as.sequences.get(i);
          int day = LedgerState.day(state.dateOf(seq));
          if (day >= from && day < to) {
            out.add(readEntry(seq));
          }
        }
      }
      return List.copyOf(out);
    });
  }

  /**
   * One entry by sequence.
   *
   * @param sequence the sequence, from 1
   * @return the entry, never null
   * @throws NotFoundException if there is no such entry
   */
  public JournalEntry entry(long sequence) {
    return read(() -> {
      if (sequence < 1 || sequence > state.lastSequence) {
        throw new NotFoundException("sequence", sequence, "must name a posted entry 1 to " + state.lastSequence);
      }
      return readEntry(sequence);
    });
  }

  /**
   * The entry posted under an idempotency key.
   *
   * @param key the key, not null
   * @return the entry, or empty if the key was never used
   */
  public Optional<JournalEntry> entry(String key) {
    Objects.requireNonNull(key, "key");
    return read(() -> {
      long seq = state.keys.find(key, this::keyAt);
      return seq == 0 ? Optional.<JournalEntry>empty() : Optional.of(readEntry(seq));
    });
  }

  /**
   * The sequence of the last posted entry.
   *
   * @return the sequence, 0 for an empty ledger
   */
  public long lastSequence() {
    return read(() -> state.lastSequence);
  }

  /**
   * The last day of the closed period.
   *
   * @return the day, or empty if no period is closed
   */
  public Optional<LocalDate> closedThrough() {
    return read(state::closedThroughDate);
  }

  /**
   * An aging report with the standard buckets (Current, 1-30, 31-60, 61-90, 90+ days past due).
   *
   * @param asOf the day, not null
   * @return the report, never null
   */
  public AgingReport aging(LocalDate asOf) {
    return aging(asOf, AgingPolicy.standard());
  }

  /**
   * An aging report as of a day: per customer and currency, the open undisputed receivables by bucket, the disputed
   * ones apart, and the unapplied credits; totals per currency tie to the AR control balance.
   *
   * @param asOf the day, not null
   * @param policy the buckets, not null
   * @return the report, never null
   */
  public AgingReport aging(LocalDate asOf, AgingPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    int day = LedgerState.day(Objects.requireNonNull(asOf, "asOf"));
    return read(() -> Aging.report(state, asOf, day, policy));
  }

  /**
   * The journal's checkpoint: the last entry's sequence and chain hash, a digest a third party can keep and later
   * compare with {@code store().compare(checkpoint)}.
   *
   * @return the checkpoint, never null
   */
  public Checkpoint checkpoint() {
    return read(store::checkpoint);
  }

  /**
   * Re-walks the journal's hash chain (see {@link JournalStore#verify()}).
   *
   * @return the report, never null
   */
  public VerificationReport verify() {
    return store.verify();
  }

  /**
   * The journal this ledger posts to.
   *
   * @return the store, never null
   */
  public JournalStore store() {
    return store;
  }

  /**
   * Closes the journal (making every posted entry durable).
   *
   * @throws JournalException if the final write fails
   */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      store.close();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
