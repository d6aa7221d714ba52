package io.github.gridbill.reconcile.cash;

import io.github.gridbill.core.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.CurrencyUnit;

/**
 * The open items to match against, indexed once for many payments: by invoice number and by account (each account's
 * items oldest first: by due date, then issue date, then the order given).
 *
 * <p>{@code OpenItemIndex.of(items).itemsOf("ACC-1001")} lists that account's items oldest first. Invoice numbers and
 * account ids are compared ignoring case ({@link Locale#ROOT} upper case), so invoice numbers must be unique ignoring
 * case. Build it once and reuse it: matching never changes it (each run keeps its own running open amounts). Building
 * an index of a million items takes a sort of a million {@code long}s and two hash tables of strings.
 *
 * <p>Internally the items are laid out as primitive arrays (open amounts as {@code long} minor units, account
 * numbers as {@code int}s) and the hash tables map strings to {@code int} positions without boxing; see the
 * cash-application benchmark. Instances are immutable and thread-safe.
 */
public final class OpenItemIndex {
  /** The most items one index holds (2^25 − 1). */
  public static final int MAX_ITEMS = (1 << 25) - 1;

  private static final long BASE_DAY = LocalDate.of(1900, 1, 1).toEpochDay();
  private static final long MAX_DAY_OFFSET = (1L << 19) - 1;

  final OpenItem[] items;
  final long[] openMinor;
  final CurrencyUnit[] currency;
  final boolean[] disputed;
  final int[] accountOf;
  /** Position of each item in its account's oldest-first list: a sort key within the account. */
  final int[] rankInAccount;
  final String[] accountIds;
  final int[] accountStart;
  final int[] accountItems;
  final StringIntMap invoiceIndex;
  final StringIntMap accountIndex;

  private OpenItemIndex(Collection<OpenItem> source) {
    int n = source.size();
    if (n > MAX_ITEMS) {
      throw new ValidationException("items", n, "must hold at most " + MAX_ITEMS + " items");
    }
    items = new OpenItem[n];
    openMinor = new long[n];
    currency = new CurrencyUnit[n];
    disputed = new boolean[n];
    accountOf = new int[n];
    rankInAccount = new int[n];
    invoiceIndex = new StringIntMap(n);
    accountIndex = new StringIntMap(Math.max(16, n / 4));
    List<String> accounts = new ArrayList<>();
    long[] keys = new long[n];
    int i = 0;
    for (OpenItem it : source) {
      Objects.requireNonNull(it, "items[" + i + "]");
      int dup = invoiceIndex.putIfAbsent(normalize(it.invoiceNumber()), i);
      if (dup >= 0) {
        throw new ValidationException("items[" + i + "].invoiceNumber", it.invoiceNumber(),
            "must be unique ignoring case (items[" + dup + "] has " + items[dup].invoiceNumber() + ")");
      }
      int acct = accountIndex.putIfAbsent(normalize(it.accountId()), accounts.size());
      if (acct < 0) {
        acct = accounts.size();
        accounts.add(it.accountId());
      }
      items[i] = it;
      openMinor[i] = it.openAmount().getAmountMinorLong();
      currency[i] = it.openAmount().getCurrencyUnit();
      disputed[i] = it.disputed();
      accountOf[i] = acct;
      keys[i] = (day(it.dueDate(), i, "dueDate") << 44) | (day(it.issueDate(), i, "issueDate") << 25) | i;
      i++;
    }
    accountIds = accounts.toArray(new String[0]);
    Arrays.sort(keys);
    accountStart = new int[accountIds.length + 1];
    for (int k = 0; k < n; k++) {
      accountStart[accountOf[k] + 1]++;
    }
    for (int a = 0; a < accountIds.length; a++) {
      accountStart[a + 1] += accountStart[a];
    }
    int[] fill = Arrays.copyOf(accountStart, accountIds.length);
    accountItems = new int[n];
    for (long key : keys) {
      int item = (int) (key & MAX_ITEMS);
      int a = accountOf[item];
      rankInAccount[item] = fill[a] - accountStart[a];
      accountItems[fill[a]++] = item;
    }
  }

  private static long day(LocalDate d, int i, String field) {
    long off = d.toEpochDay() - BASE_DAY;
    if (off < 0 || off > MAX_DAY_OFFSET) {
      throw new ValidationException("items[" + i + "]." + field, d, "must be from 1900-01-01 to "
          + LocalDate.ofEpochDay(BASE_DAY + MAX_DAY_OFFSET));
    }
    return off;
  }

  /** Upper case in {@link Locale#ROOT}; returns the string itself, without the locale machinery, when it has no
   * lower-case ASCII letter and no non-ASCII character (invoice numbers and account ids usually). */
  static String normalize(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || c >= 0x80) {
        return s.toUpperCase(Locale.ROOT);
      }
    }
    return s;
  }

  /**
   * Indexes open items.
   *
   * @param items the items, not null, no nulls, invoice numbers unique ignoring case, at most {@link #MAX_ITEMS}
   * @return the index, never null
   * @throws ValidationException if an invoice number repeats (naming both positions), there are too many items, or a
   *     date is outside 1900-01-01 to 3335-06-14
   */
  public static OpenItemIndex of(Collection<OpenItem> items) {
    Objects.requireNonNull(items, "items");
    return new OpenItemIndex(items);
  }

  /**
   * How many items.
   *
   * @return the count
   */
  public int size() {
    return items.length;
  }

  /**
   * How many distinct accounts own items.
   *
   * @return the count
   */
  public int accountCount() {
    return accountIds.length;
  }

  /**
   * The items, in the order given.
   *
   * @return an unmodifiable list, never null
   */
  public List<OpenItem> items() {
    return Collections.unmodifiableList(Arrays.asList(items));
  }

  /**
   * The item with an invoice number, compared ignoring case: {@code item("inv-2024-0042")} finds
   * {@code INV-2024-0042}.
   *
   * @param invoiceNumber the invoice number, not null
   * @return the item, or empty
   */
  public Optional<OpenItem> item(String invoiceNumber) {
    Objects.requireNonNull(invoiceNumber, "invoiceNumber");
    int i = invoiceIndex.get(normalize(invoiceNumber));
    return i < 0 ? Optional.empty() : Optional.of(items[i]);
  }

  /**
   * An account's items, oldest first (due date, then issue date, then the order given).
   *
   * @param accountId the account id, compared ignoring case, not null
   * @return the items, an unmodifiable list, empty for an unknown account, never null
   */
  public List<OpenItem> itemsOf(String accountId) {
    Objects.requireNonNull(accountId, "accountId");
    int a = accountIndex.get(normalize(accountId));
    if (a < 0) {
      return List.of();
    }
    List<OpenItem> out = new ArrayList<>(accountStart[a + 1] - accountStart[a]);
    for (int k = accountStart[a]; k < accountStart[a + 1]; k++) {
      out.add(items[accountItems[k]]);
    }
    return Collections.unmodifiableList(out);
  }
}
