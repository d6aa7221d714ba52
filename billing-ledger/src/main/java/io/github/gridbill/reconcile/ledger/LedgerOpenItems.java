package io.github.gridbill.reconcile.ledger;

import io.github.gridbill.core.ValidationException;
import io.github.gridbill.ledger.AccountKind;
import io.github.gridbill.ledger.Ledger;
import io.github.gridbill.reconcile.cash.OpenItem;
import io.github.gridbill.reconcile.cash.OpenItemIndex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cash-application engine's open items, taken from a ledger as of a day.
 *
 * <pre>{@code
 * OpenItemIndex index = LedgerOpenItems.index(ledger, LocalDate.parse("2024-04-30"));
 * CashApplicationReport r = CashApplicationEngine.of(CashApplicationConfig.defaults()).apply(index, payments);
 * }</pre>
 *
 * <p>Every open receivable item of the ledger ({@link Ledger#openItems(LocalDate)}: invoices, late fees and positive
 * adjustments with something open at the end of the day) becomes one {@link OpenItem}: the customer account, the item
 * number as invoice number, the issue and due dates, the open amount as of the day, and the dispute flag as of the
 * day. Disputed items are kept and flagged, as the engine expects: only a payment that names a disputed item is
 * applied to it. An item the ledger shows due before it was opened (possible only with manual entries) is given with
 * its due date as issue date too, because the engine orders "oldest" by due date and requires due on or after issue.
 * Unapplied payments and credits are not open items here: they are the customers' credit balances. Stateless and
 * thread-safe; each call reads the ledger once.
 */
public final class LedgerOpenItems {
  private LedgerOpenItems() {}

  /**
   * One ledger open item as the engine's open item.
   *
   * <p>{@code INV-42} of {@code RECEIVABLE:ACC-1}, issued 2024-04-05, due 2024-05-05, USD 107.33 open, not disputed,
   * becomes {@code OpenItem.of("ACC-1", "INV-42", 2024-04-05, 2024-05-05, USD 107.33, false)}.
   *
   * @param item a receivable item of the ledger with something open, not null
   * @return the engine's item, never null
   * @throws ValidationException if the item is not a receivable or has nothing open
   */
  public static OpenItem toCashItem(io.github.gridbill.ledger.OpenItem item) {
    Objects.requireNonNull(item, "item");
    if (item.account().kind() != AccountKind.RECEIVABLE) {
      throw new ValidationException("item.account", item.account(), "must be a customer's receivable account");
    }
    String accountId = item.account().key();
    if (!item.openAmount().isPositive()) {
      throw new ValidationException("item.openAmount", item.openAmount(), "must be positive");
    }
    LocalDate issue = item.dueDate().isBefore(item.issueDate()) ? item.dueDate() : item.issueDate();
    return OpenItem.of(accountId, item.number(), issue, item.dueDate(), item.openAmount(), item.disputed());
  }

  /**
   * The ledger's open receivable items at the end of a day, as the engine's open items, in posting order.
   *
   * @param ledger the ledger, not null
   * @param asOf the day, not null
   * @return the items, never null
   */
  public static List<OpenItem> of(Ledger ledger, LocalDate asOf) {
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(asOf, "asOf");
    List<io.github.gridbill.ledger.OpenItem> open = ledger.openItems(asOf);
    List<OpenItem> out = new ArrayList<>(open.size());
    for (io.github.gridbill.ledger.OpenItem it : open) {
      out.add(toCashItem(it));
    }
    return List.copyOf(out);
  }

  /**
   * One customer's open receivable items at the end of a day, as the engine's open items, in posting order.
   *
   * @param ledger the ledger, not null
   * @param accountId the customer account, not null
   * @param asOf the day, not null
   * @return the items, never null (empty for an unknown customer)
   */
  public static List<OpenItem> of(Ledger ledger, String accountId, LocalDate asOf) {
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(asOf, "asOf");
    List<io.github.gridbill.ledger.OpenItem> open = ledger.openItems(accountId, asOf);
    List<OpenItem> out = new ArrayList<>(open.size());
    for (io.github.gridbill.ledger.OpenItem it : open) {
      out.add(toCashItem(it));
    }
    return List.copyOf(out);
  }

  /**
   * The engine's index of the ledger's open receivable items at the end of a day: {@code OpenItemIndex.of(of(ledger,
   * asOf))}.
   *
   * @param ledger the ledger, not null
   * @param asOf the day, not null
   * @return the index, never null
   * @throws ValidationException if two item numbers differ only in case (the engine compares them ignoring case) or
   *     an item is dated outside 1900-01-01 to 3335-06-14
   */
  public static OpenItemIndex index(Ledger ledger, LocalDate asOf) {
    return OpenItemIndex.of(of(ledger, asOf));
  }
}
