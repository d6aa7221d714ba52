package io.github.gridbill.ledger;

import io.github.gridbill.core.BusinessRuleException;
import io.github.gridbill.core.ConflictException;
import io.github.gridbill.core.CurrencyMismatchException;
import io.github.gridbill.core.NotFoundException;
import io.github.gridbill.core.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's derived state: balances by account and day, open items, customers, idempotency keys, reversals,
 * dispute and dunning marks, the closed period. {@link #check} validates a draft against it without changing
 * anything; {@link #apply} applies a posted entry. Replaying the journal through {@code check} and {@code apply}
 * rebuilds it exactly. Not thread-safe: the ledger's lock guards it.
 */
final class LedgerState {
  static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
  static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
  private static final long MIN_DAY = MIN_DATE.toEpochDay();
  private static final long MAX_DAY = MAX_DATE.toEpochDay();
  /** The most a ledger debits in one currency over its life ({@link Limits#MAX_MINOR}). */
  static final long MAX_DEBITS = Limits.MAX_MINOR;

  long lastSequence;
  int closedThrough = Integer.MIN_VALUE;
  final KeyIndex keys = new KeyIndex();
  final Map<LedgerAccount, AccountState> accounts = new HashMap<>();
  final EnumMap<AccountKind, Balances> kindTotals = new EnumMap<>(AccountKind.class);
  final EnumMap<AccountKind, Map<String, Item>> items = new EnumMap<>(AccountKind.class);
  final List<Item> receivables = new ArrayList<>();
  final List<Item> unidentified = new ArrayList<>();
  final Map<String, Customer> customers = new HashMap<>();
  final List<Customer> customerList = new ArrayList<>();
  final Map<Long, Long> reversedBy = new HashMap<>();
  /** Minor units debited so far, per currency (a one-element array, updated in place). */
  private final Map<CurrencyUnit, long[]> debits = new HashMap<>();
  private int[] entryDays = new int[1024];
  private byte[] entryTypes = new byte[1024];

  LedgerState() {
    for (AccountKind k : AccountKind.values()) {
      kindTotals.put(k, new Balances());
      if (k.isItemManaged()) {
        items.put(k, new HashMap<>());
      }
    }
  }

  /**
   * A date as a day number. Entries have dates in the years 1 to 9999; a query date outside them is clamped to the day
   * just before or just after (as of any later day, everything counts), so that no date wraps around the int range.
   */
  static int day(LocalDate date) {
    return (int) Math.max(MIN_DAY - 1, Math.min(MAX_DAY + 1, date.toEpochDay()));
  }

  static LocalDate date(int day) {
    return LocalDate.ofEpochDay(day);
  }

  Map<String, Item> items(AccountKind kind) {
    Map<String, Item> m = items.get(kind);
    if (m == null) {
      throw new IllegalArgumentException(kind + " is not item-managed");
    }
    return m;
  }

  @Nullable Item receivable(String number) {
    return items(AccountKind.RECEIVABLE).get(number);
  }

  EntryType typeOf(long sequence) {
    return EntryType.ofCode(entryTypes[(int) (sequence - 1)]);
  }

  LocalDate dateOf(long sequence) {
    return date(entryDays[(int) (sequence - 1)]);
  }

  Optional<LocalDate> closedThroughDate() {
    return closedThrough == Integer.MIN_VALUE ? Optional.empty() : Optional.of(date(closedThrough));
  }

  private static boolean opensCustomers(EntryType type) {
    return type == EntryType.INVOICE || type == EntryType.REBILL;
  }

  /** The running state of one item while checking an entry. */
  private static final class Pending {
    final AccountKind kind;
    final String ref;
    final LedgerAccount account;
    final CurrencyUnit currency;
    long open;

    Pending(AccountKind kind, String ref, LedgerAccount account, CurrencyUnit currency, long open) {
      this.kind = kind;
      this.ref = ref;
      this.account = account;
      this.currency = currency;
      this.open = open;
    }
  }

  /** The items an entry's lines have touched so far, by kind and reference: a short list, and a map for many. */
  private static final class Pendings {
    private static final int LIST_MAX = 16;
    private final List<Pending> list = new ArrayList<>(4);
    private @Nullable Map<String, Pending> map;

    private static String key(AccountKind kind, String ref) {
      return kind.name() + ":" + ref;
    }

    @Nullable Pending get(AccountKind kind, String ref) {
      Map<String, Pending> m = map;
      if (m != null) {
        return m.get(key(kind, ref));
      }
      for (int i = 0; i < list.size(); i++) {
        Pending p = list.get(i);
        if (p.kind == kind && p.ref.equals(ref)) {
          return p;
        }
      }
      return null;
    }

    void add(Pending p) {
      Map<String, Pending> m = map;
      if (m == null) {
        if (list.size() < LIST_MAX) {
          list.add(p);
          return;
        }
        m = new HashMap<>();
        for (Pending q : list) {
          m.put(key(q.kind, q.ref), q);
        }
        map = m;
      }
      m.put(key(p.kind, p.ref), p);
    }
  }

  /** Validates a draft against the current state; changes nothing. */
  void check(Draft d) {
    LocalDate date = d.effectiveDate();
    requireDate(date, "effectiveDate");
    int day = day(date);
    if (day <= closedThrough) {
      throw new BusinessRuleException("effectiveDate", date, "must be after the closed period ending "
          + date(closedThrough));
    }
    List<JournalLine> lines = d.lines();
    if (d.type().isFinancial()) {
      Lines.requireBalanced(lines, "lines", this::checkDebits);
    } else if (!lines.isEmpty()) {
      throw new ValidationException("lines", lines.size() + " lines", "must be empty for a " + d.type()
          + " entry");
    }
    Pendings pending = new Pendings();
    for (int i = 0; i < lines.size(); i++) {
      checkLine(d, lines.get(i), i, day, pending);
    }
    checkNotes(d, day);
    checkAttributes(d);
  }

  /** Refuses an entry whose debits in a currency would take the ledger's past {@link #MAX_DEBITS}. */
  private void checkDebits(CurrencyUnit currency, long entry) {
    long[] so = debits.get(currency);
    long before = so == null ? 0 : so[0];
    if (entry > MAX_DEBITS - before) {
      throw new BusinessRuleException("lines", Money.ofMinor(currency, entry), "must keep the ledger's "
          + currency + " debits at most " + Money.ofMinor(currency, MAX_DEBITS).getAmount().toPlainString()
          + " (it has debited " + Money.ofMinor(currency, before).getAmount().toPlainString() + ")");
    }
  }

  private static void requireDate(LocalDate date, String field) {
    if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
      throw new ValidationException(field, date, "must be in the years 1 to 9999");
    }
  }

  /** The name of a line's field in messages, built only when a check fails. */
  private static String field(int i, String name) {
    return "lines[" + i + "]." + name;
  }

  private void checkLine(Draft d, JournalLine line, int i, int day, Pendings pending) {
    LedgerAccount account = line.account();
    AccountKind kind = account.kind();
    if (kind.isCustomerAccount() && !opensCustomers(d.type()) && !customers.containsKey(account.key())) {
      throw new NotFoundException(field(i, "account"), account, "must belong to a known customer account");
    }
    Optional<LocalDate> due = line.dueDate();
    if (due.isPresent() && (due.get().isBefore(MIN_DATE) || due.get().isAfter(MAX_DATE))) {
      requireDate(due.get(), field(i, "dueDate"));
    }
    Optional<String> itemRef = line.itemRef();
    if (!kind.isItemManaged()) {
      if (itemRef.isPresent()) {
        throw new ValidationException(field(i, "itemRef"), itemRef.get(), "must be absent on a " + kind
            + " account");
      }
      return;
    }
    if (itemRef.isEmpty()) {
      throw new ValidationException(field(i, "itemRef"), account, "must be present on an item-managed account");
    }
    String ref = itemRef.get();
    boolean natural = line.side() == kind.normalSide();
    Money money = line.amount();
    long amount = money.getAmountMinorLong();
    CurrencyUnit currency = money.getCurrencyUnit();
    Pending p = pending.get(kind, ref);
    if (p == null) {
      Item item = items(kind).get(ref);
      if (item != null) {
        if (day < item.lastMoveDay) {
          throw new BusinessRuleException("effectiveDate", d.effectiveDate(), "must not be before the last movement of "
              + ref + " on " + date(item.lastMoveDay));
        }
        p = new Pending(kind, ref, item.account.account, item.currency, item.open);
        pending.add(p);
      }
    }
    if (p == null) {
      if (!natural) {
        throw new NotFoundException(field(i, "itemRef"), ref, "must name an item of " + account);
      }
      pending.add(new Pending(kind, ref, account, currency, amount));
      return;
    }
    if (!p.account.equals(account)) {
      throw new BusinessRuleException(field(i, "itemRef"), ref, "must belong to " + account + " (it is on "
          + p.account + ")");
    }
    if (!p.currency.equals(currency)) {
      throw new CurrencyMismatchException(field(i, "amount"), p.currency, currency, money);
    }
    if (due.isPresent()) {
      throw new ValidationException(field(i, "dueDate"), due.get(),
          "must only be given on a line that opens an item");
    }
    if (natural) {
      p.open = Math.addExact(p.open, amount);
    } else {
      if (amount > p.open) {
        throw new BusinessRuleException(field(i, "amount"), money, "must not exceed the open amount "
            + Money.ofMinor(currency, p.open) + " of " + ref);
      }
      p.open -= amount;
    }
  }

  private void checkNotes(Draft d, int day) {
    if (d.notes().isEmpty()) {
      return;
    }
    EntryType t = d.type();
    if (t != EntryType.DISPUTE_OPENED && t != EntryType.DISPUTE_RESOLVED && t != EntryType.DUNNING_RUN) {
      throw new ValidationException("notes", d.notes().size() + " notes", "must be empty for a " + t + " entry");
    }
    if (t != EntryType.DUNNING_RUN && d.notes().size() != 1) {
      throw new ValidationException("notes", d.notes().size() + " notes", "must be exactly one for a " + t
          + " entry");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < d.notes().size(); i++) {
      ItemNote n = d.notes().get(i);
      String f = "notes[" + i + "]";
      Item item = receivable(n.itemRef());
      if (item == null || !item.account.account.equals(n.account())) {
        throw new NotFoundException(f + ".itemRef", n.itemRef(), "must name an item of " + n.account());
      }
      if (!seen.add(n.itemRef())) {
        throw new ValidationException(f + ".itemRef", n.itemRef(), "must not be noted twice in one entry");
      }
      if (day < item.openedDay) {
        throw new BusinessRuleException("effectiveDate", d.effectiveDate(), "must not be before " + item.ref
            + " was opened on " + date(item.openedDay));
      }
      if (t == EntryType.DUNNING_RUN) {
        if (n.level() <= item.dunningLevel) {
          throw new BusinessRuleException(f + ".level", n.level(), "must be above the level " + item.dunningLevel
              + " already dunned for " + item.ref);
        }
        continue;
      }
      if (day < item.lastDisputeDay()) {
        throw new BusinessRuleException("effectiveDate", d.effectiveDate(), "must not be before the last dispute "
            + "change of " + item.ref + " on " + date(item.lastDisputeDay()));
      }
      if (t == EntryType.DISPUTE_OPENED && item.disputed()) {
        throw new BusinessRuleException("invoiceNumber", item.ref, "must not be in dispute already");
      }
      if (t == EntryType.DISPUTE_RESOLVED && !item.disputed()) {
        throw new BusinessRuleException("invoiceNumber", item.ref, "must be in dispute");
      }
    }
  }

  private void checkAttributes(Draft d) {
    String reverses = d.attributes().get(LedgerAttributes.REVERSES);
    if (d.type() == EntryType.REVERSAL || d.type() == EntryType.REBILL) {
      if (reverses == null) {
        throw new ValidationException("attributes", d.attributes(), "must name the reversed entry for a "
            + d.type() + " entry");
      }
      long target;
      try {
        target = Long.parseLong(reverses);
      } catch (NumberFormatException e) {
        throw new ValidationException("attributes[reverses]", reverses, "must be an entry sequence");
      }
      checkReversible(target, d.effectiveDate());
    } else if (reverses != null) {
      throw new ValidationException("attributes[reverses]", reverses, "must only be given on a REVERSAL or REBILL");
    }
    if (d.type() == EntryType.CUSTOMER_OPENED) {
      String id = d.attributes().get(LedgerAttributes.ACCOUNT_ID);
      if (id == null) {
        throw new ValidationException("attributes", d.attributes(), "must name the accountId opened");
      }
      Names.name(id, "accountId");
      if (customers.containsKey(id)) {
        throw new ConflictException("accountId", id, "must not be open already");
      }
    }
    if (d.type() == EntryType.PERIOD_CLOSED
        && !d.effectiveDate().toString().equals(d.attributes().get(LedgerAttributes.CLOSED_THROUGH))) {
      throw new ValidationException("attributes[closedThrough]", d.attributes().get(LedgerAttributes.CLOSED_THROUGH),
          "must equal the effective date " + d.effectiveDate());
    }
  }

  /** Checks that an entry may be reversed on a date. */
  void checkReversible(long target, LocalDate date) {
    if (target < 1 || target > lastSequence) {
      throw new NotFoundException("sequence", target, "must name a posted entry 1 to " + lastSequence);
    }
    EntryType t = typeOf(target);
    if (!t.isFinancial()) {
      throw new BusinessRuleException("sequence", target, "must name a financial entry (it is " + t + ")");
    }
    if (t == EntryType.REVERSAL) {
      throw new BusinessRuleException("sequence", target, "must not name a reversal");
    }
    Long by = reversedBy.get(target);
    if (by != null) {
      throw new BusinessRuleException("sequence", target, "must not be reversed already (it was by #" + by + ")");
    }
    if (date.isBefore(dateOf(target))) {
      throw new BusinessRuleException("effectiveDate", date, "must not be before the reversed entry's date "
          + dateOf(target));
    }
  }

  /** Applies a posted (checked) entry. */
  void apply(JournalEntry e) {
    long seq = e.sequence();
    int day = day(e.effectiveDate());
    for (JournalLine line : e.lines()) {
      AccountKind kind = line.account().kind();
      @Nullable Item item = null;
      String ref = "";
      if (kind.isItemManaged()) {
        ref = line.itemRef().orElseThrow();
        item = items(kind).get(ref);
      }
      // a checked line moves an existing item only on the item's own account (check refuses any other), so the
      // item leads to the account's state without another look-up
      AccountState as = item != null ? item.account : account(line.account());
      long signed = line.signedMinor();
      CurrencyUnit currency = line.amount().getCurrencyUnit();
      if (signed > 0) {
        debits.computeIfAbsent(currency, c -> new long[1])[0] += signed;
      }
      as.balances.of(currency).add(day, signed);
      kindTotal(kind).of(currency).add(day, signed);
      if (as.sequences.last() != seq) {
        as.sequences.add(seq);
      }
      if (kind.isItemManaged()) {
        long amount = line.amount().getAmountMinorLong();
        boolean natural = line.side() == kind.normalSide();
        if (item == null) {
          int due = line.dueDate().map(LedgerState::day).orElse(day);
          item = new Item(ref, as, currency, day, due, seq, e.type(), amount);
          items(kind).put(ref, item);
          Customer c = as.customer;
          if (kind == AccountKind.RECEIVABLE) {
            receivables.add(item);
            if (c != null) {
              c.receivables.add(item);
            }
          } else if (kind == AccountKind.UNAPPLIED_CASH && c != null) {
            c.credits.add(item);
          } else if (kind == AccountKind.UNIDENTIFIED_CASH) {
            unidentified.add(item);
          }
        } else {
          item.move(day, natural ? amount : -amount);
        }
      }
    }
    for (ItemNote n : e.notes()) {
      Item item = items(AccountKind.RECEIVABLE).get(n.itemRef());
      if (item == null) {
        throw new IllegalStateException("a checked note names a missing item " + n.itemRef());
      }
      if (e.type() == EntryType.DUNNING_RUN) {
        item.dunningLevel = Math.max(item.dunningLevel, n.level());
      } else {
        item.toggleDispute(day);
      }
    }
    e.reverses().ifPresent(target -> reversedBy.put(target, seq));
    if (e.type() == EntryType.PERIOD_CLOSED) {
      closedThrough = day;
    }
    if (e.type() == EntryType.CUSTOMER_OPENED) {
      customer(e.attribute(LedgerAttributes.ACCOUNT_ID).orElseThrow());
    }
    if (seq > entryDays.length) {
      entryDays = Arrays.copyOf(entryDays, entryDays.length * 2);
      entryTypes = Arrays.copyOf(entryTypes, entryTypes.length * 2);
    }
    entryDays[(int) (seq - 1)] = day;
    entryTypes[(int) (seq - 1)] = (byte) e.type().code();
    keys.put(e.key(), seq);
    lastSequence = seq;
  }

  Balances kindTotal(AccountKind kind) {
    return Objects.requireNonNull(kindTotals.get(kind), "every kind has totals");
  }

  Customer customer(String id) {
    Customer c = customers.get(id);
    if (c == null) {
      c = new Customer(id, customerList.size());
      customers.put(id, c);
      customerList.add(c);
    }
    return c;
  }

  AccountState account(LedgerAccount account) {
    AccountState as = accounts.get(account);
    if (as == null) {
      Customer c = account.kind().isCustomerAccount() ? customer(account.key()) : null;
      as = new AccountState(account, c);
      accounts.put(account, as);
    }
    return as;
  }

  /** The balance of an account at the end of a day, in minor units, debits positive. */
  long balance(LedgerAccount account, CurrencyUnit currency, int day) {
    AccountState as = accounts.get(account);
    return as == null ? 0 : as.balances.asOf(currency, day);
  }
}
