package io.github.gridbill.ledger;

import io.github.gridbill.core.GridBillStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * What a posting returned: the entry, and whether it was posted now or is the original of an idempotent retry.
 *
 * <p>Posting key {@code "inv-42"} the first time gives {@code replayed() == false}; posting it again with the same
 * content gives the same entry with {@code replayed() == true} and changes nothing. Instances are immutable and
 * thread-safe.
 */
@Value.Immutable
@GridBillStyle
abstract class PostingResultDef {

  /**
   * The entry: the one posted now, or the one posted earlier under the same key.
   *
   * @return the entry
   */
  @Value.Parameter
  public abstract JournalEntry entry();

  /**
   * Whether this call found the key already posted with the same content (an idempotent retry).
   *
   * @return true for a replay, false for a new posting
   */
  @Value.Parameter
  public abstract boolean replayed();

  /**
   * Whether this call posted a new entry.
   *
   * @return the opposite of {@link #replayed()}
   */
  public boolean isNew() {
    return !replayed();
  }

  /**
   * The entry's sequence.
   *
   * @return the sequence
   */
  public long sequence() {
    return entry().sequence();
  }

  /**
   * The receivable items this entry settled, with the amounts: for an application, which invoices got how much.
   *
   * <p>An application of PAY-7 (USD 50.00) to INV-1 (open 30.00) and INV-2 gives {@code {INV-1=USD 30.00,
   * INV-2=USD 20.00}}.
   *
   * @return invoice number to amount, in line order, never null
   */
  public Map<String, Money> allocations() {
    Map<String, Money> out = new LinkedHashMap<>();
    for (JournalLine l : entry().lines()) {
      if (l.account().kind() == AccountKind.RECEIVABLE && l.side() == EntrySide.CREDIT && l.itemRef().isPresent()) {
        out.merge(l.itemRef().get(), l.amount(), Money::plus);
      }
    }
    return out;
  }
}
